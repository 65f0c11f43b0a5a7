/**
 * Figures as JSON. By default the privacy rule holds here too: counts 1–4 become the string
 * "<5" and medians/percentiles over fewer than 5 values are null. `raw` (sop stats --format
 * json --raw) gives exact figures, for the team's own analysis only.
 */
import type { Count, Figures, Spread } from './figures.js';
import { labelOf, NO_NAMES, type Names } from './names.js';
import { shownCount, spreadShown, type Shown } from './small-counts.js';

interface JsonCount {
  readonly key: string;
  /** The library's name for the key, when it has one. */
  readonly label?: string;
  readonly count: Shown;
}

type Section = Parameters<typeof labelOf>[1];

function counts(list: readonly Count[], raw: boolean, names?: Names, section?: Section): JsonCount[] {
  return list.map((c) => {
    const label = names && section ? labelOf(names, section, c.key) : undefined;
    return { key: c.key, ...(label !== undefined ? { label } : {}), count: shownCount(c.count, raw) };
  });
}

function spreadJson(spread: Spread, raw: boolean): { n: Shown; medianMs: number | null; p90Ms: number | null } {
  const shown = spreadShown(spread.n, raw);
  return { n: shownCount(spread.n, raw), medianMs: shown ? spread.medianMs! : null, p90Ms: shown ? spread.p90Ms! : null };
}

export function formatJson(figures: Figures, raw = false, names: Names = NO_NAMES): string {
  const byStat: { [dimension: string]: JsonCount[] } = {};
  for (const [dimension, list] of Object.entries(figures.byStat)) byStat[dimension] = counts(list, raw, names, `stat:${dimension}`);
  const json = {
    v: 1,
    mode: figures.mode,
    since: figures.since ?? null,
    until: figures.until ?? null,
    first: figures.first ?? null,
    last: figures.last ?? null,
    smallCounts: raw ? 'exact' : 'hidden (1-4 shown as "<5"; times over fewer than 5 values are null)',
    calls: shownCount(figures.calls, raw),
    completed: shownCount(figures.completed, raw),
    unfinished: shownCount(figures.unfinished, raw),
    resumed: shownCount(figures.resumed, raw),
    duration: spreadJson(figures.duration, raw),
    bySop: counts(figures.bySop, raw, names, 'sop'),
    byStat,
    byOutcome: counts(figures.byOutcome, raw, names, 'outcome'),
    byCategory: counts(figures.byCategory, raw),
    unfinishedBy: counts(figures.unfinishedBy, raw),
    stepTimes: figures.stepTimes.map((t) => ({ step: t.step, ...spreadJson(t, raw) })),
    amendments: counts(figures.amendments, raw),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
