/**
 * A recorded call as a timeline for `sop replay`: each step shown, with its text in the call's
 * language, the answer (option labels), amendments (original and new), interrupts, notes (as the
 * journal kept them: "[redacted]"; which were still being typed when the call was interrupted),
 * and the time spent; the outcome and referrals at the end.
 * Pure: the SOPs (ideally the version the call was made with) and the recorded lines come in.
 */
import type { AnswerRecord } from '../engine/types.js';
import type { Library } from '../model/library.js';
import { textIn } from '../model/localize.js';
import { REDACTED } from './journal-line.js';
import type { RecordedSession, SessionStatus } from './recorded-session.js';
import { outcomeAt, stepAt } from '../engine/step-ref.js';

export interface TimelineEntry {
  readonly step: string;
  readonly kind: string;
  /** The step's text in the call's language ('' when the SOP is not available). */
  readonly text: string;
  /** Milliseconds from the start of the call to when the step was shown. */
  readonly atMs: number;
  /** Time spent on the step (until the next step was shown, or the call ended). */
  spentMs: number;
  /** How the step was reached, when not by a plain answer. */
  readonly via?: 'back' | 'interrupt';
  answer?: string;
  amended?: { readonly from: string; readonly to: string };
  readonly interrupts: { key: string; to: string }[];
  readonly notes: string[];
  /**
   * Indexes in `notes` of those still being typed when the call was interrupted (the journal's
   * `"unfinished": true`); absent when there are none, so `notes` reads as before.
   */
  unfinishedNotes?: number[];
  readonly entered: string[];
}

export interface Timeline {
  readonly session: string;
  readonly sop: string;
  readonly lang: string;
  readonly operator: string;
  readonly startedAt: string;
  readonly entries: readonly TimelineEntry[];
  readonly outcome?: string;
  readonly outcomeLabel?: string;
  readonly referrals: readonly string[];
  readonly durationMs: number;
  readonly status: SessionStatus;
}

/** What a timeline needs of a recorded session. */
export type TimelineSession = Pick<RecordedSession, 'id' | 'lines' | 'status'>;

/** The answer as a person reads it: option labels, the typed value, or "[redacted]". */
export function answerLabel(library: Library | undefined, record: AnswerRecord, lang: string): string {
  const answer = record.answer;
  const step = stepAt(library, record.step);
  const label = (id: string): string => {
    if (id === REDACTED) return REDACTED;
    const option = step && (step.kind === 'ask' || step.kind === 'checklist') ? step.options.find((o) => o.id === id) : undefined;
    return option ? `${textIn(option.label, lang)} [${id}]` : id;
  };
  switch (answer.kind) {
    case 'continue':
      return lang === 'uk' ? '(далі)' : '(continue)';
    case 'option':
      return label(answer.option);
    case 'checked':
      return answer.options.length === 0 ? (lang === 'uk' ? '(нічого не відмічено)' : '(nothing ticked)') : answer.options.map(label).join('; ');
    case 'value':
      return answer.raw === '' ? (lang === 'uk' ? '(порожньо)' : '(empty)') : answer.raw;
  }
}

export function buildTimeline(library: Library | undefined, session: TimelineSession): Timeline {
  const start = session.lines.find((line) => line.type === 'session-start');
  const lang = start && start.type === 'session-start' ? start.lang : 'en';
  const entries: TimelineEntry[] = [];
  let via: TimelineEntry['via'];
  let outcome: string | undefined;
  let referrals: readonly string[] = [];
  let lastMs = 0;
  const current = (): TimelineEntry | undefined => entries[entries.length - 1];
  let reopened = false;
  const open = (qualified: string, kind: string, ms: number): void => {
    const previous = current();
    if (previous) previous.spentMs = ms - previous.atMs;
    const step = stepAt(library, qualified);
    entries.push({
      step: qualified,
      kind,
      text: step && 'text' in step ? textIn(step.text, lang) : '',
      atMs: ms,
      spentMs: 0,
      ...(via ? { via } : {}),
      interrupts: [],
      notes: [],
      entered: [],
    });
    via = undefined;
  };
  for (const line of session.lines) {
    lastMs = Math.max(lastMs, line.ms);
    switch (line.type) {
      case 'step-shown': {
        const previous = current();
        // back already opened the entry of the step it returned to.
        if (reopened && previous?.step === line.step) {
          reopened = false;
          break;
        }
        reopened = false;
        open(line.step, line.kind, line.ms);
        break;
      }
      case 'answer': {
        const entry = current();
        if (entry) entry.answer = answerLabel(library, line, lang);
        break;
      }
      case 'amend': {
        const entry = current();
        if (entry) {
          const to = answerLabel(library, line, lang);
          entry.answer = to;
          entry.amended = { from: answerLabel(library, line.original, lang), to };
        }
        break;
      }
      case 'back': {
        // The engine shows the step it went back to again without a step-shown event.
        const step = stepAt(library, line.to);
        via = 'back';
        open(line.to, step?.kind ?? '', line.ms);
        reopened = true;
        break;
      }
      case 'interrupt':
        current()?.interrupts.push({ key: line.key, to: line.to });
        via = 'interrupt';
        break;
      case 'note': {
        const entry = current();
        if (!entry) break;
        entry.notes.push(line.text);
        if (line.unfinished) (entry.unfinishedNotes ??= []).push(entry.notes.length - 1);
        break;
      }
      case 'sop-entered':
        current()?.entered.push(line.sop);
        break;
      case 'call-ended':
        outcome = line.outcome;
        referrals = line.referrals;
        break;
      case 'session-end':
        outcome = outcome ?? line.outcome;
        referrals = referrals.length > 0 ? referrals : line.referrals;
        break;
      default:
        break;
    }
  }
  const last = current();
  if (last) last.spentMs = lastMs - last.atMs;
  let outcomeLabel: string | undefined;
  if (outcome) {
    const declared = outcomeAt(library, outcome);
    if (declared) outcomeLabel = textIn(declared.label, lang);
  }
  return {
    session: session.id,
    sop: start && start.type === 'session-start' ? start.sop : '',
    lang,
    operator: start && start.type === 'session-start' ? start.operator : '',
    startedAt: start?.at ?? '',
    entries,
    ...(outcome !== undefined ? { outcome } : {}),
    ...(outcomeLabel !== undefined ? { outcomeLabel } : {}),
    referrals,
    durationMs: lastMs,
    status: session.status,
  };
}
