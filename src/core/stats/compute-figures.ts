/**
 * Figures from recorded sessions (pure). A call counts in the period when it STARTED in it
 * (UTC date of its session-start line, both ends inclusive).
 */
import type { Value } from '../model/sop.js';
import { REDACTED, type EngineLine, type InterruptedLine, type SessionEndLine, type SessionStartLine } from '../record/journal-line.js';
import type { RecordedSession, SessionStatus } from '../record/recorded-session.js';
import { CRASH, NOT_RECORDED, UNFINISHED, UNKNOWN, type Count, type Figures, type StepTime } from './figures.js';
import { spread } from './spread.js';

export interface FigureOptions {
  readonly mode: 'live' | 'training';
  readonly since?: string;
  readonly until?: string;
  /** The category of an outcome (`sop-id/outcome-id`), from the library; without it, no byCategory. */
  readonly categoryOf?: (outcome: string) => string | undefined;
}

class Tally {
  private readonly counts = new Map<string, number>();
  add(key: string, by = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
  }
  /** A copy with `by` more of `key`. */
  with(key: string, by: number): Tally {
    const copy = new Tally();
    for (const [k, count] of this.counts) copy.add(k, count);
    copy.add(key, by);
    return copy;
  }
  /** Largest first, then by key, so output is stable. */
  list(): Count[] {
    return [...this.counts]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

function statValue(value: Value | null): string | undefined {
  if (value === null || value === REDACTED) return undefined;
  return Array.isArray(value) ? value.join('+') : String(value);
}

function dayInPeriod(day: string, since?: string, until?: string): boolean {
  return (since === undefined || day >= since) && (until === undefined || day <= until);
}

/**
 * Times (ms) kept for their median and 90th percentile, in a typed array: its backing store is
 * outside the garbage-collected heap, so a year of step times neither weighs on the collector nor
 * makes its young generation grow (growing arrays that outlive collections did, by about 30 MB).
 * Four bytes a time while every time is a whole number of ms below 2^32 (as sop records them),
 * eight from the first that is not.
 */
class Samples {
  private data: Uint32Array | Float64Array = new Uint32Array(16);
  private count = 0;
  push(ms: number): void {
    const whole = ms >>> 0 === ms;
    if (this.count === this.data.length || (!whole && this.data instanceof Uint32Array)) {
      const larger = whole && this.data instanceof Uint32Array ? new Uint32Array(this.data.length * 2) : new Float64Array(this.data.length * 2);
      larger.set(this.data);
      this.data = larger;
    }
    this.data[this.count++] = ms;
  }
  values(): Float64Array {
    return Float64Array.from(this.data.subarray(0, this.count));
  }
}

/** How a call ended, as readers see it (see RecordedSession). */
interface CallClose {
  readonly status: SessionStatus;
  readonly end?: SessionEndLine;
  /** The last interruption, when the call is interrupted now. */
  readonly interrupted?: InterruptedLine;
  /** How many times it was interrupted, including those a resume continued after. */
  readonly interruptions: number;
}

/**
 * One call of the period being counted, line by line (FigureTally.begin): step times and
 * amendments are counted as its lines come, its answers to stat questions kept until it closes.
 */
export class CallTally {
  private readonly shownAt = new Map<string, number>();
  private readonly values = new Map<string, string | undefined>();

  constructor(private readonly tally: FigureTally) {}

  /** One of the engine's events of the call, in seq order. */
  event(event: EngineLine): void {
    switch (event.type) {
      case 'step-shown':
        this.shownAt.set(event.step, event.ms);
        break;
      // An amendment is the answer given at that step this time (after going back).
      case 'amend':
      case 'answer': {
        if (event.type === 'amend') this.tally.amendment(event.step);
        const shown = this.shownAt.get(event.step);
        if (shown !== undefined) {
          this.tally.stepTime(event.step, Math.max(0, event.ms - shown));
          this.shownAt.delete(event.step);
        }
        if (event.stat) this.values.set(event.stat, statValue(event.value));
        break;
      }
      default:
        break;
    }
  }

  close(how: CallClose): void {
    this.tally.closed(how, this.values);
  }
}

/**
 * Figures folded one call at a time: memory for the counts and the times the figures need,
 * never for the sessions (sop stats reads a year of calls through it as they are read). The
 * order calls come in does not change the figures.
 */
export class FigureTally {
  private readonly bySop = new Tally();
  private readonly byOutcome = new Tally();
  private readonly byCategory = new Tally();
  private readonly unfinishedBy = new Tally();
  private readonly amendments = new Tally();
  /** dimension -> the final values of the calls that gave one (a dimension only redacted answers gave counts none). */
  private readonly stats = new Map<string, Tally>();
  private readonly recordedStats = new Map<string, number>();
  private readonly durations = new Samples();
  private readonly stepSamples = new Map<string, Samples>();
  private calls = 0;
  private completed = 0;
  private resumed = 0;
  private first: string | undefined;
  private last: string | undefined;

  constructor(private readonly options: FigureOptions) {}

  /** Counts a whole recorded session, when it started in the period. */
  add(session: RecordedSession): void {
    const call = this.begin(session.start);
    if (call === undefined) return;
    for (const event of session.events) call.event(event);
    call.close({ status: session.status, ...(session.end ? { end: session.end } : {}), ...(session.interrupted ? { interrupted: session.interrupted } : {}), interruptions: session.interruptions.length });
  }

  /** Starts counting the call `start` opens; undefined (nothing to count) when it started outside the period. */
  begin(start: SessionStartLine): CallTally | undefined {
    const day = start.at.slice(0, 10);
    if (!dayInPeriod(day, this.options.since, this.options.until)) return undefined;
    this.calls++;
    if (this.first === undefined || day < this.first) this.first = day;
    if (this.last === undefined || day > this.last) this.last = day;
    this.bySop.add(start.sop);
    return new CallTally(this);
  }

  /** @internal (CallTally) */
  amendment(step: string): void {
    this.amendments.add(step);
  }

  /** @internal (CallTally) */
  stepTime(step: string, ms: number): void {
    let list = this.stepSamples.get(step);
    if (list === undefined) this.stepSamples.set(step, (list = new Samples()));
    list.push(ms);
  }

  /** @internal (CallTally): a call's end, and its final answer to each stat question (undefined: protected). */
  closed(how: CallClose, values: ReadonlyMap<string, string | undefined>): void {
    if (how.status === 'completed') {
      this.completed++;
      if (how.interruptions > 0) this.resumed++;
      this.byOutcome.add(how.end?.outcome ?? UNFINISHED);
      if (how.end) this.byCategory.add(this.options.categoryOf?.(how.end.outcome) ?? UNKNOWN);
      if (how.end) this.durations.push(how.end.durationMs);
    } else {
      this.byOutcome.add(UNFINISHED);
      this.byCategory.add(UNFINISHED);
      this.unfinishedBy.add(how.interrupted?.reason ?? CRASH);
    }
    for (const [dimension, value] of values) {
      let tally = this.stats.get(dimension);
      if (tally === undefined) this.stats.set(dimension, (tally = new Tally()));
      if (value === undefined) continue;
      tally.add(value);
      this.recordedStats.set(dimension, (this.recordedStats.get(dimension) ?? 0) + 1);
    }
  }

  figures(): Figures {
    const { options, calls } = this;
    const byStat: { [dimension: string]: Count[] } = {};
    for (const dimension of [...this.stats.keys()].sort()) {
      const recorded = this.recordedStats.get(dimension) ?? 0;
      if (recorded === 0) continue; // nothing but protected (redacted) answers: no figure to give
      const tally = this.stats.get(dimension)!;
      // Every other call of the period: the question was not asked, or its answer protected.
      const list = calls > recorded ? tally.with(NOT_RECORDED, calls - recorded) : tally;
      byStat[dimension] = list.list();
    }
    const stepTimes: StepTime[] = [...this.stepSamples]
      .map(([step, values]) => ({ step, ...spread(values.values()) }))
      .sort((a, b) => (a.step < b.step ? -1 : a.step > b.step ? 1 : 0));
    return {
      mode: options.mode,
      ...(options.since !== undefined ? { since: options.since } : {}),
      ...(options.until !== undefined ? { until: options.until } : {}),
      ...(this.first !== undefined && this.last !== undefined ? { first: this.first, last: this.last } : {}),
      calls,
      completed: this.completed,
      unfinished: calls - this.completed,
      resumed: this.resumed,
      bySop: this.bySop.list(),
      byStat,
      byOutcome: this.byOutcome.list(),
      byCategory: options.categoryOf ? this.byCategory.list() : [],
      unfinishedBy: this.unfinishedBy.list(),
      duration: spread(this.durations.values()),
      stepTimes,
      amendments: this.amendments.list(),
    };
  }
}

export function computeFigures(all: readonly RecordedSession[], options: FigureOptions): Figures {
  const tally = new FigureTally(options);
  for (const session of all) tally.add(session);
  return tally.figures();
}
