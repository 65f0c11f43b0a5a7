/**
 * `sop replay --check` for one recorded call: its commands (commandsFromEvents) are re-run through
 * the engine against the CURRENT SOPs. Either the call takes the same path to the same outcome,
 * or the FIRST divergence is reported: a step that no longer exists, an option removed or
 * renamed, a `next` or condition that now routes elsewhere, a different outcome. A sensitive
 * answer the journal kept only as "[redacted]" cannot be re-run: the call is "unchecked from"
 * that step, never called divergent.
 */
import { currentStep } from '../engine/current-step.js';
import type { CallState, EngineEvent, Refusal } from '../engine/types.js';
import type { Library } from '../model/library.js';
import { commandsFromEvents, type RecordedCommand, type RecordedEvent } from '../record/commands-from-events.js';
import { feedRecording, type FedRecording } from '../record/feed-recording.js';
import type { SopFileRef } from '../record/journal-line.js';
// Still inline { en, uk } pairs, composed from one another (not yet in the catalogues).
import type { InlineMessage as Message } from '../model/message.js';
import type { Branch } from '../model/sop.js';
import { splitQualified, stepAt } from '../engine/step-ref.js';
import { branchesOf } from '../record/trace-events.js';
import { whereInSop, whereStep, type SourceRef } from './where.js';

type DivergenceKind =
  | 'sop-missing'
  | 'step-removed'
  | 'option-removed'
  | 'routes-elsewhere'
  | 'refused'
  | 'ended-early'
  | 'not-ended'
  | 'outcome'
  | 'referrals';

