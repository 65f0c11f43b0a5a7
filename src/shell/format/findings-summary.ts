/** Counting findings, the one-line summary printed on stderr and a finding in one line, in English or Ukrainian. */
import type { Finding } from '../../core/findings/finding.js';
import { consequenceLines, foldFindings } from '../../core/validate/fold-findings.js';
import { pluralUk } from '../../core/model/plural-uk.js';
import { say, type Lang } from '../i18n.js';

/** A finding's message with its hint in parentheses, in `lang`: the one-line form of the CI formats. */
export function messageWithHint(finding: Finding, lang: Lang): string {
  const message = say(lang, finding.message);
  return finding.hint === undefined ? message : `${message} (${say(lang, finding.hint)})`;
}

/** messageWithHint, then what follows from the finding ("4 steps cannot be reached because of this"), one per line. */
export function messageWithConsequences(finding: Finding, consequences: readonly Finding[], lang: Lang): string {
  return [messageWithHint(finding, lang), ...consequenceLines(consequences).map((line) => `↳ ${say(lang, line)}`)].join('\n');
}

export interface FindingCounts {
  /** Root causes only: a finding folded under another is counted in `folded`. */
  readonly errors: number;
  readonly warnings: number;
  readonly files: number;
  /** Findings that follow from another one. */
  readonly folded?: number;
  /** Files whose YAML or shape is wrong: the semantic rules did not look at them. */
  readonly notChecked?: number;
}

export function countFindings(findings: readonly Finding[], files: number, notChecked = 0): FindingCounts {
  let errors = 0;
  let warnings = 0;
  const folded = foldFindings(findings);
  for (const { root } of folded) {
    if (root.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings, files, folded: findings.length - folded.length, notChecked };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function summaryLine(counts: FindingCounts, lang: Lang): string {
  const folded = counts.folded ?? 0;
  const notChecked = counts.notChecked ?? 0;
  if (lang === 'uk') {
    const files = pluralUk(counts.files, 'файл', 'файли', 'файлів');
    if (counts.errors === 0 && counts.warnings === 0) return `Проблем не знайдено (${files} перевірено).`;
    const more = folded > 0 ? ` (і ще ${folded}, що випливають із них)` : '';
    const skipped =
      notChecked > 0
        ? ` ${pluralUk(notChecked, 'файл', 'файли', 'файлів')} через помилки YAML чи схеми далі не перевірено: після виправлення можуть зʼявитися нові зауваження.`
        : '';
    return `${pluralUk(counts.errors, 'помилка', 'помилки', 'помилок')}${more}, ${pluralUk(counts.warnings, 'попередження', 'попередження', 'попереджень')} (${files} перевірено).${skipped}`;
  }
  const files = plural(counts.files, 'file', 'files');
  if (counts.errors === 0 && counts.warnings === 0) return `No problems found in ${files}.`;
  const more = folded === 0 ? '' : folded === 1 ? ' (and 1 more that follows from it)' : ` (and ${folded} more that follow from ${counts.errors + counts.warnings === 1 ? 'it' : 'them'})`;
  const skipped =
    notChecked > 0
      ? ` ${plural(notChecked, 'file', 'files')} not checked further because of YAML or schema errors: more findings may follow once they are fixed.`
      : '';
  return `${plural(counts.errors, 'error', 'errors')}${more}, ${plural(counts.warnings, 'warning', 'warnings')} in ${files}.${skipped}`;
}
