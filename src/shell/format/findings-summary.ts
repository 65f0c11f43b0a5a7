/** Counting findings and the one-line summary printed on stderr, in English or Ukrainian. */
import type { Finding } from '../../core/validate/finding.js';
import type { Lang } from '../i18n.js';

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

/** Ukrainian plural forms: 1 помилка, 2 помилки, 5 помилок. */
function pluralUk(count: number, one: string, few: string, many: string): string {
  const last = count % 10;
  const lastTwo = count % 100;
  const form = last === 1 && lastTwo !== 11 ? one : last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many;
  return `${count} ${form}`;
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
