import { makeState } from './call-state.js';
import type { Settled } from './settle.js';
import type { AnswerRecord, CallState, QualifiedStep } from './types.js';

/**
 * The state after a command settled: active at the step shown (added to the path), or ended
 * with an outcome. `from` is the state the command was given in (its `previous`), if any.
 */
export function settledState(
  root: string,
  settled: Extract<Settled, { ok: true }>,
  from: CallState | undefined,
  undone?: { readonly [step: QualifiedStep]: AnswerRecord },
  lastAnswer?: AnswerRecord,
): CallState {
  return makeState(
    {
      root,
      frames: settled.frames,
      status: settled.status,
      referrals: settled.referrals,
      outcome: settled.status === 'ended' ? settled.outcome : undefined,
      previous: from,
      undone,
      lastAnswer,
    },
    from,
    settled.status === 'active' ? settled.shown : undefined,
  );
}
