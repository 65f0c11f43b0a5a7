/**
 * Figures as CSV (RFC 4180), one figure a row: section,key,value,label (the library's name for
 * the key, when it has one). Small counts are always
 * hidden ("<5"), and times over fewer than 5 values are left out: CSV files travel.
 */
import type { Count, Figures } from './figures.js';
import { labelOf, NO_NAMES, type Names } from './names.js';
import { shownCount, spreadShown } from './small-counts.js';

function cell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(figures: Figures, names: Names = NO_NAMES): string {
  const rows: (string | number)[][] = [['section', 'key', 'value', 'label']];
  const add = (section: string, list: readonly Count[]): void => {
    const kind = section === 'by_sop' ? 'sop' : section === 'by_outcome' ? 'outcome' : section.startsWith('stat:') ? (section as `stat:${string}`) : undefined;
    for (const c of list) rows.push([section, c.key, shownCount(c.count), (kind && labelOf(names, kind, c.key)) || '']);
  };
  add('calls', [
    { key: 'total', count: figures.calls },
    { key: 'completed', count: figures.completed },
    { key: 'unfinished', count: figures.unfinished },
    { key: 'resumed', count: figures.resumed },
  ]);
  if (spreadShown(figures.duration.n)) {
    rows.push(['duration', 'median_ms', figures.duration.medianMs!, ''], ['duration', 'p90_ms', figures.duration.p90Ms!, '']);
  }
  add('by_sop', figures.bySop);
  for (const [dimension, list] of Object.entries(figures.byStat)) add(`stat:${dimension}`, list);
  add('by_outcome', figures.byOutcome);
  add('by_category', figures.byCategory);
  add('unfinished_by', figures.unfinishedBy);
  for (const time of figures.stepTimes) if (spreadShown(time.n)) rows.push(['step_median_ms', time.step, time.medianMs!, '']);
  add('amendments', figures.amendments);
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
