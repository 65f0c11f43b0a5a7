/**
 * One trainee's progress from the training journal: the scenarios done (attempts, best and last
 * score), every session's score in time order, the steps where the trainee most often decides
 * differently from the expert, and the red flags most often missed. Each session is scored again
 * from its journal lines against the scenario as it is now (debriefSession). Pure.
 */
import type { Localized } from '../model/sop.js';
import type { Library } from '../model/library.js';
import type { RecordedSession } from '../record/recorded-session.js';
import type { Scenario } from '../model/scenario.js';
import { debriefSession, type Debrief } from './debrief-session.js';
import type { ExpertRun } from './expert-run.js';

interface ReportSession {
  readonly session: string;
  /** ISO time the session started. */
  readonly at: string;
  readonly scenario: string;
  readonly finished: boolean;
  /** Absent when the scenario is gone or no longer fits the SOPs. */
  readonly score?: number;
  /** Steps where the trainee decided differently from the expert (partly or wholly). */
  readonly diverged: readonly string[];
  /** Red flags missed: `visit sop/step` or `interrupt !`. */
  readonly missed: readonly string[];
}

interface ReportScenario {
  readonly scenario: string;
  readonly title?: Localized;
  readonly sop?: string;
  readonly difficulty?: string;
  readonly attempts: number;
  readonly finished: number;
  readonly best?: number;
  readonly last?: number;
  readonly lastAt: string;
}

interface StepCount {
  readonly step: string;
  /** Sessions where the trainee decided differently at the step. */
  readonly count: number;
  /** Sessions where the trainee decided at the step (same or not). */
  readonly faced: number;
}

interface FlagCount {
  readonly flag: string;
  readonly missed: number;
  /** Sessions whose scenario has this red flag. */
  readonly of: number;
}

export interface TraineeReport {
  readonly trainee: string;
  readonly sessions: readonly ReportSession[];
  readonly scenarios: readonly ReportScenario[];
  readonly notDone: readonly { readonly scenario: string; readonly title: Localized }[];
  readonly divergences: readonly StepCount[];
  readonly missedRedFlags: readonly FlagCount[];
}

export interface ReportInput {
  readonly library: Library;
  readonly trainee: string;
  /** Training sessions (any trainee's: only this trainee's are counted). */
  readonly sessions: readonly RecordedSession[];
  /** Every scenario known now. */
  readonly scenarios: readonly Scenario[];
  /** The expert's call for a scenario id (undefined: unknown, or it no longer fits the SOPs). */
  readonly expertFor: (scenario: string) => ExpertRun | undefined;
}

export function traineeReport(input: ReportInput): TraineeReport {
  const mine = input.sessions.filter((session) => session.start.trainee === input.trainee && session.start.scenario !== undefined);
  const sessions: ReportSession[] = [];
  const debriefs: Debrief[] = [];
  for (const session of mine) {
    const scenario = session.start.scenario ?? '';
    const expert = input.expertFor(scenario);
    const debrief = expert ? debriefSession(input.library, expert, session) : undefined;
    if (debrief) debriefs.push(debrief);
    sessions.push({
      session: session.id,
      at: session.start.at,
      scenario,
      finished: debrief?.finished ?? session.status === 'completed',
      ...(debrief ? { score: debrief.score.total } : {}),
      diverged: debrief ? debrief.decisions.filter((row) => row.verdict === 'different' || row.verdict === 'partial').map((row) => row.step) : [],
      missed: debrief ? debrief.redFlags.filter((flag) => !flag.hit).map((flag) => `${flag.kind} ${flag.ref}`) : [],
    });
  }

  const known = new Map(input.scenarios.map((scenario) => [scenario.scenario, scenario]));
  const byScenario = new Map<string, ReportSession[]>();
  for (const session of sessions) byScenario.set(session.scenario, [...(byScenario.get(session.scenario) ?? []), session]);
  const scenarios: ReportScenario[] = [...byScenario].map(([id, done]) => {
    const scenario = known.get(id);
    const scores = done.flatMap((session) => (session.score === undefined ? [] : [session.score]));
    const last = done[done.length - 1];
    return {
      scenario: id,
      ...(scenario ? { title: scenario.title, sop: scenario.sop } : {}),
      ...(scenario?.difficulty ? { difficulty: scenario.difficulty } : {}),
      attempts: done.length,
      finished: done.filter((session) => session.finished).length,
      ...(scores.length > 0 ? { best: Math.max(...scores) } : {}),
      ...(last?.score !== undefined ? { last: last.score } : {}),
      lastAt: last?.at ?? '',
    };
  });
  scenarios.sort((a, b) => (a.scenario < b.scenario ? -1 : a.scenario > b.scenario ? 1 : 0));
  const notDone = input.scenarios
    .filter((scenario) => !byScenario.has(scenario.scenario))
    .map((scenario) => ({ scenario: scenario.scenario, title: scenario.title }))
    .sort((a, b) => (a.scenario < b.scenario ? -1 : 1));

  const steps = new Map<string, { count: number; faced: number }>();
  const flags = new Map<string, { missed: number; of: number }>();
  for (const debrief of debriefs) {
    for (const row of debrief.decisions) {
      if (row.credit === undefined || row.verdict === 'not-reached' || row.verdict === 'not-comparable') continue;
      const entry = steps.get(row.step) ?? { count: 0, faced: 0 };
      entry.faced++;
      if (row.verdict !== 'same') entry.count++;
      steps.set(row.step, entry);
    }
    for (const flag of debrief.redFlags) {
      const key = `${flag.kind} ${flag.ref}`;
      const entry = flags.get(key) ?? { missed: 0, of: 0 };
      entry.of++;
      if (!flag.hit) entry.missed++;
      flags.set(key, entry);
    }
  }
  const divergences = [...steps]
    .filter(([, entry]) => entry.count > 0)
    .map(([step, entry]) => ({ step, ...entry }))
    .sort((a, b) => b.count - a.count || b.count / b.faced - a.count / a.faced || (a.step < b.step ? -1 : 1));
  const missedRedFlags = [...flags]
    .filter(([, entry]) => entry.missed > 0)
    .map(([flag, entry]) => ({ flag, ...entry }))
    .sort((a, b) => b.missed - a.missed || (a.flag < b.flag ? -1 : 1));
  return { trainee: input.trainee, sessions, scenarios, notDone, divergences, missedRedFlags };
}
