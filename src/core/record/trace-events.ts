/**
 * What one call exercised, read from its engine events (from a scenario run or a recorded call):
 * the steps it passed through, the options it chose or ticked, and the conditional branches it
 * took. Reading only, never re-evaluating a condition. The branch of a conditional `next` is the
 * index the engine recorded on the event that left the step (`decision`, and `branch` on
 * `answer`, `amend` and `sop-returned`). Where there is none, the step arrived at identifies it
 * among the SOP's declared targets: an `end` step reached by a plain `next` (no event of its
 * own), and journals recorded before `answer`/`amend`/`sop-returned` carried `branch` (read as
 * before: the first branch leading to that step, so of two branches sharing a target the first
 * is credited).
 */
import { nextOf } from '../engine/next-of.js';
import type { EngineEvent } from '../engine/types.js';
import type { Library } from '../model/library.js';
import type { Branch, Next, Step } from '../model/sop.js';
import { splitQualified, stepAt } from '../engine/step-ref.js';

/** Keys: steps `sop/step`; options `sop/step#option`; branches `sop/step:next[1]` or `sop/step:options[0].next[1]`. */
export interface Trace {
  readonly steps: Set<string>;
  readonly options: Set<string>;
  readonly branches: Set<string>;
}

export function emptyTrace(): Trace {
  return { steps: new Set(), options: new Set(), branches: new Set() };
}

/**
 * The `next` the step was left by (the engine's nextOf), and where it is written: on the step, or
 * on the chosen ask option (`base` as in coverage keys, `path` under the step for positions).
 */
export function branchesOf(step: Step, option: string | undefined): { readonly next: Next | undefined; readonly base: string; readonly path: readonly (string | number)[] } {
  const index = step.kind === 'ask' && option !== undefined ? step.options.findIndex((candidate) => candidate.id === option) : -1;
  const chosen = step.kind === 'ask' ? step.options[index] : undefined;
  const own = chosen?.next !== undefined;
  return { next: nextOf(step, chosen), base: own ? `options[${index}].next` : 'next', path: own ? ['options', index, 'next'] : ['next'] };
}

interface Pending {
  readonly qualified: string;
  readonly option: string | undefined;
  /** The branch index recorded on the event that left the step, if any (unchecked: read from a journal, it may be anything). */
  readonly branch?: unknown;
}

/**
 * The branch of `next` that led to step `to`: the recorded index when it is one of `next`'s and
 * leads there (a journal line may be hand-edited, or recorded with another version of the SOP);
 * else, for older journals without it, the first branch leading there (-1: none).
 */
function branchTo(next: readonly Branch[], to: string, recorded: unknown): number {
  if (typeof recorded === 'number' && next[recorded]?.goto === to) return recorded;
  return next.findIndex((branch) => branch.goto === to);
}

