/**
 * Runs one scenario headlessly through the engine: the expert's answers go in, in order (each must
 * be for the step the call is at), then the outcome, visits, referrals and interrupts are checked.
 * Pure: the library and the scenario come in, plain data comes out.
 */
import { currentStep } from '../engine/current-step.js';
import { drive } from '../engine/drive.js';
import { scriptedAnswer } from '../engine/answer-from-scripted.js';
import type { CallState, Command, CurrentStep, EngineEvent, Refusal } from '../engine/types.js';
import type { Library, PositionLookup } from '../model/library.js';
import type { Scenario, ScenarioAnswer, ScenarioEntry, ScenarioInterrupt } from '../model/scenario.js';
import type { Message } from '../model/message.js';
import { qualifyStepRef } from '../engine/step-ref.js';
import { visitedSteps } from '../record/trace-events.js';
import { whereInFile, whereInSop, whereStep, type SourceRef } from './where.js';

export interface ScenarioSource {
  readonly scenario: Scenario;
  readonly file: string;
  readonly positionOf?: PositionLookup;
}

type FailureCode =
  | 'invalid'
  | 'cannot-start'
  | 'wrong-step'
  | 'ended-early'
  | 'bad-answer'
  | 'refused'
  | 'not-ended'
  | 'outcome'
  | 'missing-visit'
  | 'missing-referral'
  | 'missing-interrupt'
  | 'over-time';

export interface ScenarioFailure {
  readonly code: FailureCode;
  readonly message: Message;
  readonly expected?: string;
  readonly got?: string;
  /** Where in the scenario file the failing expectation or answer is. */
  readonly scenarioAt?: SourceRef;
  /** The SOP element involved, when there is one. */
  readonly sopAt?: SourceRef;
}

export interface ScenarioResult {
  readonly scenario: string;
  readonly file: string;
  readonly sop: string;
  readonly passed: boolean;
  readonly failures: readonly ScenarioFailure[];
  /** Every engine event of the run, for coverage. */
  readonly events: readonly EngineEvent[];
  readonly outcome?: string;
}

function isInterruptEntry(entry: ScenarioEntry): entry is ScenarioInterrupt {
  return (entry as ScenarioInterrupt).interrupt !== undefined;
}

function showValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

type At = (path: readonly (string | number)[]) => SourceRef;

export function runScenario(library: Library, source: ScenarioSource): ScenarioResult {
  const { scenario, file } = source;
  const at: At = (path) => whereInFile(file, source.positionOf, path);
  const result = (failures: readonly ScenarioFailure[], events: readonly EngineEvent[], state?: CallState): ScenarioResult => ({
    scenario: scenario.scenario,
    file,
    sop: scenario.sop,
    passed: failures.length === 0,
    failures: [...failures],
    events,
    ...(state?.outcome !== undefined ? { outcome: state.outcome } : {}),
  });
  if (!library.sops.has(scenario.sop)) return result([notInLibrary(scenario, at)], []);
  const { events, state, failure } = feedScenario(library, scenario, at);
  if (failure) return result([failure], events, state);
  if (state.status !== 'ended') return result([notEnded(library, scenario, state, at)], events, state);
  return result(expectationFailures(library, scenario, state, events, at), events, state);
}

function notInLibrary(scenario: Scenario, at: At): ScenarioFailure {
  return {
    code: 'cannot-start',
    message: {
      en: `SOP "${scenario.sop}" is not in the library; check the scenario's sop: or pass --sops`,
      uk: `СОП «${scenario.sop}» немає в бібліотеці; перевірте поле sop: сценарію або вкажіть --sops`,
    },
    scenarioAt: at(['sop']),
  };
}

function notEnded(library: Library, scenario: Scenario, state: CallState, at: At): ScenarioFailure {
  const current = currentStep(library, state);
  const waiting = current?.qualified ?? '?';
  return {
    code: 'not-ended',
    message: {
      en: `the answers ran out but the call has not ended: it waits at ${waiting}; add the answers that finish the call`,
      uk: `відповіді скінчилися, але дзвінок не завершився: він чекає на кроці ${waiting}; додайте відповіді до кінця дзвінка`,
    },
    expected: scenario.expect.outcome,
    got: waiting,
    scenarioAt: at(['answers', scenario.answers.length - 1]),
    ...(current ? { sopAt: whereStep(library, current.qualified) } : {}),
  };
}

/** An ended call against the scenario's `expect:` — outcome, visits, referrals, interrupts, time. */
function expectationFailures(library: Library, scenario: Scenario, state: CallState, events: readonly EngineEvent[], at: At): ScenarioFailure[] {
  const overTime = overTimeBudget(scenario, at);
  return [
    ...outcomeFailure(library, scenario, state, at),
    ...missingVisits(library, scenario, events, at),
    ...missingReferrals(scenario, state, at),
    ...missingInterrupts(scenario, events, at),
    ...(overTime ? [overTime] : []),
  ];
}

