import type { Next, Value } from '../model/sop.js';
import type { PreparedSop } from './prepared-sop.js';
import { refuse } from './refusals.js';
import type { Refusal } from './types.js';

export type NextResolution =
  | { readonly ok: true; readonly goto: string; /** index of the branch taken; -1 for a plain step id */ readonly branch: number }
  | { readonly ok: false; readonly refusal: Refusal };

/** Where `next` leads: a step id, or the first branch whose `when` holds (or that has none). */
export function resolveNext(
  prepared: PreparedSop,
  next: Next,
  vars: { readonly [name: string]: Value },
  stepId: string,
): NextResolution {
  if (typeof next === 'string') return { ok: true, goto: next, branch: -1 };
  for (let i = 0; i < next.length; i++) {
    const branch = next[i]!;
    if (branch.when === undefined) return { ok: true, goto: branch.goto, branch: i };
    const condition = prepared.conditions.get(branch.when);
    if (condition === undefined || condition instanceof Error) {
      const reason = condition?.message ?? 'not compiled';
      return { ok: false, refusal: refuse.conditionFailed(prepared.qualified(stepId), branch.when, reason) };
    }
    try {
      if (condition.evaluate(vars)) return { ok: true, goto: branch.goto, branch: i };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, refusal: refuse.conditionFailed(prepared.qualified(stepId), branch.when, reason) };
    }
  }
  return { ok: false, refusal: refuse.noBranch(prepared.qualified(stepId)) };
}
