/** The trainee report as a text table for the terminal, in the reader's language. Pure. */
import { textIn } from '../model/localize.js';
import { bar } from '../stats/bar.js';
import { PLAIN, type TextStyle } from './text-style.js';
import type { TraineeReport } from './trainee-report.js';
import { TW, tw } from './training-words.js';

const chars = (text: string): number => [...text].length;
const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - chars(text)));

/** Rows of cells as aligned columns (the first row is the header). */
function columns(rows: readonly (readonly string[])[], style: TextStyle): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, chars(cell))));
  return rows.map((row, r) => {
    const line = `  ${row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i] ?? 0))).join('  ')}`;
    return r === 0 ? style.dim(line) : line;
  });
}

export function formatReport(report: TraineeReport, lang: string, style: TextStyle = PLAIN): string {
  const s = style;
  const t = (message: { en: string; uk: string }): string => tw(lang, message);
  const clean = s.clean;
  const out: string[] = [];
  out.push(s.bold(`${t(TW.report)} — ${t(TW.trainee)}: ${clean(report.trainee)} (${t(TW.sessions)}: ${report.sessions.length})`));

  out.push('', s.bold(`${t(TW.scenariosDone)} (${report.scenarios.length} ${t(TW.of)} ${report.scenarios.length + report.notDone.length})`));
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
    out.push(...columns([header, ...rows], s));
  }
  if (report.notDone.length > 0) {
    out.push('', s.bold(t(TW.notDone)));
    for (const row of report.notDone) out.push(`  ${clean(row.scenario)} — ${clean(textIn(row.title, lang))}`);
  }

  out.push('', s.bold(t(TW.overTime)));
  if (report.sessions.length === 0) out.push(`  ${t(TW.none)}`);
  const idWidth = Math.max(0, ...report.sessions.map((row) => chars(row.scenario)));
  for (const row of report.sessions) {
    const when = row.at.slice(0, 16).replace('T', ' ');
    const score = row.score === undefined ? '  —' : String(row.score).padStart(3);
    const chart = row.score === undefined ? s.dim(t(TW.noScore)) : bar(row.score, 100, 20, false);
    const unfinished = row.finished ? '' : `  ${s.yellow(`(${t(TW.unfinished)})`)}`;
    out.push(`  ${when}  ${pad(clean(row.scenario), idWidth)}  ${score}  ${chart}${unfinished}`);
  }

  out.push('', s.bold(t(TW.divergences)));
  if (report.divergences.length === 0) out.push(`  ${t(TW.none)}`);
  for (const row of report.divergences) out.push(`  ${clean(row.step)}  ${row.count} ${t(TW.of)} ${row.faced}`);
  out.push('', s.bold(t(TW.missedFlags)));
  if (report.missedRedFlags.length === 0) out.push(`  ${t(TW.none)}`);
  for (const row of report.missedRedFlags) out.push(`  ${clean(row.flag)}  ${row.missed} ${t(TW.of)} ${row.of}`);
  return out.join('\n');
}
