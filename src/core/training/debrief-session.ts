/**
 * The debrief of one training session: the trainee's call (its journal lines, as recorded)
 * against the expert's (the scenario run through the engine). Each expert decision beside the
 * trainee's, with the step's guidance and the expert's `why` to explain a difference; the red
 * flags (required visits, expected interrupts) missed; the outcome; time per step against the
 * expert's `seconds`; and the score (see score.ts for the formula). Pure.
 */
import { buildTimeline, type TimelineSession } from '../record/build-timeline.js';
import { qualifyStepRef, stepAt } from '../engine/step-ref.js';
import { visitedSteps } from '../record/trace-events.js';
import type { EngineEvent, QualifiedStep } from '../engine/types.js';
import type { Library } from '../model/library.js';
import type { Localized, Step, StepKind } from '../model/sop.js';
import { isEngineLine } from '../record/journal-line.js';
import type { ExpertEntry, ExpertRun } from './expert-run.js';
import { interruptLabel } from './interrupt-label.js';
import { finalChoices, interruptsUsed, isRedacted, type Choice } from './final-answers.js';
import { checklistCredit, scoreOf, type Score } from './score.js';

/**
 * `left-open`: a question the scenario's caller leaves open (see leftOpen), so whatever the
 * trainee chose there is shown but not scored.
 */
type Verdict = 'same' | 'partial' | 'different' | 'not-reached' | 'not-comparable' | 'left-open';

export interface DecisionRow {
  readonly step: QualifiedStep;
  readonly kind: StepKind;
  readonly expert: Choice;
  /** Absent when the trainee did not reach the step. */
  readonly trainee?: Choice;
  readonly verdict: Verdict;
  /** 0-1 for the decisions that count in the score (ask, checklist, an interrupt); absent for inputs. */
  readonly credit?: number;
  readonly why?: Localized;
  readonly guidance?: Localized;
}

/** A step the trainee answered that the expert's call never reached. */
interface OffPathRow {
  readonly step: QualifiedStep;
  readonly kind: StepKind;
  readonly trainee: Choice;
  readonly guidance?: Localized;
}

export interface RedFlag {
  readonly kind: 'visit' | 'interrupt';
  /** The step (qualified) or the interrupt key. */
  readonly ref: string;
  readonly hit: boolean;
  /** The interrupt's label in the SOP. */
  readonly label?: Localized;
  readonly why?: Localized;
}

interface StepTime {
  readonly step: QualifiedStep;
  readonly traineeMs: number;
  readonly expertSeconds?: number;
  /** More than twice the expert's time and at least 15 s more. */
  readonly slow: boolean;
}

export interface Debrief {
  readonly scenario: string;
  readonly title: Localized;
  readonly sop: string;
  readonly session: string;
  readonly finished: boolean;
  readonly outcome: { readonly expected: string; readonly got?: string };
  readonly referrals: { readonly expected: readonly string[]; readonly made: readonly string[] };
  readonly decisions: readonly DecisionRow[];
  readonly offPath: readonly OffPathRow[];
  readonly redFlags: readonly RedFlag[];
  readonly times: readonly StepTime[];
  readonly score: Score;
}

/** What a debrief needs of a recorded training session (the same as a timeline does). */
export type TrainingSession = TimelineSession;

const SCORED: readonly StepKind[] = ['ask', 'checklist'];
const COMPARED: readonly StepKind[] = ['ask', 'checklist', 'input'];

export function debriefSession(library: Library, expert: ExpertRun, session: TrainingSession): Debrief {
  const { scenario } = expert;
  const events: EngineEvent[] = session.lines.filter(isEngineLine);
  const stepOf = (qualified: string): Step | undefined => stepAt(library, qualified);
  const guidanceOf = (qualified: string): { guidance?: Localized } => {
    const guidance = stepOf(qualified)?.guidance;
    return guidance === undefined ? {} : { guidance };
  };

  const choices = finalChoices(events);
  const decisions: DecisionRow[] = [];
  const expertSteps = new Set<string>();
  for (const entry of expert.entries) {
    expertSteps.add(entry.step);
    const kind = stepOf(entry.step)?.kind ?? 'say';
    if (entry.type === 'answer' && !COMPARED.includes(kind)) continue;
    decisions.push(compare(entry, kind, choices.get(entry.step), guidanceOf(entry.step), leftOpen(stepOf(entry.step), entry)));
  }
  const offPath: OffPathRow[] = [];
  for (const [step, choice] of choices) {
    const kind = stepOf(step)?.kind;
    if (kind === undefined || expertSteps.has(step) || (choice.type === 'answer' && !COMPARED.includes(kind))) continue;
    offPath.push({ step, kind, trainee: choice, ...guidanceOf(step) });
  }

  const visited = visitedSteps(library, events);
  const used = interruptsUsed(events);
  const whyAt = (match: (entry: ExpertRun['entries'][number]) => boolean): { why?: Localized } => {
    const why = expert.entries.find((entry) => match(entry) && entry.why !== undefined)?.why;
    return why === undefined ? {} : { why };
  };
  const labelOf = (key: string): { label?: Localized } => {
    const label = interruptLabel(library, scenario.sop, key);
    return label === undefined ? {} : { label };
  };
  const redFlags: RedFlag[] = [
    ...(scenario.expect.visits ?? []).map((ref): RedFlag => {
      const step = qualifyStepRef(ref, scenario.sop);
      return { kind: 'visit', ref: step, hit: visited.has(step), ...whyAt((entry) => entry.step === step) };
    }),
    ...(scenario.expect.interrupts ?? []).map(
      (key): RedFlag => ({
        kind: 'interrupt',
        ref: key,
        hit: used.includes(key),
        ...labelOf(key),
        ...whyAt((entry) => entry.type === 'interrupt' && entry.key === key),
      }),
    ),
  ];

  const ended = events.find((event): event is Extract<EngineEvent, { type: 'call-ended' }> => event.type === 'call-ended');
  const got = ended?.outcome;
  const made = ended?.referrals ?? [];
  const expectedReferrals = scenario.expect.referrals ?? [];
  const outcomeOk = got === scenario.expect.outcome ? 1 : 0;
  const referralShare = expectedReferrals.length === 0 ? undefined : expectedReferrals.filter((id) => made.includes(id)).length / expectedReferrals.length;

  const scored = decisions.filter((row) => row.credit !== undefined);
  const score = scoreOf({
    decisions: { got: scored.reduce((sum, row) => sum + (row.credit ?? 0), 0), of: scored.length },
    redFlags: { got: redFlags.filter((flag) => flag.hit).length, of: redFlags.length },
    outcome: { got: referralShare === undefined ? outcomeOk : 0.75 * outcomeOk + 0.25 * referralShare, of: 1 },
  });

  return {
    scenario: scenario.scenario,
    title: scenario.title,
    sop: scenario.sop,
    session: session.id,
    finished: ended !== undefined,
    outcome: { expected: scenario.expect.outcome, ...(got !== undefined ? { got } : {}) },
    referrals: { expected: expectedReferrals, made },
    decisions,
    offPath,
    redFlags,
    times: stepTimes(library, expert, session),
    score,
  };
}

