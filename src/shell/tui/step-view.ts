/**
 * What one screen shows: the step (from the SOP), where the call is, and the screen's own
 * state (cursor, ticks, typed text, mode). Plain data, so rendering and key handling are pure.
 */
import type { AnswerRecord } from '../../core/engine/types.js';
import type { InteractiveStep, Localized, Value } from '../../core/model/sop.js';
import type { Message } from '../i18n.js';

interface InterruptKey {
  readonly key: string;
  readonly label: Localized;
}

type UiMode =
  /** Choosing / typing the answer. */
  | 'step'
  /** Input steps: Esc was pressed, the next key is a command key. */
  | 'keys'
  /** Typing a note. */
  | 'note'
  /** `q` pressed: y/n. */
  | 'confirm-quit';

export interface UiState {
  readonly mode: UiMode;
  /** Highlighted option (ask, checklist). */
  readonly cursor: number;
  /** Ticked option ids (checklist). */
  readonly checked: readonly string[];
  /** Typed answer (input). */
  readonly line: string;
  /** Typed note. */
  readonly note: string;
  readonly guidance: boolean;
  /** A message under the step: a refusal from the engine, "note saved"... */
  readonly message?: { readonly text: Message; readonly tone: 'info' | 'warn' };
}

export interface StepView {
  /** SOP titles from the call's first SOP to the current one ("Call › Referral"). */
  readonly trail: readonly Localized[];
  readonly sop: string;
  readonly stepId: string;
  readonly step: InteractiveStep;
  readonly interrupts: readonly InterruptKey[];
  readonly elapsedMs: number;
  /** The answer given here before going back (the new one will amend it). */
  readonly previous?: AnswerRecord;
  /** The variables of the SOP the step belongs to (what its text may refer to; step-text.ts). */
  readonly vars?: { readonly [name: string]: Value };
  /** Training: every screen says PRACTICE. */
  readonly practice?: boolean;
  /** Extra lines above the step (training shows the caller's words here). */
  readonly banner?: readonly string[];
  /** Warnings said before the call (pre-call-notices.ts), shown above the keys until the first key. */
  readonly notices?: readonly string[];
  readonly ui: UiState;
}

export function initialUi(step: InteractiveStep, previous?: AnswerRecord): UiState {
  const base: UiState = { mode: 'step', cursor: 0, checked: [], line: '', note: '', guidance: false };
  if (!previous) return base;
  const answer = previous.answer;
  if (step.kind === 'ask' && answer.kind === 'option') {
    const index = step.options.findIndex((o) => o.id === answer.option);
    return { ...base, cursor: Math.max(0, index) };
  }
  if (step.kind === 'checklist' && answer.kind === 'checked') return { ...base, checked: [...answer.options] };
  // A sensitive answer too: it is in memory and on this screen only, never on disk in clear, and
  // asking a caller in danger for their address again is what must not happen.
  if (step.kind === 'input' && answer.kind === 'value') return { ...base, line: answer.raw };
  return base;
}
