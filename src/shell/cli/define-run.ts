/** `sop run [sop]`: run a call live in the terminal, recorded in the journal. */
import { Option, type Command } from 'commander';
import { LANG_OF_SCREENS, DATA_DIR, SOPS_FOLDER } from './texts.js';
import type { CommandDefinition } from './commands.js';
import type { RunOptions } from '../commands/run.js';
import { langOption } from './lang-option.js';
import { msg } from '../../core/model/message.js';

export const defineRun: CommandDefinition = (program: Command, t) => {
  program
    .command('run')
    .description(t(msg('cli-run-run-a-call-the-sop')))
    .argument('[sop]', t(msg('cli-run-sop-id-or-file-default')))
    .addOption(langOption(t(LANG_OF_SCREENS), t))
    .option('--operator <name>', t(msg('cli-run-your-pseudonym-in-the-journal')))
    .option('--data-dir <dir>', t(DATA_DIR))
    .option('--sops <dir>', t(SOPS_FOLDER))
    .option('--answers <file>', t(msg('cli-run-run-without-a-terminal-answers')))
    .addHelpText(
      'after',
      t(msg('cli-run-keys-during-a-call-or')),
    )
    .action(async (sop: string | undefined, options: RunOptions) => {
      const { runRun } = await import('../commands/run.js');
      process.exitCode = await runRun(sop, options);
    });
};
