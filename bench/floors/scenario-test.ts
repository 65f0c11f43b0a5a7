// Floor of `sop test`: the library checked at its barest before a single scenario is driven, as
// every command that follows an SOP does: the JSON Schema check of every file (ajv, precompiled)
// and CEL loaded with every condition checked and compiled. Usage: node scenario-test.mjs PARSED.json
import { checkConditions } from './check-conditions.js';
import { checkSchemas } from './check-schemas.js';
import { readParsedFiles } from './parsed-files.js';

const files = readParsedFiles(process.argv[2]!);
checkSchemas(files);
process.stdout.write(`${checkConditions(files)}\n`);
