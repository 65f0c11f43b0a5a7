// Floor of `sop run SOP` up to its first prompt: the library validated at its barest (the JSON
// Schema check and every condition's CEL check) and the first step's text printed.
// Usage: node run-start.mjs PARSED.json SOP-ID
import type { Sop } from '../../src/core/model/sop.js';
import { checkConditions } from './check-conditions.js';
import { checkSchemas } from './check-schemas.js';
import { isSopFile, readParsedFiles } from './parsed-files.js';

const files = readParsedFiles(process.argv[2]!);
checkSchemas(files);
checkConditions(files);
const sop = files.map((file) => file.value as Sop).find((value, i) => isSopFile(files[i]!.path) && value.sop === process.argv[3]);
const first = sop?.steps[sop.start];
const text = first?.text;
process.stdout.write(`${typeof text === 'string' ? text : (text?.['en'] ?? '')}\n`);
