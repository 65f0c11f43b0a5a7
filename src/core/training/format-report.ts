/** The trainee report as a text table for the terminal, in the reader's language. Pure. */
import { textIn } from '../model/localize.js';
import { bar } from '../stats/bar.js';
import { PLAIN, type TextStyle } from './text-style.js';
import type { TraineeReport } from './trainee-report.js';
import { say } from '../model/message.js';
import type { Message } from '../model/message.js';
import { TW } from './training-words.js';

const chars = (text: string): number => [...text].length;
const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - chars(text)));

/**
 * How the report's tables and free lines are laid out. The core only aligns; the shell passes a
 * layout that fits the terminal (cells cut with "…", rows stacked on a narrow screen, lines
 * wrapped), since the width of a text on screen is a property of the terminal, not of the report.
 */
export interface ReportLayout {
  /** Rows of cells (the first row is the header) as lines; `shrinkable` columns may be cut to fit. */
  readonly table: (rows: readonly (readonly string[])[], shrinkable: readonly number[]) => string[];
  /** One line of text under a heading, with its indent, as lines that fit. */
  readonly line: (text: string, indent: string) => string[];
}

/** Aligned columns at their full width (tests, piped output): nothing is cut or wrapped. */
export function alignedLayout(style: TextStyle = PLAIN): ReportLayout {
  return {
    table(rows) {
      const widths: number[] = [];
      for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, chars(cell))));
      return rows.map((row, r) => {
        const line = `  ${row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i] ?? 0))).join('  ')}`.trimEnd();
        return r === 0 ? style.dim(line) : line;
      });
    },
    line: (text, indent) => [`${indent}${text}`],
  };
}

export function formatReport(report: TraineeReport, lang: string, style: TextStyle = PLAIN, layout: ReportLayout = alignedLayout(style)): string {
  const s = style;
  const t = (message: Message): string => say(lang, message);
  const clean = s.clean;
  const out: string[] = [];
  out.push(...layout.line(s.bold(`${t(TW.report)} — ${t(TW.trainee)}: ${clean(report.trainee)} (${t(TW.sessions)}: ${report.sessions.length})`), ''));

  out.push('', ...layout.line(s.bold(`${t(TW.scenariosDone)} (${report.scenarios.length} ${t(TW.of)} ${report.scenarios.length + report.notDone.length})`), ''));
  if (report.scenarios.length === 0) out.push(`  ${t(TW.none)}`);
  else {
    const header = [t(TW.scenario), 'SOP', t(TW.attempts), t(TW.finished), t(TW.best), t(TW.last)];
    const rows = report.scenarios.map((row) => [
      `${clean(row.scenario)}${row.title !== undefined ? ` — ${clean(textIn(row.title, lang))}` : ''}`,
      clean(row.sop ?? '?'),
      String(row.attempts),
      String(row.finished),
      row.best === undefined ? '—' : String(row.best),
      row.last === undefined ? '—' : String(row.last),
    ]);
    out.push(...layout.table([header, ...rows], [0]));
  }
  if (report.notDone.length > 0) {
    out.push('', ...layout.line(s.bold(t(TW.notDone)), ''));
    for (const row of report.notDone) out.push(...layout.line(`${clean(row.scenario)} — ${clean(textIn(row.title, lang))}`, '  '));
  }

  out.push('', ...layout.line(s.bold(t(TW.overTime)), ''));
  if (report.sessions.length === 0) out.push(`  ${t(TW.none)}`);
  const overTime = report.sessions.map((row) => [
    row.at.slice(0, 16).replace('T', ' '),
    clean(row.scenario),
    row.score === undefined ? '—' : String(row.score).padStart(3),
    `${row.score === undefined ? s.dim(t(TW.noScore)) : bar(row.score, 100, 20, false)}${row.finished ? '' : `  ${s.yellow(`(${t(TW.unfinished)})`)}`}`,
  ]);
  if (overTime.length > 0) out.push(...layout.table([[t(TW.when), t(TW.scenario), t(TW.scoreColumn), ''], ...overTime], [1]));

  out.push('', ...layout.line(s.bold(t(TW.divergences)), ''));
  if (report.divergences.length === 0) out.push(`  ${t(TW.none)}`);
  for (const row of report.divergences) out.push(...layout.line(`${clean(row.step)}  ${row.count} ${t(TW.of)} ${row.faced}`, '  '));
  out.push('', ...layout.line(s.bold(t(TW.missedFlags)), ''));
  if (report.missedRedFlags.length === 0) out.push(`  ${t(TW.none)}`);
  for (const row of report.missedRedFlags) out.push(...layout.line(`${clean(row.flag)}  ${row.missed} ${t(TW.of)} ${row.of}`, '  '));
  return out.join('\n');
}
