/**
 * `sop run --answers FILE`: the same call, driven headlessly through the same engine (`drive` +
 * `answerFromScripted`) from a map of step -> answer, recorded in the same journal, ending with
 * the same summary. A reached step without an answer, or an answer the engine refuses, stops
 * the call there (recorded as interrupted) and names the step.
 */
import { performance } from 'node:perf_hooks';
import { scriptedAnswer } from '../../core/engine/answer-from-scripted.js';
import { drive } from '../../core/engine/drive.js';
import { waitingAt } from '../../core/engine/waiting-at.js';
import type { Command, Refusal } from '../../core/engine/types.js';
import type { Library } from '../../core/model/library.js';
import { didYouMean } from '../../core/findings/did-you-mean.js';
import { EXIT } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
import type { SessionWriter } from '../journal/writer.js';
import { renderSummary } from './render-summary.js';
import { safeLine } from '../text/safe-text.js';
import { msg } from '../../core/model/message.js';

export interface ScriptedCallResult {
  readonly exitCode: number;
  /** The summary (stdout). */
  readonly summary: string;
  /** Why the call stopped early (stderr), when it did. */
  readonly problem?: string;
}

/** How often one step may be reached in a scripted call before it counts as a loop. */
const MAX_VISITS = 50;

export function runScriptedCall(
  library: Library,
  sopId: string,
  answers: ReadonlyMap<string, unknown>,
  writer: SessionWriter,
  lang: Lang,
): ScriptedCallResult {
  const t0 = performance.now();
  let problem: string | undefined;
  const stopWith = (step: string, refusal: Refusal | undefined, sensitive = false): undefined => {
    // A refusal may repeat the answer ("CANARY" is not a whole number): for a sensitive step, say
    // what was wrong without the value (stderr ends up in logs and terminals' scrollback).
    problem = refusal
      ? sensitive
        ? say(lang, msg('tui-run-scripted-call-the-answer-for-step-was', { step, code: refusal.code }))
        : say(lang, msg('tui-run-scripted-call-the-answer-for-step-was-2', { step, message: refusal.message }))
      : noAnswer(step, sopId, answers, lang);
    return undefined;
  };
  // A file gives a step the same answer every time, so a step reached this often is a loop that
  // would otherwise run to the engine's command limit and fill the journal.
  const visits = new Map<string, number>();
  const result = drive(library, sopId, (view): Command | undefined => {
    const step = view.current.qualified;
    if (view.refusal) return stopWith(step, view.refusal, 'sensitive' in view.current.step && view.current.step.sensitive === true);
    const seen = (visits.get(step) ?? 0) + 1;
    visits.set(step, seen);
    if (seen > MAX_VISITS) {
      problem = say(lang, msg('tui-run-scripted-call-step-was-reached-times-the', { step, maxVisits: MAX_VISITS }));
      return undefined;
    }
    if (!answers.has(step)) return stopWith(step, undefined);
    const scripted = scriptedAnswer(view.current.step, answers.get(step));
    if (!scripted.ok) return stopWith(step, scripted.refusal);
    return { type: 'answer', answer: scripted.answer };
  });
  writer.appendEvents(result.events);
  const durationMs = Math.round(performance.now() - t0);
  const ended = result.stop === 'ended';
  const at = waitingAt(result.state);
  if (ended) writer.append('session-end', { outcome: result.state.outcome ?? '', referrals: result.state.referrals, durationMs });
  else writer.append('interrupted', { reason: 'error', step: at });
  if (!ended && problem === undefined) {
    problem = say(lang, msg('tui-run-scripted-call-the-call-stopped-at', { at, stop: result.stop }));
  }
  writer.close();
  const summary = renderSummary(result.state, library, lang, {
    sessionId: writer.sessionId,
    journalFile: writer.file,
    durationMs,
    ...(ended ? {} : { interruptedAt: at }),
  });
  return { exitCode: ended ? EXIT.ok : EXIT.findings, summary, ...(problem ? { problem } : {}) };
}

/** No answer for `step`: say so, and point at a key of the file that looks like a typo of it. */
function noAnswer(step: string, sopId: string, answers: ReadonlyMap<string, unknown>, lang: Lang): string {
  // Steps of the SOP being run are written by id alone; steps of called SOPs as sop-id/step-id.
  const asWritten = (ref: string): string => (ref.startsWith(`${sopId}/`) ? ref.slice(sopId.length + 1) : ref);
  const found = didYouMean(step, answers.keys());
  const near = found === undefined ? undefined : safeLine(asWritten(found));
  const local = asWritten(step);
  const hint = near
    ? say(lang, msg('tui-run-scripted-call-the-file-has-did-you', { near, local }))
    : say(lang, msg('tui-run-scripted-call-add-a-line-answer', { local }));
  return say(lang, msg('tui-run-scripted-call-no-answer-for-step-in', { step })) + hint;
}
