/**
 * A live call in the terminal with its journal: opens the screen, turns SIGHUP / SIGTERM /
 * SIGINT into an orderly "interrupted" (journal intact, terminal restored), writes session-end
 * or interrupted, and prints the summary. When the journal cannot be written it STOPS the call
 * and tells the counsellor to continue on paper. Used by `sop run` and `sop resume`.
 */
import { performance } from 'node:perf_hooks';
import type { CallState, EngineEvent } from '../../core/engine/types.js';
import type { Library } from '../../core/model/library.js';
import { EXIT } from '../exit-codes.js';
import { msg } from '../../core/model/message.js';
import { say, type Lang } from '../i18n.js';
import { JournalWriteError } from '../journal/errors.js';
import type { SessionWriter } from '../journal/writer.js';
import { renderSummary } from './render-summary.js';
import { waitingAt } from '../../core/engine/waiting-at.js';
import { runInteractiveCall, type CallHooks, type CallEnd } from './run-interactive-call.js';
import { safeText } from '../text/safe-text.js';
import { openTerminal } from './terminal.js';

export interface LiveCallOptions {
  readonly library: Library;
  readonly state: CallState;
  readonly lang: Lang;
  readonly writer: SessionWriter;
  /** Elapsed call time already spent (a resumed call's clock continues). */
  readonly elapsedMs?: number;
  readonly hooks?: CallHooks;
  /** false: an interrupted session cannot be resumed (training): the summary says nothing of sop resume. */
  readonly resumable?: boolean;
  /** Training: every screen is marked PRACTICE. */
  readonly practice?: boolean;
  /** Warnings said before the call (pre-call-notices.ts), shown on its first screens. */
  readonly notices?: readonly string[];
  readonly input?: NodeJS.ReadStream;
  readonly output?: NodeJS.WriteStream;
  /** Given: the end-of-call summary is handed to it instead of printed (training pages it with the debrief). */
  readonly onSummary?: (summary: string) => void;
}

const SIGNALS = [
  ['SIGHUP', 'sighup'],
  ['SIGTERM', 'sigterm'],
  ['SIGINT', 'sigint'],
] as const;

/** Runs the call to its end or interruption; returns the exit code (0 only when the call ended). */
export async function runLiveCall(options: LiveCallOptions): Promise<number> {
  const { library, lang, writer } = options;
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const t0 = performance.now() - (options.elapsedMs ?? 0);
  const clock = { now: () => performance.now() - t0, wall: () => new Date() };
  const controller = new AbortController();
  const handlers = SIGNALS.map(([signal, reason]) => {
    const handler = (): void => controller.abort(reason);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  const io = openTerminal(input, output, controller.signal);
  // Where the counsellor is, for an `interrupted` line if the journal fails mid-call.
  let at = waitingAt(options.state);
  const record = (events: readonly EngineEvent[]): void => {
    writer.appendEvents(events);
    for (const event of events) if (event.type === 'step-shown') at = event.step;
  };
  let end: CallEnd;
  try {
    end = await runInteractiveCall({
      library,
      state: options.state,
      lang,
      io,
      journal: { record },
      clock,
      ...(options.hooks ? { hooks: options.hooks } : {}),
      ...(options.notices ? { notices: options.notices } : {}),
      ...(options.practice ? { practice: true } : {}),
      signal: controller.signal,
    });
  } catch (error) {
    io.close();
    return failed(error, options, at);
  } finally {
    io.close();
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
  const durationMs = Math.round(clock.now());
  try {
    if (end.kind === 'ended') {
      writer.append('session-end', { outcome: end.state.outcome ?? '', referrals: end.state.referrals, durationMs });
    } else {
      writer.append('interrupted', { reason: end.reason, step: end.at });
    }
  } catch (error) {
    return failed(error, options, end.kind === 'ended' ? '' : end.at);
  }
  writer.close();
  if (io.isGone?.()) endWithoutTerminal();
  const summary = renderSummary(end.state, library, lang, {
    width: output.columns || 80,
    sessionId: writer.sessionId,
    journalFile: writer.file,
    durationMs,
    ...(end.kind === 'interrupted' ? { interruptedAt: end.at } : {}),
    ...(end.kind === 'interrupted' && end.unfinishedNote ? { unfinishedNote: true as const } : {}),
    ...(options.resumable === false ? { resumable: false } : {}),
  });
  if (options.onSummary) options.onSummary(`${summary}\n`);
  else writeSafely(output, `${summary}\n`);
  if (end.kind === 'ended') return EXIT.ok;
  return end.reason === 'sigint' ? EXIT.sigint : EXIT.findings;
}

/** The journal refused a line (or something broke): stop, say so plainly, keep what we can. */
function failed(error: unknown, options: LiveCallOptions, at: string): number {
  const { writer, lang } = options;
  try {
    writer.append('interrupted', { reason: 'error', step: at });
  } catch {
    // The journal is what failed; the message below says to continue on paper.
  }
  writer.close();
  if (!(error instanceof JournalWriteError)) throw error;
  const stop = say(lang, msg('tui-live-call-stop'));
  writeSafely(process.stderr, `\n${stop}\n${safeText(error.message)}\n`);
  return EXIT.usage;
}

/**
 * The window was closed and the journal is complete. Node would now abort (SIGABRT) while
 * restoring the vanished terminal's settings at exit, and an abort can leave a core dump holding
 * the call's answers in clear. SIGKILL ends the process without one; nobody is there to see it.
 */
function endWithoutTerminal(): void {
  process.kill(process.pid, 'SIGKILL');
}

function writeSafely(stream: NodeJS.WriteStream, text: string): void {
  try {
    stream.write(text);
  } catch {
    // The terminal is gone (SIGHUP): the journal already has everything.
  }
}
