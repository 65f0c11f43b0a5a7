/**
 * The lines a training call shows above a step: what the caller says there (the scenario's
 * `caller:` on the entries given at that step), and with --reveal what the expert does there
 * and why. Plain text; the terminal UI cleans and colours it. Pure.
 */
import { answerLabel } from '../record/build-timeline.js';
import { splitQualified } from '../engine/step-ref.js';
import type { QualifiedStep } from '../engine/types.js';
import type { Library } from '../model/library.js';
import { textIn } from '../model/localize.js';
import { expertAt, type ExpertRun } from './expert-run.js';
import { interruptLabel } from './interrupt-label.js';
import { say } from '../model/message.js';
import type { Message } from '../model/message.js';
import { TW } from './training-words.js';

export function stepBanner(expert: ExpertRun, library: Library, step: QualifiedStep, lang: string, reveal: boolean): string[] {
  const t = (message: Message): string => say(lang, message);
  const entries = expertAt(expert, step);
  const lines = entries.flatMap((entry) => (entry.caller === undefined ? [] : [`${t(TW.caller)}: “${textIn(entry.caller, lang)}”`]));
  if (!reveal) return lines;
  const entry = entries[0];
  if (!entry) return [...lines, `${t(TW.expertTitle)}: ${t(TW.notOnExpertPath)}`];
  let choice: string;
  if (entry.type === 'interrupt') {
    const label = interruptLabel(library, splitQualified(step).sop, entry.key);
    choice = `${t(TW.press)} ${entry.key}${label === undefined ? '' : ` (${textIn(label, lang)})`}`;
  } else {
    choice = answerLabel(library, { step, answer: entry.answer, value: null, sensitive: false }, lang);
  }
  lines.push(`${t(TW.expertTitle)}: ${choice}`);
  if (entry.why !== undefined) lines.push(`${t(TW.why)}: ${textIn(entry.why, lang)}`);
  return lines;
}
