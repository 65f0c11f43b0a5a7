/** The debrief as text for the terminal, in the trainee's language. Pure. */
import { answerLabel } from '../record/build-timeline.js';
import { outcomeAt, splitQualified, stepAt } from '../engine/step-ref.js';
import type { Library } from '../model/library.js';
import { textIn } from '../model/localize.js';
import { shorten } from '../render/shorten.js';
import { formatDuration } from '../stats/format-duration.js';
import type { DecisionRow, Debrief, RedFlag } from './debrief-session.js';
import type { Choice } from './final-answers.js';
import { interruptLabel } from './interrupt-label.js';
import type { ScorePart } from './score.js';
import { PLAIN, type TextStyle } from './text-style.js';
import { say } from '../model/message.js';
import type { Message } from '../model/message.js';
import { TW } from './training-words.js';

export function formatDebrief(debrief: Debrief, library: Library, lang: string, style: TextStyle = PLAIN): string {
  const s = style;
  const t = (message: Message): string => say(lang, message);
  const text = (value: Parameters<typeof textIn>[0]): string => s.clean(textIn(value, lang));
  const stepName = (qualified: string): string => {
    const definition = stepAt(library, qualified);
    const shown = definition && 'text' in definition ? shorten(text(definition.text), 70) : '';
    return shown ? `${shown} ${s.dim(`(${s.clean(qualified)})`)}` : s.clean(qualified);
  };
  const labelOf = (label: Parameters<typeof textIn>[0]): string => (label === undefined ? '' : ` (${text(label)})`);
  const answer = (step: string, value: Choice): string =>
    value.type === 'interrupt'
      ? `${t(TW.interrupt)} ${s.clean(value.key)}${labelOf(interruptLabel(library, splitQualified(step).sop, value.key))}`
      : s.clean(answerLabel(library, { step, answer: value.answer, value: null, sensitive: false }, lang));
  const outcomeName = (qualified: string): string => {
    const label = outcomeAt(library, qualified)?.label;
    return label === undefined ? s.clean(qualified) : `${text(label)} (${s.clean(qualified)})`;
  };
  const score = debrief.score;
  const out: string[] = [];

  out.push(s.bold(`${t(TW.debrief)}: ${text(debrief.title)} (${s.clean(debrief.scenario)})`));
  out.push(s.bold(`${t(TW.score)}: ${score.total} / 100`));
  const partLine = (label: string, part: ScorePart & { points: number; max: number }, detail: string): string =>
    part.of === 0
      ? `  ${label}: ${s.dim(t(TW.notInScenario))}`
      : `  ${label}: ${detail}  ${s.dim(`${Math.round(part.points)} ${t(TW.of)} ${Math.round(part.max)} ${t(TW.points)}`)}`;
  const count = (part: ScorePart): string => `${round1(part.got, lang)} ${t(TW.of)} ${part.of}`;
  out.push(partLine(t(TW.decisionsPart), score.parts.decisions, count(score.parts.decisions)));
  out.push(partLine(t(TW.redFlagsPart), score.parts.redFlags, count(score.parts.redFlags)));
  const got = debrief.outcome.got;
  const outcomeOk = got === debrief.outcome.expected;
  const outcomeText = got === undefined ? s.red(t(TW.notFinished)) : outcomeOk ? s.green(outcomeName(got)) : s.red(outcomeName(got));
  const missingReferrals = debrief.referrals.expected.filter((id) => !debrief.referrals.made.includes(id));
  const outcomeDetail = [
    outcomeText,
    ...(outcomeOk ? [] : [`${t(TW.expected)}: ${outcomeName(debrief.outcome.expected)}`]),
    ...(missingReferrals.length > 0 ? [s.red(`${t(TW.referralsMissing)}: ${missingReferrals.map(s.clean).join(', ')}`)] : []),
  ].join('; ');
  out.push(partLine(t(TW.outcomePart), score.parts.outcome, outcomeDetail));

  if (debrief.decisions.length > 0) {
    out.push('', s.bold(t(TW.decisions)));
    for (const row of debrief.decisions) out.push(...decisionLines(row));
  }
  if (debrief.offPath.length > 0) {
    out.push('', s.bold(t(TW.offPath)));
    for (const row of debrief.offPath) {
      out.push(`  ${s.yellow('→')} ${stepName(row.step)}: ${answer(row.step, row.trainee)}`);
      if (row.guidance !== undefined) out.push(`      ${t(TW.guidance)}: ${text(row.guidance)}`);
    }
  }
  if (debrief.redFlags.length > 0) {
    out.push('', s.bold(t(TW.redFlags)));
    for (const flag of debrief.redFlags) out.push(...flagLines(flag));
  }
  if (debrief.times.length > 0) {
    out.push('', s.bold(t(TW.times)));
    const width = Math.min(60, Math.max(...debrief.times.map((row) => [...row.step].length)));
    for (const row of debrief.times) {
      const expert = row.expertSeconds === undefined ? '—' : formatDuration(row.expertSeconds * 1000);
      const mark = row.slow ? `  ${s.yellow(t(TW.slow))}` : '';
      out.push(`  ${s.clean(row.step).padEnd(width)}  ${formatDuration(row.traineeMs).padStart(5)} / ${expert}${mark}`);
    }
  }
  return out.join('\n');

  function decisionLines(row: DecisionRow): string[] {
    const name = stepName(row.step);
    const expert = answer(row.step, row.expert);
    if (row.credit === undefined && row.verdict !== 'not-comparable') {
      // A typed fact (age...), or a question the caller left open: shown, never scored.
      const mine = row.trainee ? answer(row.step, row.trainee) : t(TW.notReached);
      const why = row.verdict === 'left-open' ? TW.leftOpen : TW.notScored;
      return [`  ${s.dim('·')} ${name}: ${t(TW.you)}: ${mine}; ${t(TW.expert)}: ${expert} ${s.dim(`(${t(why)})`)}`];
    }
    switch (row.verdict) {
      case 'same':
        return [`  ${s.green('✓')} ${name}: ${expert}`];
      case 'not-reached':
        return [`  ${s.red('–')} ${name}: ${s.red(t(TW.notReached))}; ${t(TW.expert)}: ${expert}`];
      case 'left-open':
      case 'not-comparable':
        return [`  ${s.dim('?')} ${name}: ${s.dim(t(TW.notComparable))}`];
      case 'partial':
      case 'different': {
        const lines = [
          `  ${row.verdict === 'partial' ? s.yellow('~') : s.red('✗')} ${name}`,
          `      ${t(TW.you)}: ${row.trainee ? answer(row.step, row.trainee) : ''}`,
          `      ${t(TW.expert)}: ${expert}`,
        ];
        if (row.why !== undefined) lines.push(`      ${t(TW.why)}: ${text(row.why)}`);
        if (row.guidance !== undefined) lines.push(`      ${t(TW.guidance)}: ${text(row.guidance)}`);
        return lines;
      }
    }
  }

  function flagLines(flag: RedFlag): string[] {
    const mark = flag.hit ? s.green('✓') : s.red('✗');
    const what =
      flag.kind === 'visit'
        ? `${stepName(flag.ref)}: ${flag.hit ? t(TW.visitHit) : s.red(t(TW.visitMissed))}`
        : `${t(TW.interrupt)} ${s.bold(s.clean(flag.ref))}${flag.label !== undefined ? ` (${text(flag.label)})` : ''}: ${flag.hit ? t(TW.interruptHit) : s.red(t(TW.interruptMissed))}`;
    const lines = [`  ${mark} ${what}`];
    if (!flag.hit && flag.why !== undefined) lines.push(`      ${t(TW.why)}: ${text(flag.why)}`);
    return lines;
  }
}

/** One decimal at most, with the language's decimal sign (2.5 in English, 2,5 in Ukrainian and Polish). */
function round1(value: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1, useGrouping: false }).format(value);
}

