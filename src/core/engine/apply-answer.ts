import type { Library } from '../model/library.js';
import type { InteractiveStep } from '../model/sop.js';
import { acceptAnswer } from './accept-answer.js';
import { currentStep } from './current-step.js';
import { prepareSop } from './prepared-sop.js';
import { refuse } from './refusals.js';
import { resolveNext } from './resolve-next.js';
import { settle } from './settle.js';
import { settledState } from './settled-state.js';
import type { Answer, AnswerRecord, CallState, EngineEvent, StepResult } from './types.js';

/**
 * Applies an answer at the current step: records it (`answer`, or `amend` when back undid an
 * answer there), updates variables, follows `next` and settles at the next interactive step or
 * the end. The new state's `previous` is this one, so back can undo it.
 */
export function applyAnswer(library: Library, state: CallState, answer: Answer): StepResult {
  const current = currentStep(library, state);
  if (current === undefined) return { ok: false, refusal: refuse.notInteractive(state.frames.at(-1)?.step ?? '?') };
  const frameIndex = state.frames.length - 1;
  const frame = state.frames[frameIndex]!;
  const accepted = acceptAnswer(current.step, answer, frame.vars);
  if (!accepted.ok) return accepted;

  const prepared = prepareSop(library, frame.sop)!;
  const qualified = prepared.qualified(frame.step);
  const record: AnswerRecord = recordOf(qualified, answer, accepted.value, current.step);
  const events: EngineEvent[] = [];
  const original = state.undone?.[qualified];
  let undone = state.undone;
  if (original === undefined) events.push({ type: 'answer', ...record });
  else {
    events.push({ type: 'amend', original, ...record });
    const rest = { ...undone };
    delete rest[qualified];
    undone = Object.keys(rest).length === 0 ? undefined : rest;
  }

  if (accepted.next === undefined) return { ok: false, refusal: refuse.noBranch(qualified) };
  const next = resolveNext(prepared, accepted.next, accepted.vars, frame.step);
  if (!next.ok) return next;
  const frames = state.frames.slice();
  frames[frameIndex] = { sop: frame.sop, step: next.goto, vars: accepted.vars };
  const settled = settle(library, frames, state.referrals, events);
  if (!settled.ok) return settled;
  return { ok: true, state: settledState(state.root, settled, state, undone, record), events };
}

function recordOf(step: string, answer: Answer, value: AnswerRecord['value'], source: InteractiveStep): AnswerRecord {
  const record: { -readonly [K in keyof AnswerRecord]: AnswerRecord[K] } = {
    step,
    answer,
    value,
    sensitive: 'sensitive' in source && source.sensitive === true,
  };
  if ('stat' in source && source.stat !== undefined) record.stat = source.stat;
  return record;
}
