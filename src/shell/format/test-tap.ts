/** `sop test --format tap`: TAP version 14, failures as YAML diagnostics. */
import { formatWhere } from '../../core/check/where.js';
import type { Lang } from '../i18n.js';
import type { TestReport } from './test-report.js';
import { safeJson } from './safe-json.js';

function yamlString(value: string): string {
  return safeJson(JSON.stringify(value));
}

export function formatTestTap(report: TestReport, lang: Lang): string {
  const lines = ['TAP version 14', `1..${report.results.length}`];
  report.results.forEach((result, index) => {
    const name = `${result.scenario} (${result.file})`;
    if (result.passed) {
      lines.push(`ok ${index + 1} - ${name}`);
      return;
    }
    lines.push(`not ok ${index + 1} - ${name}`, '  ---', '  failures:');
    for (const failure of result.failures) {
      lines.push(`    - code: ${failure.code}`, `      message: ${yamlString(failure.message[lang])}`);
      if (failure.expected !== undefined) lines.push(`      expected: ${yamlString(failure.expected)}`);
      if (failure.got !== undefined) lines.push(`      got: ${yamlString(failure.got)}`);
      if (failure.scenarioAt) lines.push(`      at: ${yamlString(formatWhere(failure.scenarioAt))}`);
      if (failure.sopAt) lines.push(`      sopAt: ${yamlString(formatWhere(failure.sopAt))}`);
    }
    lines.push('  ...');
  });
  return `${lines.join('\n')}\n`;
}