function outcomeFailure(library: Library, scenario: Scenario, state: CallState, at: At): ScenarioFailure[] {
  const expect = scenario.expect;
  if (state.outcome === expect.outcome) return [];
  const [outcomeSop = '', outcomeId = ''] = (state.outcome ?? '').split('/');
  return [
    {
      code: 'outcome',
      message: {
        en: `expected outcome ${expect.outcome}, the call ended with ${state.outcome ?? 'none'}`,
        uk: `очікувався результат ${expect.outcome}, дзвінок завершився результатом ${state.outcome ?? 'жодним'}`,
      },
      expected: expect.outcome,
      got: state.outcome ?? '',
      scenarioAt: at(['expect', 'outcome']),
      ...(outcomeSop ? { sopAt: whereInSop(library, outcomeSop, ['outcomes', outcomeId]) } : {}),
    },
  ];
}

function missingVisits(library: Library, scenario: Scenario, events: readonly EngineEvent[], at: At): ScenarioFailure[] {
  const visited = visitedSteps(library, events);
  return (scenario.expect.visits ?? []).flatMap((ref, index): ScenarioFailure[] => {
    const qualified = qualifyStepRef(ref, scenario.sop);
    if (visited.has(qualified)) return [];
    return [
      {
        code: 'missing-visit',
        message: {
          en: `the call was expected to pass through ${qualified} but did not`,
          uk: `дзвінок мав пройти через крок ${qualified}, але не пройшов`,
        },
        expected: qualified,
        got: [...visited].join(' > '),
        scenarioAt: at(['expect', 'visits', index]),
        sopAt: whereStep(library, qualified),
      },
    ];
  });
}

function missingReferrals(scenario: Scenario, state: CallState, at: At): ScenarioFailure[] {
  return (scenario.expect.referrals ?? []).flatMap((id, index): ScenarioFailure[] => {
    if (state.referrals.includes(id)) return [];
    return [
      {
        code: 'missing-referral',
        message: {
          en: `the call was expected to refer to ${id}; it referred to ${state.referrals.join(', ') || 'nobody'}`,
          uk: `дзвінок мав скерувати до ${id}; скеровано до: ${state.referrals.join(', ') || 'нікого'}`,
        },
        expected: id,
        got: state.referrals.join(', '),
        scenarioAt: at(['expect', 'referrals', index]),
      },
    ];
  });
}

function missingInterrupts(scenario: Scenario, events: readonly EngineEvent[], at: At): ScenarioFailure[] {
  const used = events.flatMap((event) => (event.type === 'interrupt' ? [event.key] : []));
  return (scenario.expect.interrupts ?? []).flatMap((key, index): ScenarioFailure[] => {
    if (used.includes(key)) return [];
    return [
      {
        code: 'missing-interrupt',
        message: {
          en: `the interrupt "${key}" was expected but not used; used: ${used.join(' ') || 'none'}`,
          uk: `очікувалося переривання «${key}», але його не використано; використано: ${used.join(' ') || 'жодного'}`,
        },
        expected: key,
        got: used.join(' '),
        scenarioAt: at(['expect', 'interrupts', index]),
      },
    ];
  });
}

/** A command planned from a scenario entry, with where it came from (for a refusal's message). */
interface Planned {
  readonly command: Command;
  readonly index: number;
  readonly field: string;
  /** The step the call was at when it was planned. */
  readonly step: string;
}

/**
 * The scenario's answers fed to the engine through `drive`, the one loop every headless driver
 * uses: each entry is checked against the step the call is at, turned into its commands (a note
 * before its answer, or an interrupt), and given. Stops at the first entry that does not fit.
 */
function feedScenario(
  library: Library,
  scenario: Scenario,
  at: (path: readonly (string | number)[]) => SourceRef,
): { state: CallState; events: readonly EngineEvent[]; failure?: ScenarioFailure } {
  let entryIndex = 0;
  const queue: Planned[] = [];
  let last: Planned | undefined;
  let failure: ScenarioFailure | undefined;
  const driven = drive(
    library,
    scenario.sop,
    (view) => {
      if (view.refusal && last) {
        failure = refusedAnswer(library, view.refusal, last, at);
        return undefined;
      }
      if (queue.length === 0) {
        const entry = scenario.answers[entryIndex];
        if (entry === undefined) return undefined;
        const planned = planEntry(library, scenario, entry, entryIndex, view.current, at);
        if ('failure' in planned) {
          failure = planned.failure;
          return undefined;
        }
        queue.push(...planned.commands);
        entryIndex++;
      }
      last = queue.shift();
      return last?.command;
    },
    // At most a note and an answer per entry, and none after a refusal: the limit never stops a scenario.
    { maxCommands: 2 * scenario.answers.length + 1 },
  );
  if (driven.stop === 'start-refused') return { state: driven.state, events: driven.events, failure: { code: 'cannot-start', message: driven.refusals[0]!.message, scenarioAt: at(['sop']) } };
  const left = scenario.answers[entryIndex];
  if (driven.stop === 'ended' && failure === undefined && left !== undefined) {
    failure = isInterruptEntry(left)
      ? endedEarly(driven.state, entryIndex, `interrupt ${left.interrupt}`, at(['answers', entryIndex]))
      : endedEarly(driven.state, entryIndex, qualifyStepRef(left.step, scenario.sop), at(['answers', entryIndex, 'step']));
  }
  return { state: driven.state, events: driven.events, ...(failure ? { failure } : {}) };
}

