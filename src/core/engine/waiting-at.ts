import type { CallState, QualifiedStep } from './types.js';

/** `sop/step` of the innermost frame: where the call waits ('' once it has ended). */
export function waitingAt(state: CallState): QualifiedStep {
  const top = state.frames[state.frames.length - 1];
  return top === undefined ? '' : `${top.sop}/${top.step}`;
}
