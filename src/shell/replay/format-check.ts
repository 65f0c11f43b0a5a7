/** `sop replay --check` reports: pretty (old and new path side by side), json, junit. */
import type { ChalkInstance } from 'chalk';
import type { CallCheck } from '../../core/check/check-call.js';
import { formatWhere } from '../../core/check/where.js';
import { junitXml } from '../format/junit-xml.js';
import { xmlAttr, xmlEscape } from '../format/xml-escape.js';
import { safeJson } from '../format/safe-json.js';
import { say, type Lang } from '../i18n.js';
import { safeLine } from '../tui/safe-text.js';

export interface CheckedCall extends CallCheck {
  /** Where the call was read from: a journal or exported file. */
  readonly file: string;
  /** When the call started (ISO), for ordering. */
  readonly startedAt: string;
}

export function checkSummary(checks: readonly CheckedCall[]): { total: number; same: number; diverged: number; unchecked: number } {
  const count = (status: CallCheck['status']): number => checks.filter((check) => check.status === status).length;
  return { total: checks.length, same: count('same'), diverged: count('diverged'), unchecked: count('unchecked') };
}

function sideBySide(check: CallCheck, lang: Lang, color: ChalkInstance): string[] {
  const old = [...check.oldPath, `= ${check.oldOutcome ?? '…'}`];
  const now = [...check.newPath, ...(check.newOutcome !== undefined ? [`= ${check.newOutcome}`] : [])];
  const width = Math.max(say(lang, { en: 'recorded path', uk: 'записаний шлях' }).length, ...old.map((step) => step.length)) + 2;
  const lines = [color.dim(`      ${say(lang, { en: 'recorded path', uk: 'записаний шлях' }).padEnd(width)}  ${say(lang, { en: 'path now', uk: 'шлях тепер' })}`)];
  let parted = false;
  for (let index = 0; index < Math.max(old.length, now.length); index++) {
    const left = old[index] ?? '';
    const right = now[index] ?? '';
    const differs = !parted && left !== right;
    if (differs) parted = true;
    const marker = differs ? color.red('≠') : ' ';
    lines.push(`    ${marker} ${safeLine(left).padEnd(width)}  ${differs ? color.red(safeLine(right)) : safeLine(right)}`);
  }
  return lines;
}

export function formatCheckPretty(checks: readonly CheckedCall[], lang: Lang, color: ChalkInstance): string {
  const lines: string[] = [];
  for (const check of checks) {
    const name = `${safeLine(check.session)} ${color.dim(`(${safeLine(check.file)}, ${safeLine(check.sop)})`)}`;
    if (check.status === 'same') {
      lines.push(`${color.green('✓')} ${name}`);
    } else if (check.status === 'unchecked') {
      lines.push(
        `${color.yellow('~')} ${name} ${color.yellow(say(lang, { en: `unchecked from ${safeLine(check.uncheckedFrom ?? '?')} (value redacted)`, uk: `не перевірено від кроку ${safeLine(check.uncheckedFrom ?? '?')} (значення приховано)` }))}`,
      );
    } else {
      const divergence = check.divergence;
      lines.push(`${color.red('✗')} ${name} ${color.red(say(lang, { en: `diverges at ${safeLine(divergence?.at ?? '?')}`, uk: `розходиться на кроці ${safeLine(divergence?.at ?? '?')}` }))}`);
      if (divergence) {
        const where = divergence.where ? `${formatWhere(divergence.where)}: ` : '';
        // Step names in the message come from the call file, which may come from anywhere.
        lines.push(`    ${where}${safeLine(divergence.message[lang])}`);
      }
      if (check.changedSops.length > 0) {
        lines.push(color.dim(`    ${say(lang, { en: 'changed since the call:', uk: 'змінено після дзвінка:' })} ${safeLine(check.changedSops.join(', '))}`));
      }
      lines.push(...sideBySide(check, lang, color));
    }
  }
  const { total, same, diverged, unchecked } = checkSummary(checks);
  const summary = say(lang, {
    en: `${total} call(s): ${same} same, ${diverged} diverged, ${unchecked} unchecked (value redacted)`,
    uk: `Дзвінків: ${total}; без змін: ${same}; розходяться: ${diverged}; не перевірено (значення приховано): ${unchecked}`,
  });
  lines.push('', diverged > 0 ? color.red(summary) : color.green(summary));
  return `${lines.join('\n')}\n`;
}

/** A call's entry in the JSON report, its fields in the report's order (built without spreads: once per call). */
function jsonEntry(check: CheckedCall, lang: Lang): Record<string, unknown> {
  const entry: Record<string, unknown> = { session: check.session, file: check.file, sop: check.sop, status: check.status };
  const divergence = check.divergence;
  if (divergence) {
    const shown: Record<string, unknown> = { kind: divergence.kind, at: divergence.at, message: divergence.message[lang] };
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
  const message = check.divergence?.message[lang] ?? 'diverged';
  const where = check.divergence?.where ? `${formatWhere(check.divergence.where)}: ` : '';
  const body = `${where}${message}\nrecorded: ${check.oldPath.join(' > ')} = ${check.oldOutcome ?? ''}\nnow:      ${check.newPath.join(' > ')}${check.newOutcome ? ` = ${check.newOutcome}` : ''}`;
  return `<failure message="${xmlAttr(message)}" type="${xmlAttr(check.divergence?.kind ?? 'diverged')}">${xmlEscape(body)}</failure>`;
}
