import type { Library } from '../model/library.js';
import { frameVars } from './frame-vars.js';
import { prepareSop } from './prepared-sop.js';
import { refuse } from './refusals.js';
import { settle } from './settle.js';
import { settledState } from './settled-state.js';
import { valueFits } from './value-fits.js';
import type { EngineEvent, StartOptions, StepResult } from './types.js';

/**
 * Starts a call under `sopId`: one frame at the SOP's start step (defaults and `options.vars`
 * set; a start variable the SOP does not declare, or of the wrong type, is refused), then passes through decide/call steps to the first interactive step. Events:
 * `sop-entered` (from ''), any decisions and sub-SOP entries, then `step-shown`.
 */
export function startCall(library: Library, sopId: string, options?: StartOptions): StepResult {
  const prepared = prepareSop(library, sopId);
  if (prepared === undefined) return { ok: false, refusal: refuse.unknownSop(sopId, 'start') };
  for (const [name, value] of Object.entries(options?.vars ?? {})) {
    const decl = prepared.sop.variables?.[name];
    if (decl === undefined) return { ok: false, refusal: refuse.badStartVariable(sopId, name, undefined) };
    if (!valueFits(decl.type, value)) return { ok: false, refusal: refuse.badStartVariable(sopId, name, decl.type) };
  }
  const events: EngineEvent[] = [{ type: 'sop-entered', sop: sopId, from: '' }];
  const frames = [{ sop: sopId, step: prepared.sop.start, vars: frameVars(prepared.sop, options?.vars) }];
  const settled = settle(library, frames, [], events);
  if (!settled.ok) return settled;
  return { ok: true, state: settledState(sopId, settled, undefined), events };
}
