/** Builds the screen data for the step the call waits at (reads the engine state; decides nothing). */
import { availableInterrupts, currentStep } from '../../core/engine/index.js';
import type { CallState } from '../../core/engine/types.js';
import type { Library } from '../../core/model/library.js';
import { initialUi, type StepView } from './step-view.js';

export function currentView(library: Library, state: CallState, elapsedMs: number): StepView {
  const current = currentStep(library, state);
  if (!current) throw new Error('the call is not waiting at a step');
  const previous = state.undone?.[current.qualified];
  return {
    trail: state.frames.map((f) => library.sops.get(f.sop)?.sop.title ?? f.sop),
    sop: current.sop.sop.sop,
    stepId: current.stepId,
    step: current.step,
    vars: state.frames.at(-1)?.vars ?? {},
    interrupts: availableInterrupts(library, state).map((i) => ({ key: i.key, label: i.label })),
    elapsedMs,
    ...(previous ? { previous } : {}),
    ui: initialUi(current.step, previous),
  };
}
