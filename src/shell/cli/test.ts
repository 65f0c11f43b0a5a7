/** `sop test`: run scenario files as tests through the engine, with optional coverage. */
import { Option, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';

export interface TestOptions {
  readonly sops?: string;
  readonly format?: 'pretty' | 'json' | 'junit' | 'tap';
  readonly coverage?: boolean;
  readonly journal?: string | boolean;
  readonly minCoverage?: string;
  readonly dataDir?: string;
  readonly lang?: string;
}

export const defineTest: CommandDefinition = (program: Command) => {
  program
    .command('test')
    .description('run scenario files as tests: answers in, outcome, visits, referrals and interrupts checked')
    .argument('[paths...]', 'scenario files, folders, quoted globs or - for stdin (default: <sops dir>/scenarios/)')
    .option('--sops <dir>', 'the SOP library to test against (default: the configured sops dir, else ./sops)')
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json', 'junit', 'tap']).default('pretty'))
    .option('--coverage', 'report the steps, options and branches the scenarios exercise')
    .option('--journal [path]', 'also measure recorded calls: the journal in the data dir, or a folder/file of exported calls (implies --coverage)')
    .option('--min-coverage <percent>', 'fail (exit 1) when any SOP has less than this % of its steps covered by the scenarios (implies --coverage)')
    .option('--data-dir <dir>', 'where journals live (for --journal without a path)')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['en', 'uk']))
    .addHelpText(
      'after',
      `
Each scenario's answers are given in order; each must be for the step the call is at.
A scenario fails on the first answer that does not fit, or when the outcome, visits,
referrals or interrupts differ from its "expect:" section. Exit 1 when any fails.

Examples:
  sop test                                   run every scenario in sops/scenarios/
  sop test sops/scenarios/job-offer-passport-and-debt.scenario.yaml
  sop test --coverage                        also show what the scenarios leave untested
  sop test --coverage --min-coverage 100     fail unless every step of every SOP is covered
  sop test --coverage --journal              ... and what recorded calls exercise
  sop test --coverage --journal exported/    ... measured on exported calls
  sop test --format junit > report.xml       for CI
  sop test 'sops/scenarios/job-offer-*.scenario.yaml' --format tap
  sop test - < my.scenario.yaml                one scenario from stdin`,
    )
    .action(async (paths: string[], options: TestOptions) => {
      const { runTest } = await import('../commands/test.js');
      process.exitCode = await runTest(paths, options);
    });
};
