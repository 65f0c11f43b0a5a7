/**
 * What the trainee finally did at each step: the last answer or amendment there, or the
 * interrupt key pressed there; minus the answers a `back` undid and that were never given again
 * (the trainee took another way).
 */
import type { Answer, EngineEvent, QualifiedStep } from '../engine/types.js';
import { REDACTED } from '../record/journal-line.js';

/** What was done at a step: an answer, or an interrupt key pressed instead of answering. */
export type Choice = { readonly type: 'answer'; readonly answer: Answer } | { readonly type: 'interrupt'; readonly key: string };

export function finalChoices(events: readonly EngineEvent[]): Map<QualifiedStep, Choice> {
  const choices = new Map<QualifiedStep, Choice>();
  const set = (step: QualifiedStep, choice: Choice): void => {
    // Re-inserted: the map keeps the order the final choices were made in.
    choices.delete(step);
    choices.set(step, choice);
  };
  for (const event of events) {
    if (event.type === 'answer' || event.type === 'amend') set(event.step, { type: 'answer', answer: event.answer });
    else if (event.type === 'interrupt') set(event.from, { type: 'interrupt', key: event.key });
    else if (event.type === 'back') choices.delete(event.to);
  }
  return choices;
}

/** The interrupt keys used, in order. */
export function interruptsUsed(events: readonly EngineEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'interrupt' ? [event.key] : []));
}

/** True when the journal kept "[redacted]" instead of the answer (a sensitive step). */
export function isRedacted(choice: Choice): boolean {
  if (choice.type === 'interrupt') return false;
  const answer = choice.answer;
  switch (answer.kind) {
    case 'option':
      return answer.option === REDACTED;
    case 'checked':
      return answer.options.includes(REDACTED);
    case 'value':
      return answer.raw === REDACTED;
    case 'continue':
      return false;
  }
}
