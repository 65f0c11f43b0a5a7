/**
 * `sop replay --check` for one recorded call: its commands (commandsFromEvents) are re-run through
 * the engine against the CURRENT SOPs. Either the call takes the same path to the same outcome,
 * or the FIRST divergence is reported: a step that no longer exists, an option removed or
 * renamed, a `next` or condition that now routes elsewhere, a different outcome. A sensitive
 * answer the journal kept only as "[redacted]" cannot be re-run: the call is "unchecked from"
 * that step, never called divergent.
 */
import { currentStep, startCall, step } from '../engine/index.js';
import type { CallState, EngineEvent } from '../engine/types.js';
import type { Library } from '../model/library.js';
import { commandsFromEvents, type RecordedEvent } from '../record/commands-from-events.js';
import type { SopFileRef } from '../record/journal-line.js';
import type { Message } from '../model/message.js';
import type { Branch } from '../model/sop.js';
import { splitQualified, stepAt } from './step-ref.js';
import { branchesOf } from './trace-events.js';
import { whereInSop, whereStep, type SourceRef } from './where.js';

export type DivergenceKind =
  | 'sop-missing'
  | 'step-removed'
  | 'option-removed'
  | 'routes-elsewhere'
  | 'refused'
  | 'ended-early'
  | 'not-ended'
  | 'outcome'
  | 'referrals';

export interface Divergence {
  readonly kind: DivergenceKind;
  readonly message: Message;
  /** The recorded call's step where the paths part (qualified). */
  readonly at: string;
  /** The SOP element involved. */
  readonly where?: SourceRef;
}

export interface CallToCheck {
  readonly id: string;
  readonly sop: string;
  readonly files?: readonly SopFileRef[];
  readonly events: readonly RecordedEvent[];
}

export interface CallCheck {
  readonly session: string;
  readonly sop: string;
  readonly status: 'same' | 'diverged' | 'unchecked';
  /** Steps shown in the recorded call, in order. */
  readonly oldPath: readonly string[];
  /** Steps shown when re-run against the current SOPs (up to the divergence / redaction). */
  readonly newPath: readonly string[];
  readonly oldOutcome?: string;
  readonly newOutcome?: string;
  readonly divergence?: Divergence;
  /** For status unchecked: the step whose value was redacted. */
  readonly uncheckedFrom?: string;
  /** SOPs whose current file differs (by sha256) from the one the call was made with. */
  readonly changedSops: readonly string[];
}

/**
 * The steps a call took, as the engine's own path (the summary's "Path taken"): a step left by
 * going back is taken off again, so a step answered, gone back to and answered anew is listed
 * once, not twice.
 */
function shownSteps(events: readonly EngineEvent[]): string[] {
  const path: string[] = [];
  for (const event of events) {
    if (event.type === 'step-shown') path.push(event.step);
    else if (event.type === 'back') {
      const at = path.lastIndexOf(event.to);
      if (at >= 0) path.length = at + 1;
    }
  }
  return path;
}

/**
 * `path`, or `old` when they hold the same steps: most calls take the recorded path, and one
 * array for both halves what a large replay --check keeps (and copies between threads) per call.
 */
function sameOr(old: readonly string[], path: readonly string[]): readonly string[] {
  if (old.length !== path.length) return path;
  for (let index = 0; index < path.length; index++) if (old[index] !== path[index]) return path;
  return old;
}

function append(to: EngineEvent[], events: readonly EngineEvent[]): void {
  for (const event of events) to.push(event);
}

/**
 * How the recorded call left the step it last answered: the option chosen (whose own `next` may
 * hold the branches), the branch index the engine recorded (absent in journals written before
 * events carried `branch`, and for a plain `next`) and where that branch led in the recorded call
 * (the index is of the SOP as it was then: it names today's branch only if that leads there too).
 */
interface LeftBy {
  readonly option: string | undefined;
  readonly branch: unknown;
  readonly arrived: Arrival | undefined;
}

