// Floor of `sop test`: CEL loaded and every condition of the SOPs checked and compiled, before a
// single scenario is driven. Usage: node scenario-test.mjs PARSED.json
import { checkConditions } from './check-conditions.js';
import { readParsedFiles } from './parsed-files.js';

process.stdout.write(`${checkConditions(readParsedFiles(process.argv[2]!))}\n`);
