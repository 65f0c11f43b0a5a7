/**
 * Builds CallState objects. `path` grows by one step per answer, and every state keeps the
 * previous one for back, so copying the path each time would make a call quadratic. Instead each
 * state holds a persistent list (a trail, shared with its predecessors) and materialises `path`
 * as an array on first read (then keeps it).
 *
 * States are instances of a small class (the fastest shape for V8): every field is an own
 * property except `path`, a getter; `toJSON` includes it, so JSON output is the plain CallState.
 * Build states only through the engine: a spread copy (`{...state}`) has no `path`.
 */
import type { AnswerRecord, CallState, Frame, QualifiedStep } from './types.js';

interface Trail {
  readonly step: QualifiedStep;
  readonly prev: Trail | undefined;
  readonly length: number;
}

export interface StateFields {
  readonly root: string;
  readonly frames: readonly Frame[];
  readonly status: 'active' | 'ended';
  readonly referrals: readonly string[];
  readonly outcome?: string | undefined;
  readonly previous?: CallState | undefined;
  readonly undone?: { readonly [step: QualifiedStep]: AnswerRecord } | undefined;
  readonly lastAnswer?: AnswerRecord | undefined;
}

class State implements CallState {
  readonly root: string;
  readonly frames: readonly Frame[];
  readonly status: 'active' | 'ended';
  readonly referrals: readonly string[];
  // Always set (maybe to undefined), so every state has one shape; JSON leaves undefined out.
  readonly outcome?: string;
  readonly previous?: CallState;
  readonly undone?: { readonly [step: QualifiedStep]: AnswerRecord };
  readonly lastAnswer?: AnswerRecord;
  readonly #trail: Trail | undefined;
  #path: readonly QualifiedStep[] | undefined;

  constructor(fields: StateFields, trail: Trail | undefined) {
    this.root = fields.root;
    this.frames = fields.frames;
    this.status = fields.status;
    this.referrals = fields.referrals;
    this.outcome = fields.outcome;
    this.previous = fields.previous;
    this.undone = fields.undone;
    this.lastAnswer = fields.lastAnswer;
    this.#trail = trail;
  }

  get path(): readonly QualifiedStep[] {
    return (this.#path ??= materialise(this.#trail));
  }

  static trailOf(state: CallState): Trail | undefined {
    if (#trail in state) return state.#trail;
    // A state built elsewhere (a copy): rebuild the trail from its path.
    let trail: Trail | undefined;
    for (const step of (state.path as readonly QualifiedStep[] | undefined) ?? []) trail = { step, prev: trail, length: (trail?.length ?? 0) + 1 };
    return trail;
  }

  toJSON(): object {
    return { ...this, path: this.path };
  }
}

/** A state whose path is `base`'s path, plus `shown` when a step was shown. */
export function makeState(fields: StateFields, base: CallState | undefined, shown: QualifiedStep | undefined): CallState {
  let trail = base === undefined ? undefined : State.trailOf(base);
  if (shown !== undefined) trail = { step: shown, prev: trail, length: (trail?.length ?? 0) + 1 };
  return new State(fields, trail);
}

/** `state` with some fields replaced; the same path. */
export function withFields(state: CallState, fields: Partial<StateFields>): CallState {
  return new State(
    {
      root: state.root,
      frames: state.frames,
      status: state.status,
      referrals: state.referrals,
      outcome: state.outcome,
      previous: state.previous,
      undone: state.undone,
      lastAnswer: state.lastAnswer,
      ...fields,
    },
    State.trailOf(state),
  );
}

function materialise(trail: Trail | undefined): readonly QualifiedStep[] {
  const path = new Array<QualifiedStep>(trail?.length ?? 0);
  for (let node = trail; node !== undefined; node = node.prev) path[node.length - 1] = node.step;
  return Object.freeze(path);
}
