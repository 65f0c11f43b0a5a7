/**
 * A SOP made ready to run: every `when` compiled once, the first time the engine touches the SOP
 * (conditions are known ahead, so a transition never parses). Kept per loaded SOP object.
 */
import { compileCondition, ConditionError, type CompiledCondition } from '../conditions/compile-condition.js';
import type { Library, LoadedSop } from '../model/library.js';
import type { Next, Sop, Step } from '../model/sop.js';
import type { QualifiedStep } from './types.js';

export interface PreparedSop {
  readonly loaded: LoadedSop;
  readonly sop: Sop;
  /** Compiled condition, or why it does not compile, by expression. */
  readonly conditions: ReadonlyMap<string, CompiledCondition | ConditionError>;
  qualified(stepId: string): QualifiedStep;
}

const prepared = new WeakMap<LoadedSop, PreparedSop>();

export function prepareSop(library: Library, id: string): PreparedSop | undefined {
  const loaded = library.sops.get(id);
  if (loaded === undefined) return undefined;
  let ready = prepared.get(loaded);
  if (ready === undefined) prepared.set(loaded, (ready = prepare(loaded)));
  return ready;
}

/** Compiles every condition of every SOP now (e.g. right after loading), instead of on first use. */
export function prepareLibrary(library: Library): void {
  for (const id of library.sops.keys()) prepareSop(library, id);
}

function prepare(loaded: LoadedSop): PreparedSop {
  const sop = loaded.sop;
  const conditions = new Map<string, CompiledCondition | ConditionError>();
  const add = (next: Next | undefined): void => {
    if (next === undefined || typeof next === 'string') return;
    for (const branch of next) {
      if (branch.when === undefined || conditions.has(branch.when)) continue;
      try {
        conditions.set(branch.when, compileCondition(branch.when, sop.variables));
      } catch (error) {
        conditions.set(branch.when, error instanceof ConditionError ? error : new ConditionError(branch.when, 'syntax', String(error)));
      }
    }
  };
  for (const step of Object.values(sop.steps) as Step[]) {
    if (step.kind !== 'end') add(step.next);
    if (step.kind === 'ask') for (const option of step.options) add(option.next);
  }
  const prefix = `${sop.sop}/`;
  return {
    loaded,
    sop,
    conditions,
    // A concatenation is cheaper than any lookup (V8 builds a rope, flattened when first read).
    qualified: (stepId) => prefix + stepId,
  };
}