/** The option a scenario answers with when the caller never said (call-coding's "Not known (not said)"). */
const NOT_SAID = 'unknown';

/**
 * True when the scenario's caller leaves the question open: the step records an anonymous
 * statistic about the caller (an `ask` step with `stat:`, such as age group, gender, region),
 * the scenario's answer there is the option `unknown`, and the entry gives the caller no line
 * (`caller:`). The caller never says, so no choice of the trainee's there can be wrong.
 */
function leftOpen(step: Step | undefined, entry: ExpertEntry): boolean {
  return (
    step?.kind === 'ask' &&
    step.stat !== undefined &&
    entry.type === 'answer' &&
    entry.caller === undefined &&
    entry.answer.kind === 'option' &&
    entry.answer.option === NOT_SAID
  );
}

function compare(entry: ExpertEntry, kind: StepKind, trainee: Choice | undefined, guidance: { guidance?: Localized }, open: boolean): DecisionRow {
  const scored = entry.type === 'interrupt' || SCORED.includes(kind);
  const expert: Choice = entry.type === 'interrupt' ? { type: 'interrupt', key: entry.key } : { type: 'answer', answer: entry.answer };
  const base = { step: entry.step, kind, expert, ...(entry.why !== undefined ? { why: entry.why } : {}), ...guidance };
  // Shown, never scored (no credit): whatever the trainee chose, the caller never said.
  if (open) return { ...base, ...(trainee !== undefined ? { trainee } : {}), verdict: 'left-open' };
  if (trainee === undefined) return { ...base, verdict: 'not-reached', ...(scored ? { credit: 0 } : {}) };
  if (isRedacted(trainee)) return { ...base, trainee, verdict: 'not-comparable' };
  const credit = creditOf(expert, trainee);
  const verdict: Verdict = credit === 1 ? 'same' : credit > 0 ? 'partial' : 'different';
  return { ...base, trainee, verdict, ...(scored ? { credit } : {}) };
}

function creditOf(expertChoice: Choice, traineeChoice: Choice): number {
  if (expertChoice.type === 'interrupt' || traineeChoice.type === 'interrupt') {
    return expertChoice.type === 'interrupt' && traineeChoice.type === 'interrupt' && expertChoice.key === traineeChoice.key ? 1 : 0;
  }
  const [expert, trainee] = [expertChoice.answer, traineeChoice.answer];
  if (expert.kind === 'option' && trainee.kind === 'option') return expert.option === trainee.option ? 1 : 0;
  if (expert.kind === 'checked' && trainee.kind === 'checked') return checklistCredit(expert.options, trainee.options);
  if (expert.kind === 'value' && trainee.kind === 'value') return expert.raw.trim() === trainee.raw.trim() ? 1 : 0;
  return expert.kind === trainee.kind ? 1 : 0;
}

/** Time on each step the trainee was shown (all visits together), beside the expert's seconds. */
function stepTimes(library: Library, expert: ExpertRun, session: TrainingSession): StepTime[] {
  const spent = new Map<string, number>();
  for (const entry of buildTimeline(library, session).entries) spent.set(entry.step, (spent.get(entry.step) ?? 0) + entry.spentMs);
  const expertSeconds = new Map<string, number>();
  for (const entry of expert.entries) {
    if (entry.type === 'answer' && entry.seconds !== undefined) expertSeconds.set(entry.step, (expertSeconds.get(entry.step) ?? 0) + entry.seconds);
  }
  return [...spent].map(([step, traineeMs]) => {
    const seconds = expertSeconds.get(step);
    const slow = seconds !== undefined && traineeMs / 1000 > 2 * seconds && traineeMs / 1000 - seconds >= 15;
    return { step, traineeMs, ...(seconds !== undefined ? { expertSeconds: seconds } : {}), slow };
  });
}
