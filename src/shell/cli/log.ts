/** `sop log`: the journal of recorded calls — list, show one as a transcript, verify the hash chain. */
import { Option, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';

export interface LogCommonOptions {
  readonly dataDir?: string;
  readonly lang?: string;
  readonly training?: boolean;
}

export interface LogListOptions extends LogCommonOptions {
  readonly sop?: string;
  readonly since?: string;
  readonly until?: string;
  readonly outcome?: string;
  readonly status?: 'completed' | 'interrupted' | 'open' | 'running' | 'unfinished';
  readonly format: 'table' | 'json';
}

export interface LogShowOptions extends LogCommonOptions {
  readonly sops?: string;
  /** The supervisor's private key: opens sealed answers and notes (src/shell/crypto/). */
  readonly key?: string;
  readonly format: 'text' | 'json';
}

export interface LogVerifyOptions {
  readonly dataDir?: string;
  readonly lang?: string;
  readonly format: 'text' | 'json';
}

const dataDirOption = (): Option => new Option('--data-dir <dir>', 'where journals live (default: $SOP_DATA_DIR, the config file, else $XDG_DATA_HOME/sop-runner)');
const langOption = (): Option => new Option('--lang <lang>', 'language of messages and labels').choices(['en', 'uk']);
const trainingOption = (): Option => new Option('--training', 'the training journal instead of live calls');

/** `sop log <subcommand>` definitions; another subcommand adds one entry here. */
export const logSubcommands: ((log: Command) => void)[] = [
  (log) =>
    log
      .command('list')
      .description('list recorded calls: date, SOP, outcome, duration, operator')
      .option('--sop <id>', 'only calls that started with this SOP')
      .option('--since <date>', 'only calls started on or after this date (YYYY-MM-DD, or an ISO time)')
      .option('--until <date>', 'only calls started on or before this date (a whole day when YYYY-MM-DD)')
      .option('--outcome <outcome>', 'only calls with this outcome (sop-id/outcome-id, or just outcome-id)')
      .addOption(
        new Option('--status <status>', 'only completed, interrupted (quit, signal), open (crashed), running (now, in another window) or unfinished (interrupted or open) calls').choices([
          'completed',
          'interrupted',
          'open',
          'running',
          'unfinished',
        ]),
      )
      .addOption(trainingOption())
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
      .addOption(dataDirOption())
      .addOption(langOption())
      .addHelpText(
        'after',
        `
Dates and times are shown in the local time zone. Interrupted and open calls can be
continued with "sop resume SESSION"; a running call is being recorded in another window now.

Examples:
  sop log list                                  every recorded call, oldest first
  sop log list --since 2026-11-01 --until 2026-11-30
  sop log list --sop job-offer-abroad --outcome referred
  sop log list --status unfinished              calls that were not completed
  sop log list --training --format json > training.json`,
      )
      .action(async (options: LogListOptions) => {
        const { runLogList } = await import('../commands/log.js');
        process.exitCode = await runLogList(options);
      }),
  (log) =>
    log
      .command('show')
      .description('show one recorded call as a readable transcript')
      .argument('<session>', 'the session id, or a unique part of it (its start or its last four characters)')
      .option('--sops <dir>', 'the SOP library for step texts and option labels (default: the configured sops dir)')
      .option('--key <private-key>', "the supervisor's private key (supervisor.key.pem): shows sealed answers and notes in clear")
      .addOption(trainingOption())
      .addOption(new Option('--format <format>', 'text: a transcript; json: the journal lines').choices(['text', 'json']).default('text'))
      .addOption(dataDirOption())
      .addOption(langOption())
      .addHelpText(
        'after',
        `
The transcript shows each step as it was shown, the answers (with the SOP's option labels
when the SOP is available), amendments (original -> new), interrupts, notes, the outcome and
the referrals. Sensitive answers and every note were never written in clear: they show as
[redacted]. When the counsellor's machine had a public key configured they were also sealed
to it, and --key with the supervisor's private key opens them (a wrong key: exit 2; a
damaged or swapped sealed value: exit 1; see docs/security.md).

Examples:
  sop log show 20261129-1302-k3f9
  sop log show k3f9                     the last four characters are enough when unique
  sop log show 20261129-1302 --lang uk
  sop log show k3f9 --format json       the raw journal lines
  sop log show k3f9 --key ~/supervisor-keys/supervisor.key.pem`,
      )
      .action(async (session: string, options: LogShowOptions) => {
        const { runLogShow } = await import('../commands/log.js');
        process.exitCode = await runLogShow(session, options);
      }),
  (log) =>
    log
      .command('verify')
      .description('check the journal has not been edited, cut or reordered (walks the hash chain)')
      .argument('[file]', 'one journal file ("-" reads stdin); default: every journal file of the data dir')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .addOption(dataDirOption())
      .addOption(langOption())
      .addHelpText(
        'after',
        `
Each journal line holds the SHA-256 of the line before it, so a line that was edited,
deleted, inserted or moved breaks the chain where it happened; lines cut off the end are
found through the <file>.head that sop keeps beside each journal file. Each break is
reported as file:line. A torn last line (a write cut short by a crash) is only a notice.
Exit 0: the chain is intact; 1: it breaks somewhere; 2: cannot read the journal.

Examples:
  sop log verify
  sop log verify ~/.local/share/sop-runner/journal/calls/2026-11.jsonl
  sop log verify --format json`,
      )
      .action(async (file: string | undefined, options: LogVerifyOptions) => {
        const { runLogVerify } = await import('../commands/log.js');
        process.exitCode = await runLogVerify(file, options);
      }),
  // `sop log purge` (owned by the security area: src/shell/commands/purge.ts).
  (log) =>
    log
      .command('purge')
      .description('retention: remove whole sessions that ended before a cut-off (journal re-chained, crash-safe)')
      .requiredOption('--older-than <age>', 'the cut-off: days or weeks (90d, 12w) or a date (2026-08-31)')
      .option('--dry-run', 'only list what would be removed')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .addOption(dataDirOption())
      .addOption(langOption())
      .addHelpText(
        'after',
        `
Removes every session (live calls and training) that ended before the cut-off: completed
ones by their session-end line, unfinished ones (never resumed) by their last line. Each
affected file is rewritten through a temp file, fsync and rename, so a crash leaves the old
or the new journal. The kept lines are re-chained (their prev hashes recomputed) so that
"sop log verify" passes afterwards; because re-chaining would also hide an earlier edit, a
file whose chain is already broken is NOT purged, and neither is a file a live session is
recording into: both are reported, exit 1. Run "sop log verify" before purging.
Removed sessions are listed on stdout (id, SOP, start, end, status, file).

Examples:
  sop log purge --older-than 90d --dry-run    what would go
  sop log purge --older-than 90d
  sop log purge --older-than 2026-06-30 --data-dir /srv/hotline`,
      )
      .action(async (options: import('../commands/purge.js').PurgeOptions) => {
        const { runPurge } = await import('../commands/purge.js');
        process.exitCode = await runPurge(options);
      }),
  // `sop log export` (owned by the replay/test area: src/shell/commands/export.ts).
  (log) =>
    log
      .command('export')
      .description('write one recorded call as a redacted fixture (JSON Lines, its own hash chain) for sop replay --check')
      .argument('<session>', 'the session id, or a unique part of it')
      .option('--redact', 'required: operator and trainee names, notes and sensitive answers are removed')
      .option('-o, --output <file>', 'write to this file (0600) instead of stdout')
      .addOption(trainingOption())
      .addOption(dataDirOption())
      .addOption(langOption())
      .addHelpText(
        'after',
        `
The exported call keeps the journal line format, so it can be replayed and checked against
later SOP edits. Without --redact the command refuses (exit 2): an export leaves the
protected journal.

Examples:
  sop log export 20261129-1302-k3f9 --redact -o test/replay/calls/k3f9.jsonl
  sop log export k3f9 --redact | sop replay -
  sop replay --check test/replay/calls/`,
      )
      .action(async (session: string, options: import('../commands/export.js').ExportOptions) => {
        const { runExport } = await import('../commands/export.js');
        process.exitCode = await runExport(session, options);
      }),
];

export const defineLog: CommandDefinition = (program: Command) => {
  const log = program
    .command('log')
    .description('the journal of recorded calls: list, show, verify')
    .addHelpText(
      'after',
      `
Examples:
  sop log list --since 2026-11-01
  sop log show k3f9
  sop log verify`,
    );
  for (const define of logSubcommands) define(log);
};
