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

function inPeriod(session: RecordedSession, since?: string, until?: string): boolean {
  const day = session.start.at.slice(0, 10);
  return (since === undefined || day >= since) && (until === undefined || day <= until);
}

export function computeFigures(all: readonly RecordedSession[], options: FigureOptions): Figures {
  const sessions = all.filter((s) => inPeriod(s, options.since, options.until));
  const bySop = new Tally();
  const byOutcome = new Tally();
  const byCategory = new Tally();
  const unfinishedBy = new Tally();
  const amendments = new Tally();
  const stats = new Map<string, Map<string, string>>(); // dimension -> session -> value
  const durations: number[] = [];
  const stepSamples = new Map<string, number[]>();
  let completed = 0;
  let resumed = 0;

  for (const session of sessions) {
    bySop.add(session.start.sop);
    if (session.status === 'completed') {
      completed++;
      if (session.interruptions.length > 0) resumed++;
      byOutcome.add(session.end?.outcome ?? UNFINISHED);
      if (session.end) byCategory.add(options.categoryOf?.(session.end.outcome) ?? UNKNOWN);
      if (session.end) durations.push(session.end.durationMs);
    } else {
      byOutcome.add(UNFINISHED);
      byCategory.add(UNFINISHED);
      unfinishedBy.add(session.interrupted?.reason ?? CRASH);
    }
    const shownAt = new Map<string, number>();
    for (const event of session.events) {
      switch (event.type) {
        case 'step-shown':
          shownAt.set(event.step, event.ms);
          break;
        // An amendment is the answer given at that step this time (after going back).
        case 'amend':
        case 'answer': {
          if (event.type === 'amend') amendments.add(event.step);
          const shown = shownAt.get(event.step);
          if (shown !== undefined) {
            const list = stepSamples.get(event.step) ?? [];
            list.push(Math.max(0, event.ms - shown));
            stepSamples.set(event.step, list);
            shownAt.delete(event.step);
          }
          if (event.stat) {
            const value = statValue(event.value);
            const perSession = stats.get(event.stat) ?? new Map<string, string>();
            if (value !== undefined) perSession.set(session.id, value);
            else perSession.delete(session.id);
            stats.set(event.stat, perSession);
          }
          break;
        }
        default:
          break;
      }
    }
  }

  const byStat: { [dimension: string]: Count[] } = {};
  for (const dimension of [...stats.keys()].sort()) {
    const tally = new Tally();
    const values = stats.get(dimension)!;
    if (values.size === 0) continue; // nothing but protected (redacted) answers: no figure to give
    for (const session of sessions) tally.add(values.get(session.id) ?? NOT_RECORDED);
    byStat[dimension] = tally.list();
  }
  const stepTimes: StepTime[] = [...stepSamples]
    .map(([step, values]) => ({ step, ...spread(values) }))
    .sort((a, b) => (a.step < b.step ? -1 : a.step > b.step ? 1 : 0));
  const days = sessions.map((s) => s.start.at.slice(0, 10)).sort();

  return {
    mode: options.mode,
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.until !== undefined ? { until: options.until } : {}),
    ...(days.length > 0 ? { first: days[0]!, last: days[days.length - 1]! } : {}),
    calls: sessions.length,
    completed,
    unfinished: sessions.length - completed,
    resumed,
    bySop: bySop.list(),
    byStat,
    byOutcome: byOutcome.list(),
    byCategory: options.categoryOf ? byCategory.list() : [],
    unfinishedBy: unfinishedBy.list(),
    duration: spread(durations),
    stepTimes,
    amendments: amendments.list(),
  };
}
