/** `sop resume [session]`: continue an interrupted call where it stopped. */
import { Option, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';

export interface ResumeOptions {
  readonly lang?: string;
  readonly dataDir?: string;
  readonly sops?: string;
}

export const defineResume: CommandDefinition = (program: Command) => {
  program
    .command('resume')
    .description('continue an interrupted call (quit, Ctrl+C, closed terminal, crash) where it stopped')
    .argument('[session]', 'the session id (default: choose from the interrupted calls)')
    .addOption(new Option('--lang <lang>', 'language of the screens and the SOP texts').choices(['en', 'uk']))
    .option('--data-dir <dir>', 'where journals live (default $XDG_DATA_HOME/sop-runner)')
    .option('--sops <dir>', 'the SOP library folder (default: ./sops)')
    .addHelpText(
      'after',
      `
The call is rebuilt from the journal with the SOP version it started with; if an SOP file has
changed since, resume says so and offers to start the call over. Sensitive answers are never
stored in clear, so they cannot be replayed: the call continues from the first one, which is
asked again. New lines are appended to the same session (seq continues).

Without a terminal, "sop resume" lists the interrupted calls (id, start, SOP, where it stopped).

Examples:
  sop resume                          choose from the interrupted calls
  sop resume 20261129-1302-k3f9       continue that call
  sop resume --data-dir /srv/hotline  calls recorded elsewhere
  sop resume < /dev/null              just list them`,
    )
    .action(async (session: string | undefined, options: ResumeOptions) => {
      const { runResume } = await import('../commands/resume.js');
      process.exitCode = await runResume(session, options);
    });
};
