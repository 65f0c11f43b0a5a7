/** Figures as text tables for the terminal, small counts hidden; optional bar charts. */
import { bar } from './bar.js';
import type { Count, Figures, Spread } from './figures.js';
import { formatDuration, formatSeconds } from './format-duration.js';
import { HIDDEN, shownCount, spreadShown } from './small-counts.js';
import { labelOf, NO_NAMES, type Names } from './names.js';
import { SW, sw } from './stats-words.js';
import { W } from '../render/words.js';
import type { Message } from '../model/message.js';

export interface TableOptions {
  readonly lang: string;
  readonly chart?: boolean;
  readonly ascii?: boolean;
  /** Terminal width for the chart (default 80). */
  readonly width?: number;
  /** Labels from the library for SOPs, outcomes and statistics answers. */
  readonly names?: Names;
}

type Section = Parameters<typeof labelOf>[1];

/** Counts with their keys replaced by people's names where the library has them. */
function named(counts: readonly Count[], names: Names, section: Section): Count[] {
  return counts.map((c) => ({ key: labelOf(names, section, c.key) ?? c.key, count: c.count }));
}

const chars = (text: string): number => [...text].length;
const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - chars(text)));
const padStart = (text: string, width: number): string => ' '.repeat(Math.max(0, width - chars(text))) + text;

function countRows(counts: readonly Count[], options: TableOptions): string[] {
  if (counts.length === 0) return [`  (${sw(options.lang, SW.none)})`];
  const keyWidth = Math.min(48, Math.max(...counts.map((c) => chars(c.key))));
  const shown = counts.map((c) => String(shownCount(c.count)));
  const numWidth = Math.max(...shown.map(chars));
  // Bars only for counts that may be shown: a bar would give a hidden count away.
  const visible = counts.filter((c) => shownCount(c.count) !== HIDDEN).map((c) => c.count);
  const max = visible.length > 0 ? Math.max(...visible) : 0;
  const barWidth = Math.max(10, Math.min(40, (options.width ?? 80) - keyWidth - numWidth - 6));
  return counts.map((c, i) => {
    const line = `  ${pad(c.key, keyWidth)}  ${padStart(shown[i]!, numWidth)}`;
    if (!options.chart || shown[i] === HIDDEN) return line;
    return `${line}  ${bar(c.count, max, barWidth, options.ascii ?? false)}`;
  });
}

function spreadText(spread: Spread, lang: string): string {
  if (!spreadShown(spread.n)) return spread.n === 0 ? `(${sw(lang, SW.none)})` : `(${sw(lang, SW.tooFew)})`;
  return `${sw(lang, SW.median)} ${formatDuration(spread.medianMs!)} · ${sw(lang, SW.p90)} ${formatDuration(spread.p90Ms!)}`;
}

export function formatTable(figures: Figures, options: TableOptions): string {
  const { lang } = options;
  const out: string[] = [];
  const period = figures.since || figures.until ? `${figures.since ?? '…'} – ${figures.until ?? '…'}` : sw(lang, SW.all);
  out.push(`${sw(lang, figures.mode === 'live' ? SW.live : SW.training)}, ${period}`, '');
  const summary: Count[] = [
    { key: sw(lang, SW.calls), count: figures.calls },
    { key: sw(lang, SW.completed), count: figures.completed },
    { key: sw(lang, SW.unfinished), count: figures.unfinished },
    { key: sw(lang, SW.resumed), count: figures.resumed },
  ];
  out.push(sw(lang, SW.summary), ...countRows(summary, { ...options, chart: false }), '');
  out.push(sw(lang, SW.duration), `  ${spreadText(figures.duration, lang)}`, '');
  const names = options.names ?? NO_NAMES;
  out.push(sw(lang, SW.bySop), ...countRows(named(figures.bySop, names, 'sop'), options), '');
  for (const [dimension, counts] of Object.entries(figures.byStat)) {
    const title = SW.dimension[dimension] ? sw(lang, SW.dimension[dimension]) : `${sw(lang, SW.byDimension)} ${dimension}`;
    out.push(`${title} (${dimension})`, ...countRows(named(counts, names, `stat:${dimension}`), options), '');
  }
  if (figures.byCategory.length > 0) {
    const categories = figures.byCategory.map((c) => {
      const words = (W.category as { readonly [k: string]: Message })[c.key];
      return { key: words ? sw(lang, words) : c.key, count: c.count };
    });
    out.push(sw(lang, SW.byCategory), ...countRows(categories, options), '');
  }
  out.push(sw(lang, SW.byOutcome), ...countRows(named(figures.byOutcome, names, 'outcome'), options), '');
  if (figures.unfinishedBy.length > 0) out.push(sw(lang, SW.unfinishedBy), ...countRows(figures.unfinishedBy, options), '');
  out.push(sw(lang, SW.stepTimes));
  const times = figures.stepTimes.filter((t) => spreadShown(t.n));
  if (times.length === 0) out.push(`  (${sw(lang, SW.tooFew)})`);
  const stepWidth = Math.min(56, Math.max(0, ...times.map((t) => chars(t.step))));
  for (const time of times) {
    out.push(`  ${pad(time.step, stepWidth)}  ${padStart(formatSeconds(time.medianMs!), 7)}  (${time.n} ${sw(lang, SW.answers)})`);
  }
  const hiddenTimes = figures.stepTimes.length - times.length;
  if (hiddenTimes > 0 && times.length > 0) out.push(`  … ${hiddenTimes}: ${sw(lang, SW.tooFew)}`);
  out.push('', sw(lang, SW.amendments), ...countRows(figures.amendments, options), '');
  out.push(sw(lang, SW.privacy));
  return `${out.join('\n')}\n`;
}
