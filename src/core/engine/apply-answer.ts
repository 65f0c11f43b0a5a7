import type { Library } from '../model/library.js';
import type { InteractiveStep, Step } from '../model/sop.js';
import { acceptAnswer } from './accept-answer.js';
import { prepareSop } from './prepared-sop.js';
import { refuse } from './refusals.js';
import { gotoOf, PLAIN, resolveNext } from './resolve-next.js';
import { settle } from './settle.js';
import { settledState } from './settled-state.js';
import type { Answer, AnswerRecord, CallState, EngineEvent, StepResult } from './types.js';

type AnswerEvent = Extract<EngineEvent, { readonly type: 'answer' }>;

/**
 * Applies an answer at the current step: records it (`answer`, or `amend` when back undid an
 * answer there; a fresh answer forgets the other undone answers), updates variables, follows `next` and settles at the next interactive step or
 * the end. The new state's `previous` is this one, so back can undo it.
 */
export function applyAnswer(library: Library, state: CallState, answer: Answer): StepResult {
  const frameIndex = state.frames.length - 1;
  const frame = state.frames[frameIndex]!;
  const prepared = prepareSop(library, frame.sop);
  if (prepared === undefined) return { ok: false, refusal: refuse.unknownSop(frame.sop, 'call stack') };
  const step = prepared.sop.steps[frame.step] as Step | undefined;
  const qualified = prepared.qualified(frame.step);
  if (step === undefined || step.kind === 'decide' || step.kind === 'call' || step.kind === 'end') {
    return { ok: false, refusal: refuse.notInteractive(qualified) };
  }
  const accepted = acceptAnswer(step, answer, frame.vars);
  if (!accepted.ok) return accepted;
  if (accepted.next === undefined) return { ok: false, refusal: refuse.noBranch(qualified) };
  const branch = resolveNext(prepared, accepted.next, accepted.vars, frame.step);
  if (typeof branch !== 'number') return { ok: false, refusal: branch };

  const record = recordOf(qualified, answer, accepted.value, step);
  const events: EngineEvent[] = [];
  const original = state.undone?.[qualified];
  let undone = state.undone;
  // The event carries the branch taken (not only the step it leads to, which two branches may share).
  const taken = branch === PLAIN ? undefined : branch;
  if (original === undefined) {
    // A fresh answer: the call has left the corrected ground, so what back undid is dropped
    // (a step reached again later, e.g. through a menu loop, is answered, not amended).
    undone = undefined;
    events.push(answerEvent(qualified, answer, record, taken));
  } else if (sameValue(original.value, record.value)) {
    // The same answer given again after back: nothing was corrected, so it is an answer, not an
    // amend (the journal and `sop stats` count only real corrections). The rest of what back
    // undid stays pending: the counsellor may still be on the way to the step they went back for.
    events.push(answerEvent(qualified, answer, record, taken));
    undone = without(state.undone!, qualified);
  } else {
    events.push(taken === undefined ? { type: 'amend', original, ...record } : { type: 'amend', original, ...record, branch: taken });
    undone = without(state.undone!, qualified);
  }

  const frames = state.frames.slice();
  frames[frameIndex] = { sop: frame.sop, step: gotoOf(accepted.next, branch), vars: accepted.vars };
  const settled = settle(library, frames, state.referrals, events);
  if (!settled.ok) return settled;
  return { ok: true, state: settledState(state.root, settled, state, undone, record), events };
}

function answerEvent(step: string, answer: Answer, record: AnswerRecord, taken: number | undefined): AnswerEvent {
  const event: { -readonly [K in keyof AnswerEvent]: AnswerEvent[K] } = { type: 'answer', step, answer, value: record.value, sensitive: record.sensitive };
  if (record.stat !== undefined) event.stat = record.stat;
  if (taken !== undefined) event.branch = taken;
  return event;
}

/** Two answer values alike (null, a string, a number, a boolean, or a list of option ids in order). */
function sameValue(a: AnswerRecord['value'], b: AnswerRecord['value']): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function recordOf(step: string, answer: Answer, value: AnswerRecord['value'], source: InteractiveStep): AnswerRecord {
  const sensitive = source.kind !== 'say' && source.sensitive === true;
  const stat = source.kind === 'ask' || source.kind === 'input' ? source.stat : undefined;
  return stat === undefined ? { step, answer, value, sensitive } : { step, answer, value, sensitive, stat };
}

/** `undone` less one step; undefined when nothing is left. */
function without(undone: { readonly [step: string]: AnswerRecord }, step: string): { [step: string]: AnswerRecord } | undefined {
  let rest: { [step: string]: AnswerRecord } | undefined;
  for (const key in undone) {
    if (key === step) continue;
    (rest ??= {})[key] = undone[key]!;
  }
  return rest;
}
