/**
 * `--help` to the terminal's width (80 columns when not a terminal): commander wraps its own
 * lists at `helpWidth`; the texts added after them (details, examples, exit codes) are fitted
 * here, measured in display columns by text/wrap.ts like every other screen. A paragraph is
 * re-flowed; a table or example line ("  sop run x    what it does") wraps under its last
 * column, so the comment continues where it started.
 */
import { displayWidth, wrap } from '../text/wrap.js';

/** Narrowest room a hanging column keeps; a column further right hangs under the indent. */
const MIN_ROOM = 20;

export function helpWidth(stdout: { isTTY?: boolean; columns?: number }): number {
  return stdout.isTTY ? stdout.columns || 80 : 80;
}

/** Each line of `text` no wider than `width` columns; lines that already fit are kept as they are. */
export function fitHelpText(text: string, width: number): string {
  const lines = text.split('\n');
  if (lines.every((line) => displayWidth(line) <= width)) return text;
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    // A paragraph: lines at column 0 without a column gap; re-flowed whole when one is too wide.
    let end = i;
    while (end < lines.length && isParagraphLine(lines[end]!)) end++;
    if (end > i) {
      const run = lines.slice(i, end);
      out.push(...(run.some((line) => displayWidth(line) > width) ? wrap(run.join(' '), width) : run));
      i = end;
      continue;
    }
    out.push(...hang(lines[i]!, width));
    i++;
  }
  return out.join('\n');
}

function isParagraphLine(line: string): boolean {
  return /^\S/.test(line) && !/\S {2,}\S/.test(line) && !line.endsWith(':');
}

/** One line wrapped with its continuation under the last column that leaves room, else under its indent. */
function hang(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const indent = /^ */.exec(line)![0].length;
  let column = indent;
  for (const gap of line.matchAll(/\S( {2,})(?=\S)/g)) {
    const at = displayWidth(line.slice(0, gap.index + 1 + gap[1]!.length));
    if (at <= width - MIN_ROOM) column = at;
  }
  const prefix = sliceColumns(line, column);
  const body = line.slice(prefix.length);
  const [first = '', ...rest] = wrap(body, width - column);
  return [prefix + first, ...rest.map((part) => ' '.repeat(column) + part)];
}

/** The start of `line` up to `columns` display columns. */
function sliceColumns(line: string, columns: number): string {
  let taken = '';
  for (const char of line) {
    if (displayWidth(taken + char) > columns) break;
    taken += char;
  }
  return taken;
}
