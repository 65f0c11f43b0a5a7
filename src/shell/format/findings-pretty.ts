/**
 * The human format (actionlint is the model): `file:line:col: message [SOP104 unknown-step]`,
 * then the source line with a caret under the problem, then the hint, all in the language asked
 * for (the rule code and name stay as they are). A finding that follows from another is not listed
 * on its own: its root cause says "↳ 4 steps cannot be reached because of this". Colour only when the chalk instance given has it
 * (NO_COLOR / FORCE_COLOR / not a TTY decide).
 */
import type { ChalkInstance } from 'chalk';
import { lineOf } from '../../core/load/source-text.js';
import type { Finding } from '../../core/findings/finding.js';
import { consequenceLines, foldFindings } from '../../core/validate/fold-findings.js';
import { say, type Lang } from '../i18n.js';
import { safeLine } from '../text/safe-text.js';

export interface PrettyOptions {
  readonly chalk: ChalkInstance;
  /** The language of the messages, hints and severities; English when not given. */
  readonly lang?: Lang;
  /** The text of a file (to show the line), or undefined when it is not available. */
  readonly sourceOf: (file: string) => string | undefined;
}

/** How many characters the caret underlines: the token at the column. */
function tokenLength(line: string, col: number): number {
  const rest = line.slice(col - 1);
  const match = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s,\]}#]+)/.exec(rest);
  return Math.max(1, match ? match[0].length : 1);
}

/** Tabs shown as one space so the caret lines up; other control characters as '?'. */
function printable(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/\t/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

export function formatPretty(findings: readonly Finding[], options: PrettyOptions): string {
  const { chalk } = options;
  const cache = new Map<string, string | undefined>();
  const textOf = (file: string): string | undefined => {
    if (!cache.has(file)) cache.set(file, options.sourceOf(file));
    return cache.get(file);
  };
  let out = '';
  const lang = options.lang ?? 'en';
  for (const { root: finding, consequences } of foldFindings(findings)) {
    // Messages quote values from the file: terminal escapes in them are neutralised.
    const file = safeLine(finding.file);
    const message = safeLine(say(lang, finding.message));
    const hint = finding.hint === undefined ? undefined : safeLine(say(lang, finding.hint));
    const severity = finding.severity === 'error' ? chalk.red(say(lang, { en: 'error', uk: 'помилка' })) : chalk.yellow(say(lang, { en: 'warning', uk: 'попередження' }));
    const where = chalk.bold(`${file}:${finding.line}:${finding.col}:`);
    const rule = chalk.dim(`[${finding.rule} ${finding.name}]`);
    out += `${where} ${severity}: ${message} ${rule}\n`;
    const text = textOf(finding.file);
    const line = text === undefined ? undefined : lineOf(text, finding.line);
    if (line !== undefined && line.length <= 400) {
      const number = String(finding.line);
      const gutter = ' '.repeat(number.length);
      const shown = printable(line);
      const caret = `${'^'}${'~'.repeat(Math.max(0, tokenLength(line, finding.col) - 1))}`;
      out += `${chalk.dim(`${gutter} |`)}\n`;
      out += `${chalk.dim(`${number} |`)} ${shown}\n`;
      out += `${chalk.dim(`${gutter} |`)} ${' '.repeat(Math.max(0, finding.col - 1))}${chalk.green(caret)}\n`;
    }
    if (hint !== undefined) out += `${' '.repeat(String(finding.line).length)} ${chalk.dim('=')} ${chalk.cyan(hint)}\n`;
    // What follows from it is folded under it, in one line per kind.
    for (const line of consequenceLines(consequences)) out += `${' '.repeat(String(finding.line).length)} ${chalk.dim('↳')} ${safeLine(say(lang, line))}\n`;
    out += '\n';
  }
  return out;
}
