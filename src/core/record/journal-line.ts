/**
 * The journal's data: one line per event, as fixed by the journal format (docs/journal.md,
 * schemas/journal.schema.json). Plain JSON-serialisable data; the shell writes and reads it,
 * the core only groups and interprets it.
 */
import type { EngineEvent, QualifiedStep } from '../engine/types.js';

export type SessionMode = 'live' | 'training';

/** The placeholder that replaces a protected value or note text on disk. */
export const REDACTED = '[redacted]';

/** Hash of "no previous line": the `prev` of a file's first line. */
export const NO_PREV = '0'.repeat(64);

/** An SOP the call can reach, pinned by the hash of the file it was loaded from. */
export interface SopFileRef {
  readonly sop: string;
  readonly file: string;
  readonly sha256: string;
}

export interface SessionStartPayload {
  readonly sop: string;
  readonly version: string;
  readonly files: readonly SopFileRef[];
  readonly operator: string;
  readonly lang: string;
  /** The sop-runner version that recorded the session. */
  readonly tool: string;
  readonly mode: SessionMode;
  readonly scenario?: string;
  readonly trainee?: string;
}

interface SessionEndPayload {
  readonly outcome: string;
  readonly referrals: readonly string[];
  readonly durationMs: number;
}

type InterruptReason = 'quit' | 'sigint' | 'sighup' | 'sigterm' | 'error';

/**
 * What `append('interrupted', ...)` takes: the reason and the qualified step the call was at,
 * as `at` (or `step`). On disk the step is written as `step`, because every line's `at` is its
 * wall-clock time.
 */
type InterruptedPayload =
  | { readonly reason: InterruptReason; readonly at: QualifiedStep }
  | { readonly reason: InterruptReason; readonly step: QualifiedStep };

/** An `interrupted` line's own fields, as written. */
interface InterruptedRecord {
  readonly reason: InterruptReason;
  /** The qualified step the call was at. */
  readonly step: QualifiedStep;
}

/** Every event a journal line can carry: the session's own and the engine's, verbatim. */
export type JournalEvent =
  | ({ readonly type: 'session-start' } & SessionStartPayload)
  | EngineEvent
  | ({ readonly type: 'session-end' } & SessionEndPayload)
  | ({ readonly type: 'interrupted' } & InterruptedRecord);

export type JournalEventType = JournalEvent['type'];

/** The payload of one event type: the event without its `type` (for interrupted: see InterruptedPayload). */
export type PayloadOf<T extends JournalEventType> = T extends 'interrupted'
  ? InterruptedPayload
  : Omit<Extract<JournalEvent, { readonly type: T }>, 'type'>;

/** The fields every line has around its event. `prev` is serialised last. */
interface JournalEnvelope {
  readonly v: 1;
  readonly session: string;
  /** Per session, from 0, continuing across a resume. */
  readonly seq: number;
  /** ISO 8601 wall-clock time. */
  readonly at: string;
  /** Monotonic milliseconds since the session started (continues across a resume). */
  readonly ms: number;
  /** Set when protect() replaced sensitive content by "[redacted]". */
  readonly redacted?: true;
  /** SHA-256 (hex) of the previous line's bytes in the same file, or 64 zeros. */
  readonly prev: string;
}

export type JournalLine = JournalEnvelope & JournalEvent;

export type SessionStartLine = JournalEnvelope & { readonly type: 'session-start' } & SessionStartPayload;
export type SessionEndLine = JournalEnvelope & { readonly type: 'session-end' } & SessionEndPayload;
export type InterruptedLine = JournalEnvelope & { readonly type: 'interrupted' } & InterruptedRecord;
/** A line carrying one of the engine's events. */
export type EngineLine = JournalEnvelope & EngineEvent;

const SESSION_TYPES = new Set<string>(['session-start', 'session-end', 'interrupted']);

/**
 * The type of the line `sop log accept-loss` writes: a supervisor's recorded acceptance of lines
 * lost off a journal's end. It belongs to no call (its own id, seq 0): it is never a session.
 */
export const LOSS_ACCEPTED = 'loss-accepted';

/** Whether a line records an accepted loss rather than part of a call. */
export function isLossAccepted(line: { readonly type: string }): boolean {
  return line.type === LOSS_ACCEPTED;
}

export function isEngineLine(line: JournalLine): line is EngineLine {
  return !SESSION_TYPES.has(line.type);
}
