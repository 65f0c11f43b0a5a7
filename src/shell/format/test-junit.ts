/** `sop test --format junit`: JUnit XML that CI systems render (one testcase per scenario). */
import { formatWhere } from '../../core/check/where.js';
import type { Lang } from '../i18n.js';
import type { ScenarioResult } from '../../core/check/run-scenario.js';
import type { TestReport } from './test-report.js';
import { junitXml } from './junit-xml.js';
import { xmlAttr, xmlEscape } from './xml-escape.js';
import { say } from '../i18n.js';

/** One <failure> for a failed scenario: the first failure's message, every failure in the body. */
function failureOf(result: ScenarioResult, lang: Lang): string {
  const first = result.failures[0];
  const body = result.failures
    .map((failure) => {
      const where = [failure.scenarioAt, failure.sopAt].filter((ref) => ref !== undefined).map(formatWhere).join(' ');
      const diff = failure.expected !== undefined ? `\n  expected: ${failure.expected}\n  got:      ${failure.got ?? ''}` : '';
      return `${where ? `${where}: ` : ''}${say(lang, failure.message)}${diff}`;
    })
    .join('\n');
  return `<failure message="${xmlAttr((first ? say(lang, first.message) : ''))}" type="${xmlAttr(first?.code ?? 'failure')}">${xmlEscape(body)}</failure>`;
}

export function formatTestJunit(report: TestReport, lang: Lang, suiteName = 'sop test'): string {
  return junitXml(
    suiteName,
    report.results.map((result) => ({
      classname: result.sop,
      name: result.scenario,
      file: result.file,
      children: result.passed ? [] : [failureOf(result, lang)],
    })),
  );
}
