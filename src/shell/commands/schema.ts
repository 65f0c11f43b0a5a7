/** `sop schema [sop|directory|scenario]`: prints the schema text embedded at build time. */
import { SCHEMA_TEXT } from '../../generated/schemas.js';
import { EXIT } from '../exit-codes.js';

export function runSchema(which: keyof typeof SCHEMA_TEXT): number {
  const text = SCHEMA_TEXT[which];
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return EXIT.ok;
}
