/** `sop resume [session]`: continue an interrupted call where it stopped. */
import { Option, type Command } from 'commander';
import { LANG_OF_SCREENS, DATA_DIR, SOPS_FOLDER } from './texts.js';
import type { CommandDefinition } from './commands.js';
import type { ResumeOptions } from '../commands/resume.js';
import { langOption } from './lang-option.js';
import { msg } from '../../core/model/message.js';

export const defineResume: CommandDefinition = (program: Command, t) => {
  program
    .command('resume')
    .description(t(msg('cli-define-resume-continue-an-interrupted-call-quit')))
    .argument('[session]', t(msg('cli-define-resume-the-session-id-default-choose')))
    .addOption(langOption(t(LANG_OF_SCREENS), t))
    .option('--data-dir <dir>', t(DATA_DIR))
    .option('--sops <dir>', t(SOPS_FOLDER))
    .addHelpText(
      'after',
      t(msg('cli-define-resume-the-call-is-rebuilt-from')),
    )
    .action(async (session: string | undefined, options: ResumeOptions) => {
      const { runResume } = await import('../commands/resume.js');
      process.exitCode = await runResume(session, options);
    });
};
