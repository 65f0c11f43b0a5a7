import type { Sop, Step } from './sop.js';

/**
 * Step `id` of the SOP, or undefined. Own steps only: a `next` naming a missing step
 * `constructor` must not find the function every JavaScript object inherits.
 */
export function ownStep(sop: Sop, id: string): Step | undefined {
  return Object.hasOwn(sop.steps, id) ? sop.steps[id] : undefined;
}