export function traceEvents(library: Library, events: readonly EngineEvent[], into: Trace = emptyTrace()): Trace {
  /** The last step left (answered, or a call step entered) in each SOP, whose `next` is not yet seen. */
  const pending = new Map<string, Pending>();
  const stepOf = (qualified: string): Step | undefined => stepAt(library, qualified);

  /** A step reached in `sop`: resolves the pending transition of that SOP (which branch led here). */
  const arrive = (qualified: string): void => {
    if (!stepOf(qualified)) return;
    into.steps.add(qualified);
    const { sop, step: stepId } = splitQualified(qualified);
    const from = pending.get(sop);
    if (!from) return;
    pending.delete(sop);
    const fromStep = stepOf(from.qualified);
    if (!fromStep) return;
    const { next, base } = branchesOf(fromStep, from.option);
    if (!Array.isArray(next)) return;
    const index = branchTo(next as readonly Branch[], stepId, from.branch);
    if (index >= 0) into.branches.add(`${from.qualified}:${base}[${index}]`);
  };

  /** An `end` step of `sop` with `outcome` was reached: find which one. */
  const ended = (sop: string, outcome: string): void => {
    const loaded = library.sops.get(sop);
    if (!loaded) return;
    const candidates = Object.entries(loaded.sop.steps)
      .filter(([, step]) => step.kind === 'end' && step.outcome === outcome)
      .map(([id]) => id);
    const from = pending.get(sop);
    let chosen: string | undefined;
    if (from) {
      const fromStep = stepOf(from.qualified);
      const { next } = fromStep ? branchesOf(fromStep, from.option) : { next: undefined };
      const branches = Array.isArray(next) ? (next as readonly Branch[]) : [];
      // The recorded branch names the one end step; without it (older journals), any target may.
      const recorded = typeof from.branch === 'number' ? branches[from.branch]?.goto : undefined;
      const targets = typeof next === 'string' ? [next] : branches.map((branch) => branch.goto);
      const hits = recorded !== undefined && candidates.includes(recorded) ? [recorded] : candidates.filter((id) => targets.includes(id));
      if (hits.length === 1) chosen = hits[0];
    }
    if (chosen === undefined && candidates.length === 1) chosen = candidates[0];
    if (chosen !== undefined) arrive(`${sop}/${chosen}`);
    pending.delete(sop);
  };

  /** The SOP of the last sop-returned event: its end step is already counted. */
  let returned: string | undefined;
  for (const event of events) {
    if (event.type !== 'sop-returned' && event.type !== 'call-ended') returned = undefined;
    switch (event.type) {
      case 'step-shown':
        arrive(event.step);
        break;
      case 'answer':
      case 'amend': {
        into.steps.add(event.step);
        const answer = event.answer;
        let option: string | undefined;
        if (answer.kind === 'option') {
          option = answer.option;
          into.options.add(`${event.step}#${answer.option}`);
        } else if (answer.kind === 'checked') {
          for (const id of answer.options) into.options.add(`${event.step}#${id}`);
        }
        pending.set(splitQualified(event.step).sop, { qualified: event.step, option, branch: event.branch });
        break;
      }
      case 'decision': {
        const { sop } = splitQualified(event.step);
        const from = pending.get(sop);
        let option: string | undefined;
        if (from && from.qualified === event.step) {
          // A decision on an answered step belongs to that step's (or its chosen option's) branches.
          option = from.option;
          pending.delete(sop);
          into.steps.add(event.step);
        } else {
          arrive(event.step);
        }
        const decided = stepOf(event.step);
        if (decided) into.branches.add(`${event.step}:${branchesOf(decided, option).base}[${event.branch}]`);
        arrive(event.to);
        break;
      }
      case 'sop-entered': {
        arrive(event.from);
        const { sop } = splitQualified(event.from);
        pending.set(sop, { qualified: event.from, option: undefined });
        break;
      }
      case 'sop-returned': {
        // `outcome` is `sop/outcome` of the end step reached; a tail call passes it up unchanged.
        const { sop, step: outcome } = splitQualified(event.outcome);
        if (sop === event.sop) ended(sop, outcome);
        returned = event.sop;
        if (event.to !== undefined) {
          // The caller continues at its call step's `next`: the call step is pending in its SOP.
          const caller = splitQualified(event.to).sop;
          const from = pending.get(caller);
          if (from) pending.set(caller, { ...from, branch: event.branch });
          arrive(event.to);
        }
        break;
      }
      case 'call-ended': {
        const { sop, step: outcome } = splitQualified(event.outcome);
        if (returned !== sop) ended(sop, outcome);
        break;
      }
      case 'interrupt':
        pending.clear();
        arrive(event.to);
        break;
      case 'back':
        pending.delete(splitQualified(event.from).sop);
        break;
      case 'note':
        break;
    }
  }
  return into;
}

/** The steps one call passed through, as `sop/step`. */
export function visitedSteps(library: Library, events: readonly EngineEvent[]): Set<string> {
  return traceEvents(library, events).steps;
}
