/** `sop test --format junit`: JUnit XML that CI systems render (one testcase per scenario). */
import { formatWhere } from '../../core/check/where.js';
import type { Lang } from '../i18n.js';
import { summarise, type TestReport } from './test-report.js';
import { xmlEscape } from './xml-escape.js';

export function formatTestJunit(report: TestReport, lang: Lang, suiteName = 'sop test'): string {
  const { total, failed } = summarise(report);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlEscape(suiteName)}" tests="${total}" failures="${failed}" errors="0">`,
    `  <testsuite name="${xmlEscape(suiteName)}" tests="${total}" failures="${failed}" errors="0" skipped="0">`,
  ];
  for (const result of report.results) {
    const open = `    <testcase classname="${xmlEscape(result.sop)}" name="${xmlEscape(result.scenario)}" file="${xmlEscape(result.file)}"`;
    if (result.passed) {
      lines.push(`${open}/>`);
      continue;
    }
    const first = result.failures[0];
    const body = result.failures
      .map((failure) => {
        const where = [failure.scenarioAt, failure.sopAt].filter((ref) => ref !== undefined).map(formatWhere).join(' ');
        const diff = failure.expected !== undefined ? `\n  expected: ${failure.expected}\n  got:      ${failure.got ?? ''}` : '';
        return `${where ? `${where}: ` : ''}${failure.message[lang]}${diff}`;
      })
      .join('\n');
    lines.push(
      `${open}>`,
      `      <failure message="${xmlEscape(first?.message[lang] ?? '')}" type="${xmlEscape(first?.code ?? 'failure')}">${xmlEscape(body)}</failure>`,
      '    </testcase>',
    );
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
