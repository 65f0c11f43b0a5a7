/** `sop schema`: print a JSON Schema (for editors, CI, other tools). */
import { Argument, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';

export const defineSchema: CommandDefinition = (program: Command, t) => {
  program
    .command('schema')
    .description(t({ en: 'print the JSON Schema of SOP files, the referral directory or scenarios', uk: 'вивести JSON Schema файлів СОП, довідника для скерувань або сценаріїв' }))
    .addArgument(new Argument('[which]', t({ en: 'which schema', uk: 'яка схема' })).choices(['sop', 'directory', 'scenario']).default('sop'))
    .addHelpText(
      'after',
      t({
        en: `
The schemas are JSON Schema draft-07. Every shipped YAML file starts with a modeline so the
VS Code YAML extension (and other yaml-language-server editors) checks it as you type:
  # yaml-language-server: $schema=../schemas/sop.schema.json

Examples:
  sop schema                       the SOP schema
  sop schema directory > directory.schema.json
  sop schema scenario | jq '.properties | keys'`,
        uk: `
Схеми записано у JSON Schema draft-07. Кожен файл YAML, що постачається разом з інструментом,
починається з рядка-налаштування (modeline), тож розширення YAML для VS Code (та інші
редактори з yaml-language-server) перевіряють його під час набору:
  # yaml-language-server: $schema=../schemas/sop.schema.json

Приклади:
  sop schema                       схема СОП
  sop schema directory > directory.schema.json
  sop schema scenario | jq '.properties | keys'`,
      }),
    )
    .action(async (which: 'sop' | 'directory' | 'scenario') => {
      const { runSchema } = await import('../commands/schema.js');
      process.exitCode = runSchema(which);
    });
};
