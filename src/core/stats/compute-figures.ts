/**
 * Figures from recorded sessions (pure). A call counts in the period when it STARTED in it
 * (UTC date of its session-start line, both ends inclusive).
 */
import type { Value } from '../model/sop.js';
import { REDACTED } from '../record/journal-line.js';
import type { RecordedSession } from '../record/recorded-session.js';
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

export function inPeriod(session: RecordedSession, since?: string, until?: string): boolean {
  const day = session.start.at.slice(0, 10);
  return (since === undefined || day >= since) && (until === undefined || day <= until);
}

/**
 * Figures folded one session at a time: memory for the counts and the times the figures need,
 * never for the sessions (sop stats reads a year of calls through it as they are read). The
 * order sessions come in does not change the figures.
 */
export class FigureTally {
  private readonly bySop = new Tally();
  private readonly byOutcome = new Tally();
  private readonly byCategory = new Tally();
  private readonly unfinishedBy = new Tally();
  private readonly amendments = new Tally();
  /** dimension -> the final values of the sessions that gave one (a dimension only redacted answers gave counts none). */
  private readonly stats = new Map<string, Tally>();
  private readonly recordedStats = new Map<string, number>();
  private readonly durations: number[] = [];
  private readonly stepSamples = new Map<string, number[]>();
  private calls = 0;
  private completed = 0;
  private resumed = 0;
  private first: string | undefined;
  private last: string | undefined;

  constructor(private readonly options: FigureOptions) {}

  /** Counts `session` when it started in the period. */
  add(session: RecordedSession): void {
    const { options } = this;
    if (!inPeriod(session, options.since, options.until)) return;
    this.calls++;
    const day = session.start.at.slice(0, 10);
    if (this.first === undefined || day < this.first) this.first = day;
    if (this.last === undefined || day > this.last) this.last = day;
    this.bySop.add(session.start.sop);
    if (session.status === 'completed') {
      this.completed++;
      if (session.interruptions.length > 0) this.resumed++;
      this.byOutcome.add(session.end?.outcome ?? UNFINISHED);
      if (session.end) this.byCategory.add(options.categoryOf?.(session.end.outcome) ?? UNKNOWN);
      if (session.end) this.durations.push(session.end.durationMs);
    } else {
      this.byOutcome.add(UNFINISHED);
      this.byCategory.add(UNFINISHED);
      this.unfinishedBy.add(session.interrupted?.reason ?? CRASH);
    }
    this.addEvents(session);
  }

  /** Step times, amendments and the session's final value of each stat dimension. */
  private addEvents(session: RecordedSession): void {
    const shownAt = new Map<string, number>();
    const values = new Map<string, string | undefined>();
    for (const event of session.events) {
      switch (event.type) {
        case 'step-shown':
          shownAt.set(event.step, event.ms);
          break;
        // An amendment is the answer given at that step this time (after going back).
        case 'amend':
        case 'answer': {
          if (event.type === 'amend') this.amendments.add(event.step);
          const shown = shownAt.get(event.step);
          if (shown !== undefined) {
            const list = this.stepSamples.get(event.step) ?? [];
            list.push(Math.max(0, event.ms - shown));
            this.stepSamples.set(event.step, list);
            shownAt.delete(event.step);
          }
          if (event.stat) values.set(event.stat, statValue(event.value));
          break;
        }
        default:
          break;
      }
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
      .map(([step, values]) => ({ step, ...spread(values) }))
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
      duration: spread(this.durations),
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
