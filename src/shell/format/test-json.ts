/** `sop test --format json`: one JSON document on stdout (stable key order, no times). */
import { percent, type SopCoverage } from '../../core/check/compute-coverage.js';
import { formatWhere } from '../../core/check/where.js';
import type { Lang } from '../i18n.js';
import { summarise, type TestReport } from './test-report.js';
import { safeJson } from '../text/safe-json.js';
import { say } from '../i18n.js';

function coverageJson(list: readonly SopCoverage[]): unknown[] {
  return list.map((sop) => ({
    sop: sop.sop,
    file: sop.file,
    steps: { ...sop.steps, percent: percent(sop.steps) },
    options: { ...sop.options, percent: percent(sop.options) },
    branches: { ...sop.branches, percent: percent(sop.branches) },
    uncovered: sop.uncovered.map((element) => ({ kind: element.kind, id: element.id, at: formatWhere(element.where) })),
  }));
}

export function formatTestJson(report: TestReport, lang: Lang): string {
  const document = {
    summary: summarise(report),
    scenarios: report.results.map((result) => ({
      scenario: result.scenario,
      file: result.file,
      sop: result.sop,
      passed: result.passed,
      outcome: result.outcome ?? null,
      failures: result.failures.map((failure) => ({
        code: failure.code,
        message: say(lang, failure.message),
        ...(failure.expected !== undefined ? { expected: failure.expected } : {}),
        ...(failure.got !== undefined ? { got: failure.got } : {}),
        ...(failure.scenarioAt ? { at: formatWhere(failure.scenarioAt) } : {}),
        ...(failure.sopAt ? { sopAt: formatWhere(failure.sopAt) } : {}),
      })),
    })),
    ...(report.coverage
      ? {
          coverage: {
            scenarios: coverageJson(report.coverage.scenarios),
            ...(report.coverage.calls ? { calls: coverageJson(report.coverage.calls), callCount: report.coverage.callCount ?? 0 } : {}),
            ...(report.coverage.minimum !== undefined
              ? { minimum: report.coverage.minimum, belowMinimum: report.coverage.belowMinimum ?? [] }
              : {}),
          },
        }
      : {}),
  };
  return `${safeJson(JSON.stringify(document, null, 2))}\n`;
}
