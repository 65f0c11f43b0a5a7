/** `sop replay`: a recorded call as a timeline; `--check` re-runs recorded calls against the current SOPs. */
import { Option, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';

export interface ReplayOptions {
  readonly check?: boolean;
  readonly sops?: string;
  readonly dataDir?: string;
  readonly training?: boolean;
  readonly step?: boolean;
  readonly speed?: string;
  readonly format?: 'pretty' | 'json' | 'junit';
  readonly lang?: string;
  /** The supervisor's private key: the timeline shows sealed answers and notes (src/shell/crypto/). */
  readonly key?: string;
}

export const defineReplay: CommandDefinition = (program: Command) => {
  program
    .command('replay')
    .description('show a recorded call as a timeline, or --check recorded calls against the current SOPs')
    .argument('[calls...]', 'session ids (a unique prefix is enough), exported .jsonl files, folders of them, or - for stdin')
    .option('--check', 're-run each call against the current SOP files and report the first divergence')
    .option('--sops <dir>', 'the SOP folder (for replay: also searched for the version the call was made with)')
    .option('--data-dir <dir>', 'where journals live')
    .option('--training', 'look up session ids among training sessions')
    .option('--step', 'walk through the call with keys (n/→ next, p/← previous, g jump, q quit); needs a terminal')
    .option('--speed <factor>', 'play the call back with its original timing, this many times faster (e.g. 4)')
    .addOption(new Option('--format <format>', 'output format (junit with --check only)').choices(['pretty', 'json', 'junit']).default('pretty'))
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['en', 'uk']))
    .option('--key <private-key>', "the supervisor's private key: the timeline shows sealed answers and notes in clear (not with --check)")
    .addHelpText(
      'after',
      `
Replay shows each step of a call with its text in the call's language, the answer, amendments,
interrupts, notes ("[redacted]": the journal never keeps their text) and the time spent.
It uses the SOP version the call was made with when a file with the recorded sha256 is found
in the SOP folder (or --sops); otherwise it says so and shows the current version.

--check re-runs every call through the engine against the current SOPs: same path and outcome,
or the first divergence (step removed, option removed or renamed, a condition that now routes
elsewhere, another outcome) with the SOP line involved. A sensitive answer is kept only as
"[redacted]" and cannot be re-run: such a call is reported "unchecked from" that step, not as
divergent. With no call named, --check takes every call in the journal. Exit 1 on divergence.

Examples:
  sop replay 20261129-1302-k3f9               the call as a timeline
  sop replay 20261129-1302 --step             walk through it step by step
  sop replay call.jsonl --speed 4             play an exported call 4x faster
  sop replay k3f9 --key supervisor.key.pem    the supervisor sees sealed answers and notes
  sop log export 20261129-1302 --redact | sop replay -
  sop replay --check                          every recorded call against today's SOPs
  sop replay --check test/replay/fixtures/ --sops sops/ --format junit > replay.xml`,
    )
    .action(async (calls: string[], options: ReplayOptions) => {
      const { runReplay } = await import('../commands/replay.js');
      process.exitCode = await runReplay(calls, options);
    });
};
