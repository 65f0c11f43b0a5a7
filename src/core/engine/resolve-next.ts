import type { Next, Value } from '../model/sop.js';
import type { PreparedSop } from './prepared-sop.js';
import { refuse } from './refusals.js';
import type { Refusal } from './types.js';

/** A plain step id as `next` (no branches). */
export const PLAIN = -1;

/**
 * Which way `next` leads: the index of the first branch whose `when` holds (or that has none),
 * PLAIN for a step id, or a refusal (no branch applies, a condition fails). A number, not an
 * object, because this runs at every transition; `gotoOf` gives the step id.
 */
export function resolveNext(prepared: PreparedSop, next: Next, vars: { readonly [name: string]: Value }, stepId: string): number | Refusal {
  if (typeof next === 'string') return PLAIN;
  for (let i = 0; i < next.length; i++) {
    const branch = next[i]!;
    if (branch.when === undefined) return i;
    const condition = prepared.conditions.get(branch.when);
    if (condition === undefined || condition instanceof Error) {
      return refuse.conditionFailed(prepared.qualified(stepId), branch.when, condition?.message ?? 'not compiled');
    }
    try {
      if (condition.evaluate(vars)) return i;
    } catch (error) {
      return refuse.conditionFailed(prepared.qualified(stepId), branch.when, error instanceof Error ? error.message : String(error));
    }
  }
  return refuse.noBranch(prepared.qualified(stepId));
}

/** The step id `next` leads to, given resolveNext's branch index. */
export function gotoOf(next: Next, branch: number): string {
  return typeof next === 'string' ? next : next[branch]!.goto;
}
