import type { Library } from '../model/library.js';
import { applyAnswer } from './apply-answer.js';
import { goBack } from './go-back.js';
import { refuse } from './refusals.js';
import { takeInterrupt } from './take-interrupt.js';
import type { CallState, Command, StepResult } from './types.js';

/**
 * Applies one command to a call: answer, back, interrupt or note. Pure: the same library, state
 * and command always give the same result. Refuses (with a bilingual message) anything that does
 * not fit; the state is then unchanged.
 */
export function step(library: Library, state: CallState, command: Command): StepResult {
  if (state.status !== 'active') return { ok: false, refusal: refuse.callEnded() };
  switch (command.type) {
    case 'answer':
      return applyAnswer(library, state, command.answer);
    case 'back':
      return goBack(library, state);
    case 'interrupt':
      return takeInterrupt(library, state, command.key);
    case 'note': {
      const top = state.frames[state.frames.length - 1]!;
      const note = { type: 'note', step: `${top.sop}/${top.step}`, text: command.text } as const;
      return { ok: true, state, events: [command.unfinished ? { ...note, unfinished: true } : note] };
    }
  }
}
