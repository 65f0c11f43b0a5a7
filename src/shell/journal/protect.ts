/**
 * The one seam through which every event passes before it is serialised to the journal.
 * Answers and amendments at `sensitive` steps lose their value and the answer's raw text / option
 * ids (both become "[redacted]") and the branch taken (left out); every note loses its text
 * ("[redacted]"). The line is marked `"redacted": true`. When a sealer is given (a supervisor's public key is configured), the clear
 * fields are also kept ENCRYPTED in `"sealed"`, and the session's wrapped content key rides on
 * the first line of the writer in `"seal"` (src/shell/crypto/, docs/security.md). Readers without
 * the private key see exactly the redacted line.
 */
import type { Answer, AnswerRecord } from '../../core/engine/types.js';
import { REDACTED, type JournalEvent } from '../../core/record/journal-line.js';
import type { SealedBlock, SealKeyBlock } from '../crypto/format.js';
import type { Sealer } from '../crypto/seal.js';

export type ProtectedEvent = JournalEvent & { readonly redacted?: true; readonly seal?: SealKeyBlock; readonly sealed?: SealedBlock };

/** Where the event goes: its session and seq (the associated data of sealed values). */
export interface ProtectContext {
  readonly session: string;
  readonly seq: number;
  /** Seal protected content to the supervisor's key; without it, protected content is only redacted. */
  readonly sealer?: Sealer;
}

function redactAnswer(answer: Answer): Answer {
  switch (answer.kind) {
    case 'continue':
      return answer;
    case 'option':
      return { kind: 'option', option: REDACTED };
    case 'checked':
      return { kind: 'checked', options: [REDACTED] };
    case 'value':
      return { kind: 'value', raw: REDACTED };
  }
}

function redactRecord<T extends AnswerRecord>(record: T): T {
  return { ...record, answer: redactAnswer(record.answer), value: record.value === null ? null : REDACTED };
}

function branchOf(branch: number | undefined): { branch?: number } {
  return branch === undefined ? {} : { branch };
}

/** The redacted event and the clear fields it hides (undefined when nothing is protected). */
function redact(event: JournalEvent): { event: ProtectedEvent; clear?: Record<string, unknown> } {
  // A line read back may carry sealed content: it never survives redaction again.
  const { seal: _seal, sealed: _sealed, ...plain } = event as ProtectedEvent;
  const base = plain as JournalEvent;
  switch (base.type) {
    // At a sensitive step the branch taken is protected too: its condition may test the answer.
    case 'answer': {
      if (!base.sensitive) return { event };
      const { branch, ...rest } = base;
      return { event: { ...redactRecord(rest), redacted: true }, clear: { answer: base.answer, value: base.value, ...branchOf(branch) } };
    }
    case 'amend': {
      if (!base.sensitive && !base.original.sensitive) return { event };
      const { branch, ...rest } = base;
      return {
        event: { ...redactRecord(rest), original: redactRecord(base.original), redacted: true },
        clear: { answer: base.answer, value: base.value, original: { answer: base.original.answer, value: base.original.value }, ...branchOf(branch) },
      };
    }
    case 'note':
      return { event: { ...base, text: REDACTED, redacted: true }, clear: { text: base.text } };
    default:
      return { event };
  }
}

/** Protects one event. (A number as `context`, the index when used as `events.map(protect)`, is ignored.) */
export function protect(event: JournalEvent, context?: ProtectContext | number): ProtectedEvent {
  const { event: redacted, clear } = redact(event);
  const sealer = typeof context === 'object' ? context.sealer : undefined;
  if (!sealer || typeof context !== 'object') return redacted;
  const { block, k } = sealer.keyFor(context.session, context.seq);
  const sealed = clear === undefined ? undefined : sealer.seal(context.session, context.seq, k, JSON.stringify(clear));
  if (!block && !sealed) return redacted;
  return { ...redacted, ...(block ? { seal: block } : {}), ...(sealed ? { sealed } : {}) };
}
