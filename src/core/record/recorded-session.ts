/** A call (or training session) as the journal recorded it: its lines grouped by session id. */
import type { EngineLine, InterruptedLine, JournalLine, SessionEndLine, SessionStartLine } from './journal-line.js';

/**
 * completed: a session-end line closes it. interrupted: its last line is `interrupted` (quit,
 * signal or error; it can be resumed). open: neither, the process died without a word (crash,
 * power loss) — it can be resumed too. running: not completed, and a live process is recording
 * it right now (another window): never from the lines alone — the shell's journal reader tells
 * it from the journal's lock; it must not be resumed.
 */
export type SessionStatus = 'completed' | 'interrupted' | 'open' | 'running';

export interface RecordedSession {
  readonly id: string;
  readonly start: SessionStartLine;
  /** The engine's events, in seq order (no session-start/-end/interrupted lines). */
  readonly events: readonly EngineLine[];
  /** Every line of the session, in seq order. */
  readonly lines: readonly JournalLine[];
  readonly end?: SessionEndLine;
  /** The last interruption, when the session is interrupted now. */
  readonly interrupted?: InterruptedLine;
  /** Every interruption, including those a resume continued after. */
  readonly interruptions: readonly InterruptedLine[];
  readonly status: SessionStatus;
}