interface Divergence {
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

/** Why the paths parted: the divergence, whether a condition chose the new route, and the branches said. */
interface PartedAt {
  readonly divergence: Divergence;
  readonly conditional: boolean;
  readonly branches: Message;
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
  const recordedEnd = call.events.find((event): event is Extract<EngineEvent, { type: 'call-ended' }> => event.type === 'call-ended');
  const checked = (verdict: Verdict, fed?: FedRecording): CallCheck => {
    // Built field by field (no object spreads): this runs once per call of a large replay --check.
    const check: { -readonly [K in keyof CallCheck]?: CallCheck[K] } = { session: call.id, sop: call.sop, oldPath, changedSops: changedSince(library, call.files) };
    if (recordedEnd?.outcome !== undefined) check.oldOutcome = recordedEnd.outcome;
    check.status = verdict.status;
    check.newPath = sameOr(oldPath, shownSteps(fed?.events ?? []));
    if (fed?.state.outcome !== undefined) check.newOutcome = fed.state.outcome;
    if (verdict.divergence !== undefined) check.divergence = verdict.divergence;
    if (verdict.uncheckedFrom !== undefined) check.uncheckedFrom = verdict.uncheckedFrom;
    return check as CallCheck;
  };
  if (!library.sops.has(call.sop)) {
    const message = { en: `SOP "${call.sop}" is no longer in the library`, uk: `СОП «${call.sop}» більше немає в бібліотеці` };
    return checked({ status: 'diverged', divergence: { kind: 'sop-missing', at: oldPath[0] ?? call.sop, message } });
  }
  const fed = feedRecording(library, call.sop, commandsFromEvents(call.events));
  return checked(verdictOf(library, call, fed, oldPath, recordedEnd), fed);
}

/** What a check found: the status, and the divergence or the step a redacted value stopped it at. */
interface Verdict {
  readonly status: CallCheck['status'];
  readonly divergence?: Divergence;
  readonly uncheckedFrom?: string;
}

/** The SOPs whose file changed (by sha256) since the call was made. */
function changedSince(library: Library, files: readonly SopFileRef[] | undefined): string[] {
  return (files ?? [])
    .filter((ref) => {
      const loaded = library.sops.get(ref.sop);
      return loaded !== undefined && loaded.sha256 !== ref.sha256;
    })
    .map((ref) => ref.sop)
    .sort();
}

/** Where the re-run stopped, read as the call's verdict. */
function verdictOf(library: Library, call: CallToCheck, fed: FedRecording, oldPath: readonly string[], recordedEnd: { readonly outcome: string; readonly referrals?: readonly string[] } | undefined): Verdict {
  const stop = fed.stop;
  /** The last step an answer was given at, in the recorded call: where the paths can part. */
  const previous = fed.lastAnswer?.recorded.step;
  const parted = (old: string, now: string): PartedAt => {
    // The recorded answer that left `previous` (how it left is worked out only here: leftBy).
    const answers = call.events.filter((event) => event.type === 'answer' || event.type === 'amend');
    const leftWith = fed.lastAnswer ? answers[fed.lastAnswer.ordinal] : undefined;
    return partedAt(library, old, now, previous, leftBy(leftWith, call.events), fed.events.slice(fed.lastAnswer?.eventsFrom ?? 0), fed.events);
  };
  const diverged = (divergence: Divergence): Verdict => ({ status: 'diverged', divergence });
  switch (stop.kind) {
    case 'start-refused':
      return diverged({ kind: 'refused', at: oldPath[0] ?? call.sop, message: stop.refusal.message });
    case 'ended-early':
      return diverged({
        kind: 'ended-early',
        at: stop.recorded.step,
        where: whereStep(library, previous ?? stop.recorded.step),
        message: {
          en: `the call now ends with ${fed.state.outcome ?? '?'} before reaching ${stop.recorded.step}`,
          uk: `дзвінок тепер завершується результатом ${fed.state.outcome ?? '?'}, не дійшовши до ${stop.recorded.step}`,
        },
      });
    case 'elsewhere':
      return diverged(parted(stop.recorded.step, stop.now).divergence);
    case 'redacted':
      return { status: 'unchecked', uncheckedFrom: stop.recorded.step };
    case 'refused':
      return diverged(refusedNow(library, stop.recorded, stop.refusal));
    case 'all-fed':
      return endVerdict(library, fed.state, oldPath, recordedEnd, previous, parted);
  }
}

/** A recorded command the engine refuses today: an option gone, or a value that no longer fits. */
function refusedNow(library: Library, recorded: RecordedCommand, refusal: Refusal): Divergence {
  const answer = recorded.command.type === 'answer' ? recorded.command.answer : undefined;
  const { sop, step: stepId } = splitQualified(recorded.step);
  const definition = stepAt(library, recorded.step);
  const options = definition && (definition.kind === 'ask' || definition.kind === 'checklist') ? definition.options.map((o) => o.id) : [];
  const missing =
    answer?.kind === 'option' ? [answer.option].filter((id) => !options.includes(id))
    : answer?.kind === 'checked' ? answer.options.filter((id) => !options.includes(id))
    : [];
  if (missing.length > 0) {
    return {
      kind: 'option-removed',
      at: recorded.step,
      where: whereInSop(library, sop, ['steps', stepId, 'options']),
      message: {
        en: `option ${missing.map((id) => `"${id}"`).join(', ')} of step ${recorded.step} no longer exists (removed or renamed); options now: ${options.join(', ')}`,
        uk: `варіанта ${missing.map((id) => `«${id}»`).join(', ')} кроку ${recorded.step} більше немає (вилучено або перейменовано); тепер варіанти: ${options.join(', ')}`,
      },
    };
  }
  return {
    kind: 'refused',
    at: recorded.step,
    where: whereStep(library, recorded.step),
    message: {
      en: `the recorded ${describeAnswer(recorded)} at ${recorded.step} is now refused: ${refusal.message.en}`,
      uk: `записану відповідь (${describeAnswer(recorded)}) на кроці ${recorded.step} тепер відхилено: ${refusal.message.uk}`,
    },
  };
}

/** Every recorded command was taken: does the call now end (or wait) where it did, the same way? */
function endVerdict(
  library: Library,
  state: CallState,
  oldPath: readonly string[],
  recordedEnd: { readonly outcome: string; readonly referrals?: readonly string[] } | undefined,
  previous: string | undefined,
  parted: (old: string, now: string) => PartedAt,
): Verdict {
  const now = currentStep(library, state);
  const oldOutcome = recordedEnd?.outcome;
  if (oldOutcome === undefined) {
    // The recorded call did not end (interrupted or still open): it must now wait at the same step.
    const last = oldPath[oldPath.length - 1];
    if (last === undefined || now?.qualified === last) return { status: 'same' };
    if (now) return { status: 'diverged', divergence: parted(last, now.qualified).divergence };
    return {
      status: 'diverged',
      divergence: {
        kind: 'ended-early',
        at: last,
        where: whereStep(library, previous ?? last),
        message: {
          en: `the call now ends with ${state.outcome ?? '?'}; it was left open at ${last}`,
          uk: `дзвінок тепер завершується результатом ${state.outcome ?? '?'}; його було залишено на кроці ${last}`,
        },
      },
    };
  }
  if (now) {
    const routed = parted(`(end: ${oldOutcome})`, now.qualified);
    return {
      status: 'diverged',
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
    };
  }
  if (state.outcome !== oldOutcome) {
    const [outcomeSop = '', outcomeId = ''] = (state.outcome ?? '').split('/');
    return {
      status: 'diverged',
      divergence: {
        kind: 'outcome',
        at: oldPath[oldPath.length - 1] ?? '',
        where: whereStep(library, previous ?? '') ?? whereInSop(library, outcomeSop, ['outcomes', outcomeId]),
        message: {
          en: `same path, but the outcome is now ${state.outcome ?? '?'} (was ${oldOutcome})`,
          uk: `той самий шлях, але результат тепер ${state.outcome ?? '?'} (був ${oldOutcome})`,
        },
      },
    };
  }
  const oldReferrals = recordedEnd?.referrals ?? [];
  if (oldReferrals.join('\n') !== state.referrals.join('\n')) {
    return {
      status: 'diverged',
      divergence: {
        kind: 'referrals',
        at: oldPath[oldPath.length - 1] ?? '',
        where: whereStep(library, previous ?? ''),
        message: {
          en: `same outcome, but the call now refers to [${state.referrals.join(', ')}] (was [${oldReferrals.join(', ')}])`,
          uk: `той самий результат, але тепер скерування: [${state.referrals.join(', ')}] (було [${oldReferrals.join(', ')}])`,
        },
      },
    };
  }
  return { status: 'same' };
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
): PartedAt {
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
