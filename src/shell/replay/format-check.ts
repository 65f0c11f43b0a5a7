/** `sop replay --check` reports: pretty (old and new path side by side), json, junit. */
import type { ChalkInstance } from 'chalk';
import type { CallCheck } from '../../core/check/check-call.js';
import { formatWhere } from '../../core/check/where.js';
import { junitXml } from '../format/junit-xml.js';
import { xmlAttr, xmlEscape } from '../format/xml-escape.js';
import { safeJson } from '../text/safe-json.js';
import { say, type Lang } from '../i18n.js';
import { safeLine } from '../text/safe-text.js';
import { displayWidth, padDisplay, truncate, wrap } from '../text/wrap.js';

export interface CheckedCall extends CallCheck {
  /** Where the call was read from: a journal or exported file. */
  readonly file: string;
  /** When the call started (ISO), for ordering. */
  readonly startedAt: string;
}

function checkSummary(checks: readonly CheckedCall[]): { total: number; same: number; diverged: number; unchecked: number } {
  const count = (status: CallCheck['status']): number => checks.filter((check) => check.status === status).length;
  return { total: checks.length, same: count('same'), diverged: count('diverged'), unchecked: count('unchecked') };
}

/**
 * The recorded path and the path now, step by step, the first difference marked "≠": side by
 * side when both columns fit the terminal, else one below the other (each line cut to fit).
 */
function comparePaths(check: CallCheck, lang: Lang, color: ChalkInstance, columns: number | undefined): string[] {
  const old = [...check.oldPath, `= ${check.oldOutcome ?? '…'}`].map(safeLine);
  const now = [...check.newPath, ...(check.newOutcome !== undefined ? [`= ${check.newOutcome}`] : [])].map(safeLine);
  const recordedHead = say(lang, { en: 'recorded path', uk: 'записаний шлях' });
  const nowHead = say(lang, { en: 'path now', uk: 'шлях тепер' });
  const parting = firstDifference(old, now);
  const width = Math.max(displayWidth(recordedHead), ...old.map(displayWidth)) + 2;
  const widest = 6 + width + 2 + Math.max(displayWidth(nowHead), ...now.map(displayWidth));
  if (columns === undefined || widest <= columns) {
    const lines = [color.dim(`      ${padDisplay(recordedHead, width)}  ${nowHead}`)];
    for (let index = 0; index < Math.max(old.length, now.length); index++) {
      const differs = index === parting;
      const right = now[index] ?? '';
      lines.push(`    ${differs ? color.red('≠') : ' '} ${padDisplay(old[index] ?? '', width)}  ${differs ? color.red(right) : right}`.trimEnd());
    }
    return lines;
  }
  const listed = (head: string, path: readonly string[], marked: (text: string) => string): string[] => [
    color.dim(`      ${head}`),
    ...path.map((step, index) => truncate(`    ${index === parting ? marked('≠') : ' '} ${index === parting ? marked(step) : step}`, columns)),
  ];
  return [...listed(recordedHead, old, (text) => text), ...listed(nowHead, now, color.red)];
}

/** Where two paths first part (undefined when they are the same). */
function firstDifference(old: readonly string[], now: readonly string[]): number | undefined {
  for (let index = 0; index < Math.max(old.length, now.length); index++) if (old[index] !== now[index]) return index;
  return undefined;
}

/**
 * A call's first line: its mark, session, file and SOP, then the verdict ("diverges at …").
 * On a terminal too narrow for that: the session and SOP, the file below (wrapped, never cut:
 * it is how the call is found again), then the verdict on its own line.
 */
function callHeadline(mark: string, check: CheckedCall, verdict: string, color: ChalkInstance, columns: number | undefined): string[] {
  const whole = `${mark} ${safeLine(check.session)} ${color.dim(`(${safeLine(check.file)}, ${safeLine(check.sop)})`)}${verdict ? ` ${verdict}` : ''}`;
  if (columns === undefined || displayWidth(whole) <= columns) return [whole];
  return [
    truncate(`${mark} ${safeLine(check.session)} ${color.dim(`(${safeLine(check.sop)})`)}`, columns),
    ...wrapped(color.dim(safeLine(check.file)), columns),
    ...(verdict ? wrapped(verdict, columns) : []),
  ];
}

/** file:line:col on a line of its own, indented as far as the terminal allows (4 at most), whole. */
const location = (where: string, columns: number): string => `${' '.repeat(Math.max(0, Math.min(4, columns - displayWidth(where))))}${where}`;

/** A message under a call, indented four, wrapped to the terminal (whole when piped or --wide). */
const wrapped = (text: string, columns: number | undefined): string[] => (columns === undefined ? [`    ${text}`] : wrap(text, columns - 4).map((line) => `    ${line}`));

