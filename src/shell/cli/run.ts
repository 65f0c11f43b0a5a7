/** `sop run [sop]`: run a call live in the terminal, recorded in the journal. */
import { Option, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';

export interface RunOptions {
  readonly lang?: string;
  readonly operator?: string;
  readonly dataDir?: string;
  readonly sops?: string;
  readonly answers?: string;
}

export const defineRun: CommandDefinition = (program: Command) => {
  program
    .command('run')
    .description('run a call: the SOP step by step in the terminal, recorded in the journal')
    .argument('[sop]', 'SOP id or file (default: choose from a menu)')
    .addOption(new Option('--lang <lang>', 'language of the screens and the SOP texts').choices(['en', 'uk']))
    .option('--operator <name>', 'your pseudonym in the journal (default: from the config file)')
    .option('--data-dir <dir>', 'where journals live (default $XDG_DATA_HOME/sop-runner)')
    .option('--sops <dir>', 'the SOP library folder (default: ./sops)')
    .option('--answers <file>', 'run without a terminal: answers from a YAML file (step: answer; "-" = stdin)')
    .addHelpText(
      'after',
      `
Keys during a call:
  ↑ ↓ or 1-9   choose an option          Space or 1-9   tick a checklist item
  Enter        confirm / continue        ?              guidance for this step
  b            back (the next answer amends the earlier one)
  n            a one-line note           q              quit (asks first; the call can be resumed)
  !            the SOP's interrupts (e.g. ! immediate danger), listed in the footer
  On a typed answer, press Esc first, then the key. Letter keys also work with the
  Ukrainian layout (й q, и b, т n).

Every answer is written to the journal (and synced to disk) before the next step shows.
Sensitive answers and all notes are never written in clear. Exit 0 when the call ends,
1 when it stops early (quit, Ctrl+C, missing answer) or the SOPs have errors, 2 when it
cannot run (not a terminal, journal not writable).

Examples:
  sop run                                  choose the SOP from a menu
  sop run first-contact --lang uk          a call in Ukrainian
  sop run sops/job-offer-abroad.sop.yaml --operator counsellor-7
  sop run first-contact --answers answers.yaml     headless, e.g. for a demo or a check
  cat answers.yaml | sop run first-contact --answers -`,
    )
    .action(async (sop: string | undefined, options: RunOptions) => {
      const { runRun } = await import('../commands/run.js');
      process.exitCode = await runRun(sop, options);
    });
};