/** One scenario entry at the step the call is at: its commands, or why it does not fit there. */
function planEntry(
  library: Library,
  scenario: Scenario,
  entry: ScenarioEntry,
  index: number,
  current: CurrentStep,
  at: (path: readonly (string | number)[]) => SourceRef,
): { commands: Planned[] } | { failure: ScenarioFailure } {
  const here = current.qualified;
  if (isInterruptEntry(entry)) {
    const expected = entry.at !== undefined ? qualifyStepRef(entry.at, scenario.sop) : here;
    if (expected !== here) return { failure: wrongStep(expected, here, at(['answers', index, 'at']), whereStep(library, here)) };
    return { commands: [{ command: { type: 'interrupt', key: entry.interrupt }, index, field: 'interrupt', step: here }] };
  }
  const answerEntry: ScenarioAnswer = entry;
  const expected = qualifyStepRef(answerEntry.step, scenario.sop);
  if (expected !== here) return { failure: wrongStep(expected, here, at(['answers', index, 'step']), whereStep(library, here)) };
  const scripted = scriptedAnswer(current.step, answerEntry.answer);
  if (!scripted.ok) {
    return {
      failure: {
        code: 'bad-answer',
        message: {
          en: `answer ${showValue(answerEntry.answer)} does not fit step ${here} (${current.step.kind}): ${scripted.refusal.message.en}`,
          uk: `відповідь ${showValue(answerEntry.answer)} не підходить для кроку ${here} (${current.step.kind}): ${scripted.refusal.message.uk}`,
        },
        scenarioAt: at(['answers', index, 'answer']),
        sopAt: whereStep(library, here),
      },
    };
  }
  const note: Planned[] = answerEntry.note !== undefined ? [{ command: { type: 'note', text: answerEntry.note }, index, field: 'note', step: here }] : [];
  return { commands: [...note, { command: { type: 'answer', answer: scripted.answer }, index, field: 'answer', step: here }] };
}

function refusedAnswer(library: Library, refusal: Refusal, planned: Planned, at: (path: readonly (string | number)[]) => SourceRef): ScenarioFailure {
  return {
    code: 'refused',
    message: {
      en: `the engine refused answer ${planned.index + 1}: ${refusal.message.en}`,
      uk: `рушій відхилив відповідь ${planned.index + 1}: ${refusal.message.uk}`,
    },
    scenarioAt: at(['answers', planned.index, planned.field]),
    sopAt: whereStep(library, planned.step),
  };
}

/** The expert path's seconds added up, against the time the scenario's caller has. */
function overTimeBudget(scenario: Scenario, at: (path: readonly (string | number)[]) => SourceRef): ScenarioFailure | undefined {
  const budget = scenario.caller_time_budget_seconds;
  if (budget === undefined) return undefined;
  const taken = scenario.answers.reduce((sum, entry) => sum + (isInterruptEntry(entry) ? 0 : (entry.seconds ?? 0)), 0);
  if (taken <= budget) return undefined;
  const minutes = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
  return {
    code: 'over-time',
    message: {
      en: `the expert path takes ${minutes(taken)} (the answers' seconds added up), but the caller has ${minutes(budget)}: shorten the path or put the urgent steps first`,
      uk: `шлях експерта триває ${minutes(taken)} (сума seconds відповідей), а абонент має лише ${minutes(budget)}: скоротіть шлях або поставте термінові кроки першими`,
    },
    expected: `<= ${budget} s`,
    got: `${taken} s`,
    scenarioAt: at(['caller_time_budget_seconds']),
  };
}

function wrongStep(expected: string, got: string, scenarioAt: SourceRef, sopAt: SourceRef | undefined): ScenarioFailure {
  return {
    code: 'wrong-step',
    message: {
      en: `expected to be at ${expected}, call is at ${got}`,
      uk: `очікувався крок ${expected}, а дзвінок на кроці ${got}`,
    },
    expected,
    got,
    scenarioAt,
    ...(sopAt ? { sopAt } : {}),
  };
}

function endedEarly(state: CallState, index: number, expected: string, scenarioAt: SourceRef): ScenarioFailure {
  return {
    code: 'ended-early',
    message: {
      en: `the call already ended with ${state.outcome ?? '?'} before answer ${index + 1} (${expected}); remove the extra answers or fix the path`,
      uk: `дзвінок уже завершився результатом ${state.outcome ?? '?'} до відповіді ${index + 1} (${expected}); приберіть зайві відповіді або виправте шлях`,
    },
    expected,
    got: state.outcome ?? '',
    scenarioAt,
  };
}
