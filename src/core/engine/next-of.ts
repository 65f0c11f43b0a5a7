import type { AskOption, Next, Step } from '../model/sop.js';

/**
 * The `next` a step leaves by: an ask option's own `next` when the chosen option has one, else the
 * step's. Undefined at an `end` step and at a call step without `next` (a tail call). The one
 * statement of this rule: the engine follows it, and coverage and diagrams read a SOP by it.
 */
export function nextOf(step: Step, option?: AskOption): Next | undefined {
  if (step.kind === 'end') return undefined;
  return option?.next ?? step.next;
}
