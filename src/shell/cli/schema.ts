/** `sop schema`: print a JSON Schema (for editors, CI, other tools). */
import { Argument, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';

export const defineSchema: CommandDefinition = (program: Command) => {
  program
    .command('schema')
    .description('print the JSON Schema of SOP files, the referral directory or scenarios')
    .addArgument(new Argument('[which]', 'which schema').choices(['sop', 'directory', 'scenario']).default('sop'))
    .addHelpText(
      'after',
      `
The schemas are JSON Schema draft-07. Every shipped YAML file starts with a modeline so the
VS Code YAML extension (and other yaml-language-server editors) checks it as you type:
  # yaml-language-server: $schema=../schemas/sop.schema.json

Examples:
  sop schema                       the SOP schema
  sop schema directory > directory.schema.json
  sop schema scenario | jq '.properties | keys'`,
    )
    .action(async (which: 'sop' | 'directory' | 'scenario') => {
      const { runSchema } = await import('../commands/schema.js');
      process.exitCode = runSchema(which);
    });
};