/** Where a transition arrived: a step (`sop/step`), or an end step by its outcome (`sop/outcome`). */
type Arrival = { readonly step: string } | { readonly outcome: string };

function leftBy(event: RecordedEvent | undefined, events: readonly RecordedEvent[]): LeftBy | undefined {
  if (event?.type !== 'answer' && event?.type !== 'amend') return undefined;
  return { option: event.answer.kind === 'option' ? event.answer.option : undefined, branch: event.branch, arrived: arrivalAfter(events, events.indexOf(event)) };
}

/** The first step the recorded call arrived at after the event at `index`. */
function arrivalAfter(events: readonly RecordedEvent[], index: number): Arrival | undefined {
  for (const event of index < 0 ? [] : events.slice(index + 1)) {
    switch (event.type) {
      case 'step-shown':
      case 'decision':
        return { step: event.step };
      case 'sop-entered':
        return { step: event.from };
      case 'sop-returned':
      case 'call-ended':
        return { outcome: event.outcome };
      default:
        break;
    }
  }
  return undefined;
}

/** Whether today's `goto` (in `sop`) is where the recorded call arrived. */
function leadsTo(library: Library, sop: string, goto: string, arrived: Arrival | undefined): boolean {
  if (arrived === undefined) return false;
  if ('step' in arrived) return arrived.step === `${sop}/${goto}`;
  const target = stepAt(library, `${sop}/${goto}`);
  return target?.kind === 'end' && `${sop}/${target.outcome}` === arrived.outcome;
}

function describeAnswer(event: { readonly command: { readonly type: string; readonly answer?: unknown } }): string {
  const answer = event.command.answer as { kind?: string; option?: string; options?: string[]; raw?: string } | undefined;
  if (!answer) return event.command.type;
  if (answer.kind === 'option') return `option "${answer.option}"`;
  if (answer.kind === 'checked') return `checked [${(answer.options ?? []).join(', ')}]`;
  if (answer.kind === 'value') return `value "${answer.raw}"`;
  return 'continue';
}

