/**
 * Builds CallState objects. `path` grows by one step per answer, and every state keeps the
 * previous one for back, so copying the path each time would make a call quadratic. Instead each
 * state holds a persistent list (a trail, shared with its predecessors) and materialises `path`
 * as an array on first read. `path` is an own, enumerable property: JSON, spread and deep
 * equality see a plain array.
 */
import type { AnswerRecord, CallState, Frame, QualifiedStep } from './types.js';

interface Trail {
  readonly step: QualifiedStep;
  readonly prev: Trail | undefined;
  readonly length: number;
}

/** The trail of each state built here. A copy made elsewhere is not in it: its path is read instead. */
const trails = new WeakMap<CallState, Trail | undefined>();

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

/** A state whose path is `base`'s path, plus `shown` when a step was shown. */
export function makeState(fields: StateFields, base: CallState | undefined, shown: QualifiedStep | undefined): CallState {
  let trail = base === undefined ? undefined : trailOf(base);
  if (shown !== undefined) trail = { step: shown, prev: trail, length: (trail?.length ?? 0) + 1 };
  return build(fields, trail);
}

/** `state` with some fields replaced; the same path. */
export function withFields(state: CallState, fields: Partial<StateFields>): CallState {
  return build(
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
    trailOf(state),
  );
}

function build(fields: StateFields, trail: Trail | undefined): CallState {
  let path: readonly QualifiedStep[] | undefined;
  const state: CallState = {
    root: fields.root,
    frames: fields.frames,
    status: fields.status,
    get path(): readonly QualifiedStep[] {
      return (path ??= materialise(trail));
    },
    referrals: fields.referrals,
  };
  // Optional fields are left out rather than set to undefined: states stay plain JSON.
  const optional = state as { -readonly [K in keyof StateFields]?: StateFields[K] };
  if (fields.outcome !== undefined) optional.outcome = fields.outcome;
  if (fields.previous !== undefined) optional.previous = fields.previous;
  if (fields.undone !== undefined) optional.undone = fields.undone;
  if (fields.lastAnswer !== undefined) optional.lastAnswer = fields.lastAnswer;
  trails.set(state, trail);
  return state;
}

function trailOf(state: CallState): Trail | undefined {
  const own = trails.get(state);
  if (own !== undefined || trails.has(state)) return own;
  // A state built elsewhere (e.g. a spread copy without the symbol): rebuild from its path once.
  let trail: Trail | undefined;
  for (const step of state.path) trail = { step, prev: trail, length: (trail?.length ?? 0) + 1 };
  return trail;
}

function materialise(trail: Trail | undefined): readonly QualifiedStep[] {
  const path = new Array<QualifiedStep>(trail?.length ?? 0);
  for (let node = trail; node !== undefined; node = node.prev) path[node.length - 1] = node.step;
  return Object.freeze(path);
}
