/** Builds the screen data for the step the call waits at (reads the engine state; decides nothing). */
import { availableInterrupts } from '../../core/engine/available-interrupts.js';
import { currentStep } from '../../core/engine/current-step.js';
import type { CallState } from '../../core/engine/types.js';
import type { Library } from '../../core/model/library.js';
import { expandStep } from '../../core/render/expand-step.js';
import { availableLanguages } from '../i18n.js';
import { initialUi, type StepView } from './step-view.js';


/** `now` is the wall clock, for "open now" beside a directory contact in a text. */
export function currentView(library: Library, state: CallState, elapsedMs: number, now?: Date): StepView {
  const current = currentStep(library, state);
  if (!current) throw new Error('the call is not waiting at a step');
  const previous = state.undone?.[current.qualified];
  const vars = state.frames.at(-1)?.vars ?? {};
  return {
    trail: state.frames.map((f) => library.sops.get(f.sop)?.sop.title ?? f.sop),
    sop: current.sop.sop.sop,
    stepId: current.stepId,
    // References in the step's texts ({address}, {contact:id}) rendered with this frame's answers.
    // In every language the screen may be asked for: the SOP's own (first, in its order), then the tool's.
    step: expandStep(current.step, [...new Set([...current.sop.sop.languages, ...availableLanguages()])], {
      vars,
      ...(library.directory ? { directory: library.directory } : {}),
      ...(now ? { now } : {}),
    }),
    vars,
    interrupts: availableInterrupts(library, state).map((i) => ({ key: i.key, label: i.label })),
    elapsedMs,
    ...(previous ? { previous } : {}),
    ui: initialUi(current.step, previous),
  };
}
