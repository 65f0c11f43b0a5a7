/** `sop config`: the effective settings and where each one came from. */
import { Option, type Command } from 'commander';
import { OUTPUT_FORMAT } from './texts.js';
import type { CommandDefinition } from './commands.js';
import type { ConfigOptions } from '../commands/config.js';
import { langOption } from './lang-option.js';

export const defineConfig: CommandDefinition = (program: Command, t) => {
  program
    .command('config')
    .description(t({ en: 'show the effective settings (language, operator, data and SOP folders) and where each came from', uk: 'показати чинні налаштування (мова, оператор, тека даних і тека СОП) і звідки взято кожне' }))
    .addOption(new Option('--format <format>', t(OUTPUT_FORMAT)).choices(['text', 'json']).default('text'))
    .option('--data-dir <dir>', t({ en: 'as other commands take it: shows what it would change', uk: 'як в інших командах: показує, що саме це змінило б' }))
    .option('--sops <dir>', t({ en: 'as other commands take it', uk: 'як в інших командах' }))
    .addOption(langOption(t({ en: 'language', uk: 'мова' }), t))
    .option('--operator <name>', t({ en: 'as sop run takes it', uk: 'як у sop run' }))
    .addHelpText(
      'after',
      t({
        en: `
Settings come from, highest first: command-line flags, environment variables
(SOP_DATA_DIR, SOP_SOPS_DIR, SOP_OPERATOR, LANG), the config file
$XDG_CONFIG_HOME/sop-runner/config.yaml (keys: language, operator, data_dir, sops_dir,
public_key), then defaults. See docs/configuration.md.

Examples:
  sop config
  sop config --format json
  SOP_DATA_DIR=/srv/hotline sop config`,
        uk: `
Звідки беруться налаштування, від найвагомішого: параметри командного рядка, змінні
середовища (SOP_DATA_DIR, SOP_SOPS_DIR, SOP_OPERATOR, LANG), файл налаштувань
$XDG_CONFIG_HOME/sop-runner/config.yaml (ключі: language, operator, data_dir, sops_dir,
public_key), далі типові значення. Див. docs/configuration.md.

Приклади:
  sop config
  sop config --format json
  SOP_DATA_DIR=/srv/hotline sop config`,
      }),
    )
    .action(async (options: ConfigOptions) => {
      const { runConfig } = await import('../commands/config.js');
      process.exitCode = await runConfig(options);
    });
};