export function checkCall(library: Library, call: CallToCheck): CallCheck {
  const oldPath = shownSteps(call.events);
  const newEvents: EngineEvent[] = [];
  const recordedEnd = call.events.find((event): event is Extract<EngineEvent, { type: 'call-ended' }> => event.type === 'call-ended');
  const oldOutcome = recordedEnd?.outcome;
  const changedSops = (call.files ?? [])
    .filter((ref) => {
      const loaded = library.sops.get(ref.sop);
      return loaded !== undefined && loaded.sha256 !== ref.sha256;
    })
    .map((ref) => ref.sop)
    .sort();
  const result = (
    status: CallCheck['status'],
    state: CallState | undefined,
    extra: { divergence?: Divergence; uncheckedFrom?: string } = {},
  ): CallCheck => {
    // Built field by field (no object spreads): this runs once per call of a large replay --check.
    const check: { -readonly [K in keyof CallCheck]?: CallCheck[K] } = { session: call.id, sop: call.sop, oldPath, changedSops };
    if (oldOutcome !== undefined) check.oldOutcome = oldOutcome;
    check.status = status;
    check.newPath = sameOr(oldPath, shownSteps(newEvents));
    if (state?.outcome !== undefined) check.newOutcome = state.outcome;
    if (extra.divergence !== undefined) check.divergence = extra.divergence;
    if (extra.uncheckedFrom !== undefined) check.uncheckedFrom = extra.uncheckedFrom;
    return check as CallCheck;
  };

  if (!library.sops.has(call.sop)) {
    return result('diverged', undefined, {
      divergence: {
        kind: 'sop-missing',
        at: oldPath[0] ?? call.sop,
        message: {
          en: `SOP "${call.sop}" is no longer in the library`,
          uk: `СОП «${call.sop}» більше немає в бібліотеці`,
        },
      },
    });
  }
  const started = startCall(library, call.sop);
  if (!started.ok) {
    return result('diverged', undefined, {
      divergence: { kind: 'refused', at: oldPath[0] ?? call.sop, message: started.refusal.message },
    });
  }
  append(newEvents, started.events);
  let state = started.state;
  /** The last step an answer was given at, in the recorded call: where the paths can part. */
  let previous: string | undefined;
  /** The recorded answer that left `previous` (how it left is worked out only for a divergence: leftBy). */
  let leftWith: RecordedEvent | undefined;
  /** The recorded answer events, one per answer command of commandsFromEvents, in order. */
  const answers = call.events.filter((event) => event.type === 'answer' || event.type === 'amend');
  let answerIndex = 0;
  /** Index in newEvents of the events that followed that answer. */
  let sinceAnswer = 0;

  for (const recorded of commandsFromEvents(call.events)) {
    const recordedAnswer = recorded.command.type === 'answer' ? answers[answerIndex++] : undefined;
    const current = currentStep(library, state);
    if (!current) {
      return result('diverged', state, {
        divergence: {
          kind: 'ended-early',
          at: recorded.step,
          where: whereStep(library, previous ?? recorded.step),
          message: {
            en: `the call now ends with ${state.outcome ?? '?'} before reaching ${recorded.step}`,
            uk: `дзвінок тепер завершується результатом ${state.outcome ?? '?'}, не дійшовши до ${recorded.step}`,
          },
        },
      });
    }
    if (current.qualified !== recorded.step) {
      return result('diverged', state, { divergence: partedAt(library, recorded.step, current.qualified, previous, leftBy(leftWith, call.events), newEvents.slice(sinceAnswer), newEvents).divergence });
    }
    if (recorded.redacted && recorded.command.type === 'answer') {
      return result('unchecked', state, { uncheckedFrom: recorded.step });
    }
    const outcome = step(library, state, recorded.command);
    if (!outcome.ok) {
      const answer = recorded.command.type === 'answer' ? recorded.command.answer : undefined;
      const { sop, step: stepId } = splitQualified(recorded.step);
      const definition = stepAt(library, recorded.step);
      const options = definition && (definition.kind === 'ask' || definition.kind === 'checklist') ? definition.options.map((o) => o.id) : [];
      const missing =
        answer?.kind === 'option' ? [answer.option].filter((id) => !options.includes(id))
        : answer?.kind === 'checked' ? answer.options.filter((id) => !options.includes(id))
        : [];
      if (missing.length > 0) {
        return result('diverged', state, {
          divergence: {
            kind: 'option-removed',
            at: recorded.step,
            where: whereInSop(library, sop, ['steps', stepId, 'options']),
            message: {
              en: `option ${missing.map((id) => `"${id}"`).join(', ')} of step ${recorded.step} no longer exists (removed or renamed); options now: ${options.join(', ')}`,
              uk: `варіанта ${missing.map((id) => `«${id}»`).join(', ')} кроку ${recorded.step} більше немає (вилучено або перейменовано); тепер варіанти: ${options.join(', ')}`,
            },
          },
        });
      }
      return result('diverged', state, {
        divergence: {
          kind: 'refused',
          at: recorded.step,
          where: whereStep(library, recorded.step),
          message: {
            en: `the recorded ${describeAnswer(recorded)} at ${recorded.step} is now refused: ${outcome.refusal.message.en}`,
            uk: `записану відповідь (${describeAnswer(recorded)}) на кроці ${recorded.step} тепер відхилено: ${outcome.refusal.message.uk}`,
          },
        },
      });
    }
    append(newEvents, outcome.events);
    state = outcome.state;
    if (recorded.command.type === 'answer') {
      previous = recorded.step;
      leftWith = recordedAnswer;
      sinceAnswer = newEvents.length - outcome.events.length;
    }
  }

  const now = currentStep(library, state);
  if (oldOutcome === undefined) {
    // The recorded call did not end (interrupted or still open): it must now wait at the same step.
    const last = oldPath[oldPath.length - 1];
    if (last !== undefined && now?.qualified !== last) {
      return result('diverged', state, {
        divergence: now ? partedAt(library, last, now.qualified, previous, leftBy(leftWith, call.events), newEvents.slice(sinceAnswer), newEvents).divergence : {
          kind: 'ended-early',
          at: last,
          where: whereStep(library, previous ?? last),
          message: {
            en: `the call now ends with ${state.outcome ?? '?'}; it was left open at ${last}`,
            uk: `дзвінок тепер завершується результатом ${state.outcome ?? '?'}; його було залишено на кроці ${last}`,
          },
        },
      });
    }
    return result('same', state);
  }
  if (now) {
    const routed = partedAt(library, `(end: ${oldOutcome})`, now.qualified, previous, leftBy(leftWith, call.events), newEvents.slice(sinceAnswer), newEvents);
    return result('diverged', state, {
      divergence: {
        kind: 'not-ended',
        at: now.qualified,
        ...(routed.divergence.where ? { where: routed.divergence.where } : {}),
        message: routed.conditional
          ? {
              en: `after ${previous ?? 'the start'}, a condition now routes to ${now.qualified} instead of ending the call with ${oldOutcome}${routed.branches.en}`,
              uk: `після ${previous ?? 'початку'} умова тепер веде до ${now.qualified} замість завершення дзвінка з результатом ${oldOutcome}${routed.branches.uk}`,
            }
          : {
              en: `after ${previous ?? 'the start'}, the call now goes on to ${now.qualified} instead of ending with ${oldOutcome}`,
              uk: `після ${previous ?? 'початку'} дзвінок тепер переходить до ${now.qualified} замість завершення з результатом ${oldOutcome}`,
            },
      },
    });
  }
  if (state.outcome !== oldOutcome) {
    const [outcomeSop = '', outcomeId = ''] = (state.outcome ?? '').split('/');
    return result('diverged', state, {
      divergence: {
        kind: 'outcome',
        at: oldPath[oldPath.length - 1] ?? '',
        where: whereStep(library, previous ?? '') ?? whereInSop(library, outcomeSop, ['outcomes', outcomeId]),
        message: {
          en: `same path, but the outcome is now ${state.outcome ?? '?'} (was ${oldOutcome})`,
          uk: `той самий шлях, але результат тепер ${state.outcome ?? '?'} (був ${oldOutcome})`,
        },
      },
    });
  }
  const oldReferrals = recordedEnd?.referrals ?? [];
  if (oldReferrals.join('\n') !== state.referrals.join('\n')) {
    return result('diverged', state, {
      divergence: {
        kind: 'referrals',
        at: oldPath[oldPath.length - 1] ?? '',
        where: whereStep(library, previous ?? ''),
        message: {
          en: `same outcome, but the call now refers to [${state.referrals.join(', ')}] (was [${oldReferrals.join(', ')}])`,
          uk: `той самий результат, але тепер скерування: [${state.referrals.join(', ')}] (було [${oldReferrals.join(', ')}])`,
        },
      },
    });
  }
  return result('same', state);
}

