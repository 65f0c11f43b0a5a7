/**
 * Moves a call forward from where its innermost frame points until it waits at an interactive
 * step or ends: passes through `decide` (emits `decision`), `call` (pushes a frame, emits
 * `sop-entered`) and `end` (pops a frame, emits `sop-returned`, continues at the call step's
 * `next` or propagates the outcome; at the bottom emits `call-ended`). The only place, with the
 * answer handling in apply-answer.ts, where transitions happen.
 */
import type { Library } from '../model/library.js';
import type { Step } from '../model/sop.js';
import { frameVars } from './frame-vars.js';
import { prepareSop, type PreparedSop } from './prepared-sop.js';
import { refuse } from './refusals.js';
import { gotoOf, PLAIN, resolveNext } from './resolve-next.js';
import type { EngineEvent, Frame, QualifiedStep, Refusal } from './types.js';

/** More decide/call/end steps than this in a row, without a question, is a loop. */
export const MAX_AUTOMATIC_TRANSITIONS = 10_000;

export type Settled =
  | {
      readonly ok: true;
      readonly status: 'active';
      readonly frames: readonly Frame[];
      readonly referrals: readonly string[];
      /** The interactive step now shown. */
      readonly shown: QualifiedStep;
    }
  | { readonly ok: true; readonly status: 'ended'; readonly frames: readonly Frame[]; readonly referrals: readonly string[]; readonly outcome: string }
  | { readonly ok: false; readonly refusal: Refusal };

/**
 * `frames` is a fresh array the caller owns (it is changed in place); `events` receives the
 * events in order.
 */
export function settle(library: Library, frames: Frame[], referrals: readonly string[], events: EngineEvent[]): Settled {
  let refs = referrals;
  let prepared: PreparedSop | undefined;
  for (let count = 0; ; count++) {
    const top = frames[frames.length - 1]!;
    if (prepared?.sop.sop !== top.sop) prepared = prepareSop(library, top.sop);
    if (prepared === undefined) return { ok: false, refusal: refuse.unknownSop(top.sop, 'call stack') };
    const step = prepared.sop.steps[top.step] as Step | undefined;
    if (step === undefined) return { ok: false, refusal: refuse.unknownStep(prepared.qualified(top.step)) };
    if (step.kind === 'say' || step.kind === 'ask' || step.kind === 'checklist' || step.kind === 'input') {
      const shown = prepared.qualified(top.step);
      events.push({ type: 'step-shown', step: shown, kind: step.kind });
      return { ok: true, status: 'active', frames, referrals: refs, shown };
    }
    if (count >= MAX_AUTOMATIC_TRANSITIONS) {
      return { ok: false, refusal: refuse.tooManyAutomaticSteps(MAX_AUTOMATIC_TRANSITIONS, prepared.qualified(top.step)) };
    }
    switch (step.kind) {
      case 'decide': {
        const branch = resolveNext(prepared, step.next, top.vars, top.step);
        if (typeof branch !== 'number') return { ok: false, refusal: branch };
        const goto = gotoOf(step.next, branch);
        events.push({ type: 'decision', step: prepared.qualified(top.step), branch, to: prepared.qualified(goto) });
        frames[frames.length - 1] = { sop: top.sop, step: goto, vars: top.vars };
        break;
      }
      case 'call': {
        const callee = prepareSop(library, step.sop);
        if (callee === undefined) return { ok: false, refusal: refuse.unknownSop(step.sop, prepared.qualified(top.step)) };
        events.push({ type: 'sop-entered', sop: step.sop, from: prepared.qualified(top.step) });
        frames.push({ sop: step.sop, step: callee.sop.start, vars: frameVars(callee.sop, undefined, step.with, top.vars) });
        break;
      }
      case 'end': {
        if (step.refer !== undefined) refs = addReferrals(refs, step.refer);
        const outcome = `${top.sop}/${step.outcome}`;
        // Pop frames until a caller continues at its call step's `next`, or the call ends.
        for (;;) {
          if (frames.length === 1) {
            frames.length = 0;
            events.push({ type: 'call-ended', outcome, referrals: refs });
            return { ok: true, status: 'ended', frames, referrals: refs, outcome };
          }
          const done = frames.pop()!;
          const caller = frames[frames.length - 1]!;
          const callerSop = prepareSop(library, caller.sop)!;
          const callStep = callerSop.sop.steps[caller.step] as Step | undefined;
          if (callStep?.kind !== 'call') return { ok: false, refusal: refuse.unknownStep(callerSop.qualified(caller.step)) };
          if (callStep.next === undefined) {
            events.push({ type: 'sop-returned', sop: done.sop, outcome });
            continue;
          }
          const callerVars = callStep.save === undefined ? caller.vars : { ...caller.vars, [callStep.save]: step.outcome };
          const branch = resolveNext(callerSop, callStep.next, callerVars, caller.step);
          if (typeof branch !== 'number') return { ok: false, refusal: branch };
          const goto = gotoOf(callStep.next, branch);
          events.push(
            branch === PLAIN
              ? { type: 'sop-returned', sop: done.sop, outcome, to: callerSop.qualified(goto) }
              : { type: 'sop-returned', sop: done.sop, outcome, to: callerSop.qualified(goto), branch },
          );
          frames[frames.length - 1] = { sop: caller.sop, step: goto, vars: callerVars };
          break;
        }
        break;
      }
      default:
        // No step kind: not a step of this SOP, but what every object has (`constructor`).
        return { ok: false, refusal: refuse.unknownStep(prepared.qualified(top.step)) };
    }
  }
}

function addReferrals(referrals: readonly string[], refer: readonly string[]): readonly string[] {
  let result = referrals;
  for (const id of refer) if (!result.includes(id)) result = [...result, id];
  return result;
}