/** The pretty report; `columns` fits it to a terminal (undefined: piped or --wide, every line whole). */
export function formatCheckPretty(checks: readonly CheckedCall[], lang: Lang, color: ChalkInstance, columns?: number): string {
  const lines: string[] = [];
  for (const check of checks) {
    const headline = (mark: string, verdict = ''): string[] => callHeadline(mark, check, verdict, color, columns);
    if (check.status === 'same') {
      lines.push(...headline(color.green('✓')));
    } else if (check.status === 'unchecked') {
      lines.push(...headline(color.yellow('~'), color.yellow(say(lang, { en: `unchecked from ${safeLine(check.uncheckedFrom ?? '?')} (value redacted)`, uk: `не перевірено від кроку ${safeLine(check.uncheckedFrom ?? '?')} (значення приховано)` }))));
    } else {
      const divergence = check.divergence;
      lines.push(...headline(color.red('✗'), color.red(say(lang, { en: `diverges at ${safeLine(divergence?.at ?? '?')}`, uk: `розходиться на кроці ${safeLine(divergence?.at ?? '?')}` }))));
      if (divergence) {
        const where = divergence.where ? `${formatWhere(divergence.where)}:` : '';
        // Step names in the message come from the call file, which may come from anywhere.
        const message = safeLine(say(lang, divergence.message));
        // On a narrow terminal file:line:col stands on its own line, so it is never split.
        if (where && columns !== undefined && displayWidth(`    ${where} ${message}`) > columns) lines.push(location(where, columns), ...wrapped(message, columns));
        else lines.push(...wrapped(where ? `${where} ${message}` : message, columns));
      }
      if (check.changedSops.length > 0) {
        lines.push(...wrapped(color.dim(`${say(lang, { en: 'changed since the call:', uk: 'змінено після дзвінка:' })} ${safeLine(check.changedSops.join(', '))}`), columns));
      }
      lines.push(...comparePaths(check, lang, color, columns));
    }
  }
  const { total, same, diverged, unchecked } = checkSummary(checks);
  const summary = say(lang, {
    en: `${total} call(s): ${same} same, ${diverged} diverged, ${unchecked} unchecked (value redacted)`,
    uk: `Дзвінків: ${total}; без змін: ${same}; розходяться: ${diverged}; не перевірено (значення приховано): ${unchecked}`,
  });
  lines.push('', ...(columns === undefined ? [summary] : wrap(summary, columns)).map((line) => (diverged > 0 ? color.red(line) : color.green(line))));
  return `${lines.join('\n')}\n`;
}

/** A call's entry in the JSON report, its fields in the report's order (built without spreads: once per call). */
function jsonEntry(check: CheckedCall, lang: Lang): Record<string, unknown> {
  const entry: Record<string, unknown> = { session: check.session, file: check.file, sop: check.sop, status: check.status };
  const divergence = check.divergence;
  if (divergence) {
    const shown: Record<string, unknown> = { kind: divergence.kind, at: divergence.at, message: say(lang, divergence.message) };
    if (divergence.where) shown['where'] = formatWhere(divergence.where);
    entry['divergence'] = shown;
  }
  if (check.uncheckedFrom !== undefined) entry['uncheckedFrom'] = check.uncheckedFrom;
  entry['oldPath'] = check.oldPath;
  entry['newPath'] = check.newPath;
  entry['oldOutcome'] = check.oldOutcome ?? null;
  entry['newOutcome'] = check.newOutcome ?? null;
  entry['changedSops'] = check.changedSops;
  return entry;
}

export function formatCheckJson(checks: readonly CheckedCall[], lang: Lang): string {
  const calls = new Array<Record<string, unknown>>(checks.length);
  for (let index = 0; index < checks.length; index++) calls[index] = jsonEntry(checks[index]!, lang);
  return `${safeJson(JSON.stringify({ summary: checkSummary(checks), calls }, null, 2))}\n`;
}

export function formatCheckJunit(checks: readonly CheckedCall[], lang: Lang): string {
  return junitXml(
    'sop replay --check',
    checks.map((check) => ({
      classname: check.sop,
      name: check.session,
      file: check.file,
      skipped: check.status === 'unchecked',
      children: check.status === 'same' ? [] : [check.status === 'unchecked' ? `<skipped message="${xmlAttr(`unchecked from ${check.uncheckedFrom ?? '?'} (value redacted)`)}"/>` : divergenceFailure(check, lang)],
    })),
  );
}

/** The <failure> of a call that took another way: where and why, and both paths. */
function divergenceFailure(check: CheckedCall, lang: Lang): string {
  const message = (check.divergence ? say(lang, check.divergence.message) : 'diverged');
  const where = check.divergence?.where ? `${formatWhere(check.divergence.where)}: ` : '';
  const body = `${where}${message}\nrecorded: ${check.oldPath.join(' > ')} = ${check.oldOutcome ?? ''}\nnow:      ${check.newPath.join(' > ')}${check.newOutcome ? ` = ${check.newOutcome}` : ''}`;
  return `<failure message="${xmlAttr(message)}" type="${xmlAttr(check.divergence?.kind ?? 'diverged')}">${xmlEscape(body)}</failure>`;
}
