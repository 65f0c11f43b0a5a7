import type { Library } from '../model/library.js';
import { withFields } from './call-state.js';
import { refuse } from './refusals.js';
import type { AnswerRecord, CallState, StepResult } from './types.js';
import { waitingAt } from './waiting-at.js';

/**
 * Back: returns to the state before the last answer or interrupt (`previous`). The undone answer
 * is remembered in `undone`, so the next answer at that step is recorded as an `amend`.
 */
export function goBack(_library: Library, state: CallState): StepResult {
  const previous = state.previous;
  if (previous === undefined) return { ok: false, refusal: refuse.nothingToUndo() };
  const last = state.lastAnswer;
  let undone: { readonly [step: string]: AnswerRecord } | undefined;
  if (previous.undone === undefined && state.undone === undefined) undone = last === undefined ? undefined : { [last.step]: last };
  else {
    const merged: { [step: string]: AnswerRecord } = { ...previous.undone, ...state.undone };
    if (last !== undefined) merged[last.step] = last;
    undone = merged;
  }
  const restored = withFields(previous, { undone });
  return { ok: true, state: restored, events: [{ type: 'back', from: waitingAt(state), to: waitingAt(previous) }] };
}
