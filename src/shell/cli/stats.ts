/** `sop stats`: figures from the journal for supervisors, small counts hidden. */
import { Option, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';

export interface StatsOptions {
  readonly since?: string;
  readonly until?: string;
  readonly format: 'table' | 'json' | 'csv';
  readonly chart?: boolean;
  readonly ascii?: boolean;
  readonly raw?: boolean;
  readonly dataDir?: string;
  readonly training?: boolean;
  readonly lang?: string;
  readonly sops?: string;
}

export const defineStats: CommandDefinition = (program: Command) => {
  program
    .command('stats')
    .description('figures from the journal: calls by SOP, call type, caller role and outcome, durations, slow and confusing steps')
    .option('--since <date>', 'count calls that started on or after this day (YYYY-MM-DD, UTC)')
    .option('--until <date>', 'count calls that started on or before this day (YYYY-MM-DD, UTC)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--chart', 'with the table: horizontal bar charts of the counts')
    .option('--ascii', 'draw the charts with plain ASCII (automatic when the terminal is not UTF-8)')
    .option('--raw', 'with --format json only: exact small counts (for the team\'s own analysis; never publish)')
    .option('--data-dir <dir>', 'where journals live (default: SOP_DATA_DIR, the config file, then $XDG_DATA_HOME/sop-runner)')
    .option('--training', 'training sessions instead of live calls')
    .option('--sops <dir>', 'the SOP library, for names and outcome categories (default: the configured sops dir, else ./sops)')
    .addOption(new Option('--lang <lang>', 'language of the table').choices(['en', 'uk']))
    .addHelpText(
      'after',
      `
Privacy: counts from 1 to 4 are shown as "<5", and times resting on fewer than 5 values are
not shown, so no caller can be recognised. JSON does the same unless --raw; CSV always does.

Durations: median, and 90th percentile by the nearest-rank method, of completed calls.
Time per step: from the step being shown to the answer given there.

Examples:
  sop stats                                   every call in the journal
  sop stats --since 2026-11-01 --until 2026-11-30 --chart
  sop stats --format csv --since 2026-01-01 > calls-2026.csv
  sop stats --format json | jq .byOutcome
  sop stats --training                        training sessions instead of calls`,
    )
    .action(async (options: StatsOptions) => {
      const { runStats } = await import('../commands/stats.js');
      process.exitCode = await runStats(options);
    });
};
