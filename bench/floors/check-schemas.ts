// The JSON Schema check of every file, with the precompiled ajv validators `sop validate` uses.
import validateDirectory from '../../src/generated/validate-directory.js';
import validateScenario from '../../src/generated/validate-scenario.js';
import validateSop from '../../src/generated/validate-sop.js';
import { isSopFile, type ParsedFile } from './parsed-files.js';

/** How many files have schema errors. */
export function checkSchemas(files: readonly ParsedFile[]): number {
  let invalid = 0;
  for (const { path, value } of files) {
    const validate = isSopFile(path) ? validateSop : /\.scenario\.ya?ml$/.test(path) ? validateScenario : validateDirectory;
    if (!validate(value)) invalid++;
  }
  return invalid;
}
