// Floor of a warm `sop validate`: the least it must do on every run whatever the cache holds (the
// parse may be cached, the verdict never): the JSON Schema check of every file. Prints how many
// files failed it. Usage: node warm-validate.mjs PARSED.json
import { checkSchemas } from './check-schemas.js';
import { readParsedFiles } from './parsed-files.js';

process.stdout.write(`${checkSchemas(readParsedFiles(process.argv[2]!))}\n`);
