/**
 * The expert's call, as the scenario scripts it: the scenario is run through the engine once
 * (the same headless run `sop test` does), and each of its entries is tied to the qualified step
 * where the engine was when the expert gave it. That tells the trainee's screens which caller
 * lines and expert choices belong to which step, and the debrief what to compare with.
 */
import { runScenario, type ScenarioResult, type ScenarioSource } from '../check/run-scenario.js';
import { stepAt } from '../engine/step-ref.js';
import { visitedSteps } from '../record/trace-events.js';
import type { Answer, QualifiedStep } from '../engine/types.js';
import type { Library } from '../model/library.js';
import type { Scenario, ScenarioAnswer, ScenarioInterrupt } from '../model/scenario.js';
import type { Localized, StepKind } from '../model/sop.js';

interface ExpertEntryBase {
  readonly step: QualifiedStep;
  /** Index of the entry in the scenario's `answers`. */
  readonly index: number;
  readonly caller?: Localized;
  readonly why?: Localized;
}

interface ExpertAnswer extends ExpertEntryBase {
  readonly type: 'answer';
  readonly kind: StepKind;
  readonly answer: Answer;
  readonly seconds?: number;
}

interface ExpertInterrupt extends ExpertEntryBase {
  readonly type: 'interrupt';
  readonly key: string;
}

export type ExpertEntry = ExpertAnswer | ExpertInterrupt;

export interface ExpertRun {
  readonly scenario: Scenario;
  readonly file: string;
  /** The headless run: when it did not pass, the scenario no longer fits the SOPs. */
  readonly result: ScenarioResult;
  /** The entries the run got through, in call order, each with its step. */
  readonly entries: readonly ExpertEntry[];
  /** Steps the expert's call passed through. */
  readonly visited: ReadonlySet<QualifiedStep>;
}

function isInterrupt(entry: ScenarioAnswer | ScenarioInterrupt): entry is ScenarioInterrupt {
  return (entry as ScenarioInterrupt).interrupt !== undefined;
}

export function expertRun(library: Library, source: ScenarioSource): ExpertRun {
  const { scenario } = source;
  const result = runScenario(library, source);
  const answers = scenario.answers.flatMap((entry, index) => (isInterrupt(entry) ? [] : [{ entry, index }]));
  const interrupts = scenario.answers.flatMap((entry, index) => (isInterrupt(entry) ? [{ entry, index }] : []));
  const entries: ExpertEntry[] = [];
  const said = (entry: ScenarioAnswer | ScenarioInterrupt): { caller?: Localized; why?: Localized } => ({
    ...(entry.caller !== undefined ? { caller: entry.caller } : {}),
    ...(entry.why !== undefined ? { why: entry.why } : {}),
  });
  for (const event of result.events) {
    if (event.type === 'answer') {
      const next = answers.shift();
      if (!next) continue;
      const kind = stepAt(library, event.step)?.kind ?? 'say';
      const seconds = next.entry.seconds;
      entries.push({
        type: 'answer',
        step: event.step,
        index: next.index,
        kind,
        answer: event.answer,
        ...said(next.entry),
        ...(seconds !== undefined ? { seconds } : {}),
      });
    } else if (event.type === 'interrupt') {
      const next = interrupts.shift();
      if (next) entries.push({ type: 'interrupt', step: event.from, index: next.index, key: event.key, ...said(next.entry) });
    }
  }
  return { scenario, file: source.file, result, entries, visited: visitedSteps(library, result.events) };
}

/** The expert's entries at a step (an interrupt first: it is what the expert did there). */
export function expertAt(run: ExpertRun, step: QualifiedStep): ExpertEntry[] {
  const here = run.entries.filter((entry) => entry.step === step);
  return [...here.filter((e) => e.type === 'interrupt'), ...here.filter((e) => e.type === 'answer')];
}
