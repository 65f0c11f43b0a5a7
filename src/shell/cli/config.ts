/** `sop config`: the effective settings and where each one came from. */
import { Option, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';

export interface ConfigOptions {
  readonly format: 'text' | 'json';
  readonly dataDir?: string;
  readonly sops?: string;
  readonly lang?: string;
  readonly operator?: string;
}

export const defineConfig: CommandDefinition = (program: Command) => {
  program
    .command('config')
    .description('show the effective settings (language, operator, data and SOP folders) and where each came from')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--data-dir <dir>', 'as other commands take it: shows what it would change')
    .option('--sops <dir>', 'as other commands take it')
    .addOption(new Option('--lang <lang>', 'language').choices(['en', 'uk']))
    .option('--operator <name>', 'as sop run takes it')
    .addHelpText(
      'after',
      `
Settings come from, highest first: command-line flags, environment variables
(SOP_DATA_DIR, SOP_SOPS_DIR, SOP_OPERATOR, LANG), the config file
$XDG_CONFIG_HOME/sop-runner/config.yaml (keys: language, operator, data_dir, sops_dir,
public_key), then defaults. See docs/configuration.md.

Examples:
  sop config
  sop config --format json
  SOP_DATA_DIR=/srv/hotline sop config`,
    )
    .action(async (options: ConfigOptions) => {
      const { runConfig } = await import('../commands/config.js');
      process.exitCode = await runConfig(options);
    });
};
