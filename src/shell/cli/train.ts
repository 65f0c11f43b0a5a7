/** `sop train [scenario]`: practise a scenario as a live call, then a debrief; `--report` for progress. */
import { Option, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';

export interface TrainOptions {
  readonly trainee?: string;
  readonly reveal?: boolean;
  /** `--report` alone: true; `--report NAME`: that trainee. */
  readonly report?: string | boolean;
  readonly format?: 'table' | 'json';
  readonly lang?: string;
  readonly operator?: string;
  readonly dataDir?: string;
  readonly sops?: string;
  readonly scenarios?: string;
}

export const defineTrain: CommandDefinition = (program: Command) => {
  program
    .command('train')
    .description('training: practise a scenario exactly like a live call, then a debrief against the expert')
    .argument('[scenario]', 'scenario id or file (default: choose from a menu)')
    .option('--trainee <name>', "the trainee's pseudonym (default: the operator from the config file)")
    .option('--reveal', "guided first pass: show the expert's choice and why at every step")
    .option('--report [trainee]', 'progress report: scenarios done, scores over time, where the trainee diverges (default: --trainee)')
    .addOption(new Option('--format <format>', 'with --report: output format').choices(['table', 'json']).default('table'))
    .addOption(new Option('--lang <lang>', 'language of the screens, the SOP texts and the debrief').choices(['en', 'uk']))
    .option('--operator <name>', 'who runs the session, recorded in the journal (default: from the config file)')
    .option('--data-dir <dir>', 'where journals live (default $XDG_DATA_HOME/sop-runner)')
    .option('--sops <dir>', 'the SOP library folder (default: ./sops)')
    .option('--scenarios <dir>', 'where scenarios are (default: the scenarios folder of the library)')
    .addHelpText(
      'after',
      `
The trainee reads the caller's situation, then runs the SOP with the same screens and keys as
"sop run" (? guidance, b back, n note, q quit, ! and the other interrupt keys). At the steps
where the scenario scripts the caller, what the caller says appears above the step.
At the end, a debrief: a score out of 100 (decisions as the expert 50, red flags 25,
outcome 25; see docs/training.md), each decision beside the expert's with the step's guidance
and the expert's reason where they differ, the red flags missed, and time per step.

Sessions go to the TRAINING journal (<data dir>/journal/training/), never with real calls.
A terminal is needed; for headless checks of scenarios use "sop test". Exit 0 when the call
was completed, 1 when it was stopped early or the scenario no longer fits the SOPs, 2 when it
cannot run (not a terminal, journal not writable).

Examples:
  sop train                                      choose a scenario from a menu
  sop train two-signs --trainee trainee-3        a scenario by id, under a pseudonym
  sop train sops/scenarios/dv-danger-interrupt.scenario.yaml --lang uk
  sop train emergency-danger-passed --reveal     first pass: the expert's choice at each step
  sop train --report                             your progress (the --trainee / config name)
  sop train --report trainee-3 --format json     one trainee's progress as JSON`,
    )
    .action(async (scenario: string | undefined, options: TrainOptions) => {
      const { runTrain } = await import('../commands/train.js');
      process.exitCode = await runTrain(scenario, options);
    });
};
