import type { Library } from '../model/library.js';
import { locateInterrupts } from './available-interrupts.js';
import { refuse } from './refusals.js';
import { settle } from './settle.js';
import { settledState } from './settled-state.js';
import type { CallState, EngineEvent, StepResult } from './types.js';

/**
 * Interrupt: jumps to the `goto` of the interrupt (the outermost declaration of the key wins) in the
 * SOP that declared it, leaving any SOPs called from there. Back returns to where the call was.
 */
export function takeInterrupt(library: Library, state: CallState, key: string): StepResult {
  const offers = locateInterrupts(library, state);
  const offer = offers.find((candidate) => candidate.key === key);
  if (offer === undefined) return { ok: false, refusal: refuse.unknownInterrupt(key, offers.map((o) => o.key)) };
  const top = state.frames[state.frames.length - 1]!;
  const frames = state.frames.slice(0, offer.frame + 1);
  const target = frames[offer.frame]!;
  frames[offer.frame] = { sop: target.sop, step: offer.goto, vars: target.vars };
  const events: EngineEvent[] = [{ type: 'interrupt', key, from: `${top.sop}/${top.step}`, to: `${offer.sop}/${offer.goto}` }];
  const settled = settle(library, frames, state.referrals, events);
  if (!settled.ok) return settled;
  return { ok: true, state: settledState(state.root, settled, state, state.undone), events };
}
