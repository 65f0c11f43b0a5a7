/**
 * The one seam through which every event passes before it is serialised to the journal.
 * Today: redaction. Answers and amendments at `sensitive` steps lose their value and the
 * answer's raw text / option ids; every note loses its text. Both become "[redacted]" and the
 * line is marked `"redacted": true`. (Sealing to a configured public key will replace the
 * redaction here, and only here.)
 */
import type { Answer, AnswerRecord } from '../../core/engine/types.js';
import { REDACTED, type JournalEvent } from '../../core/record/journal-line.js';

export type ProtectedEvent = JournalEvent & { readonly redacted?: true };

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

export function protect(event: JournalEvent): ProtectedEvent {
  switch (event.type) {
    case 'answer':
      return event.sensitive ? { ...redactRecord(event), redacted: true } : event;
    case 'amend':
      return event.sensitive || event.original.sensitive
        ? { ...redactRecord(event), original: redactRecord(event.original), redacted: true }
        : event;
    case 'note':
      return { ...event, text: REDACTED, redacted: true };
    default:
      return event;
  }
}
