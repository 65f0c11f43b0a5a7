/** Counting findings, the one-line summary printed on stderr and a finding in one line, in English or Ukrainian. */
import type { Finding } from '../../core/validate/finding.js';
import { pluralUk } from '../../core/validate/plural-uk.js';
import { say, type Lang } from '../i18n.js';

/** A finding's message with its hint in parentheses, in `lang`: the one-line form of the CI formats. */
export function messageWithHint(finding: Finding, lang: Lang): string {
  const message = say(lang, finding.message);
  return finding.hint === undefined ? message : `${message} (${say(lang, finding.hint)})`;
}

export interface FindingCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly files: number;
}

export function countFindings(findings: readonly Finding[], files: number): FindingCounts {
  let errors = 0;
  for (const finding of findings) if (finding.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors, files };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function summaryLine(counts: FindingCounts, lang: Lang): string {
  if (lang === 'uk') {
    const files = pluralUk(counts.files, 'файл', 'файли', 'файлів');
    if (counts.errors === 0 && counts.warnings === 0) return `Проблем не знайдено (${files} перевірено).`;
    return `${pluralUk(counts.errors, 'помилка', 'помилки', 'помилок')}, ${pluralUk(counts.warnings, 'попередження', 'попередження', 'попереджень')} (${files} перевірено).`;
  }
  const files = plural(counts.files, 'file', 'files');
  if (counts.errors === 0 && counts.warnings === 0) return `No problems found in ${files}.`;
  return `${plural(counts.errors, 'error', 'errors')}, ${plural(counts.warnings, 'warning', 'warnings')} in ${files}.`;
}
