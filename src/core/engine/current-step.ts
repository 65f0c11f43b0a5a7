import type { Library } from '../model/library.js';
import type { Step } from '../model/sop.js';
import type { CallState, CurrentStep } from './types.js';

/** The interactive step the call waits at, or undefined once the call has ended. */
export function currentStep(library: Library, state: CallState): CurrentStep | undefined {
  if (state.status !== 'active') return undefined;
  const top = state.frames[state.frames.length - 1];
  if (top === undefined) return undefined;
  const sop = library.sops.get(top.sop);
  const step = sop?.sop.steps[top.step] as Step | undefined;
  if (sop === undefined || step === undefined) return undefined;
  if (step.kind !== 'say' && step.kind !== 'ask' && step.kind !== 'checklist' && step.kind !== 'input') return undefined;
  return { sop, stepId: top.step, step, qualified: `${top.sop}/${top.step}`, depth: state.frames.length - 1 };
}