/**
 * The recorded call was at `old`, the re-run is at `now`: why? `conditional` when a condition
 * (a decide step, or branches on the way) chose the new route. After an answered step left by a
 * list of branches, `where` is the branch the recorded call took (`next[1]`, or
 * `options[0].next[1]` for an option's own) and `branches` says it and the one taken now; a
 * journal without the recorded index (written before events carried `branch`) gets the list.
 */
function partedAt(
  library: Library,
  old: string,
  now: string,
  previous: string | undefined,
  left: LeftBy | undefined,
  recent: readonly EngineEvent[],
  all: readonly EngineEvent[],
): { readonly divergence: Divergence; readonly conditional: boolean; readonly branches: Message } {
  let branches: Message = { en: '', uk: '' };
  const exists = old.startsWith('(') || stepAt(library, old) !== undefined;
  if (!exists) {
    const divergence: Divergence = {
      kind: 'step-removed',
      at: old,
      where: whereStep(library, previous ?? now),
      message: {
        en: `step ${old} no longer exists; the call now goes to ${now}`,
        uk: `кроку ${old} більше немає; дзвінок тепер іде до ${now}`,
      },
    };
    return { divergence, conditional: false, branches };
  }
  let conditional = false;
  let where = previous ? whereStep(library, previous) : undefined;
  if (previous) {
    const parts = splitQualified(previous);
    const from = stepAt(library, previous);
    if (from && from.kind !== 'end') {
      const hasBranches = Array.isArray(from.next) || (from.kind === 'ask' && from.options.some((option) => Array.isArray(option.next)));
      conditional = hasBranches;
      const { next, base, path } = branchesOf(from, left?.option);
      // The recorded index, when it is one of today's branches (a journal line may be hand-edited)
      // and leads where the recorded call went (a branch inserted or removed before it shifts it).
      const recorded = left?.branch;
      const exact =
        Array.isArray(next) &&
        typeof recorded === 'number' &&
        Number.isInteger(recorded) &&
        recorded >= 0 &&
        recorded < next.length &&
        leadsTo(library, parts.sop, (next as readonly Branch[])[recorded]!.goto, left?.arrived);
      where = whereInSop(library, parts.sop, ['steps', parts.step, ...path, ...(exact ? [recorded] : [])]) ?? where;
      if (exact) {
        const answered = recent.find((event) => (event.type === 'answer' || event.type === 'amend') && event.step === previous);
        const taken = answered?.type === 'answer' || answered?.type === 'amend' ? answered.branch : undefined;
        branches = {
          en: ` (recorded: ${base}[${recorded}]${taken !== undefined ? `; now: ${base}[${taken}]` : ''})`,
          uk: ` (у записі: ${base}[${recorded}]${taken !== undefined ? `; тепер: ${base}[${taken}]` : ''})`,
        };
      }
    }
  }
  // A decide step on the way decided differently: point at the branch it took now.
  const decision = [...recent].reverse().find((event): event is Extract<EngineEvent, { type: 'decision' }> => event.type === 'decision');
  if (decision) {
    const parts = splitQualified(decision.step);
    const decidedAt = whereInSop(library, parts.sop, ['steps', parts.step, 'next', decision.branch]);
    const divergence: Divergence = {
      kind: 'routes-elsewhere',
      at: old,
      ...(decidedAt ? { where: decidedAt } : {}),
      message: {
        en: `at ${decision.step}, a condition now routes to ${now} instead of ${old} (branch ${decision.branch + 1} taken)`,
        uk: `на кроці ${decision.step} умова тепер веде до ${now} замість ${old} (обрано гілку ${decision.branch + 1})`,
      },
    };
    return { divergence, conditional: true, branches: { en: '', uk: '' } };
  }
  // A sub-SOP returned on the way: the caller's call step `next` decided where the call went.
  const returned = [...recent].reverse().find((event): event is Extract<EngineEvent, { type: 'sop-returned' }> => event.type === 'sop-returned' && event.to !== undefined);
  const entered = returned && [...all].reverse().find((event): event is Extract<EngineEvent, { type: 'sop-entered' }> => event.type === 'sop-entered' && event.sop === returned.sop);
  if (entered) {
    const parts = splitQualified(entered.from);
    const callStep = stepAt(library, entered.from);
    const viaBranches = callStep !== undefined && callStep.kind === 'call' && Array.isArray(callStep.next);
    conditional = viaBranches;
    where = whereInSop(library, parts.sop, ['steps', parts.step, 'next']) ?? where;
    branches = { en: '', uk: '' };
    previous = previous ?? entered.from;
  }
  const divergence: Divergence = {
    kind: 'routes-elsewhere',
    at: old,
    ...(where ? { where } : {}),
    message: conditional
      ? {
          en: `after ${previous}, a condition now routes to ${now} instead of ${old}${branches.en}`,
          uk: `після ${previous} умова тепер веде до ${now} замість ${old}${branches.uk}`,
        }
      : {
          en: `after ${previous ?? 'the start'}, the call now goes to ${now} instead of ${old}`,
          uk: `після ${previous ?? 'початку'} дзвінок тепер іде до ${now} замість ${old}`,
        },
  };
  return { divergence, conditional, branches };
}
