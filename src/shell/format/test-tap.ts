/**
 * `sop test --format tap`: TAP version 14, failures as YAML diagnostics. The diagnostics' values
 * are quoted (JSON strings, through safeJson); a test point's description (scenario and file, a
 * path can hold anything) is plain text: neutralised like the pretty output (safeLine: escapes
 * and C0/C1 controls, DEL and bidi overrides removed; line breaks, U+2028/U+2029 among them,
 * folded into spaces), then `\` and `#` escaped as TAP 14 asks, so a file named `x # SKIP` cannot turn
 * a failure into a directive.
 */
import { formatWhere } from '../../core/check/where.js';
import type { Lang } from '../i18n.js';
import { safeLine } from '../text/safe-text.js';
import type { TestReport } from './test-report.js';
import { safeJson } from '../text/safe-json.js';
import { say } from '../i18n.js';

function yamlString(value: string): string {
  return safeJson(JSON.stringify(value));
}

function description(text: string): string {
  return safeLine(text)
    .replace(/\\/g, '\\\\')
    .replace(/#/g, '\\#');
}

export function formatTestTap(report: TestReport, lang: Lang): string {
  const lines = ['TAP version 14', `1..${report.results.length}`];
  report.results.forEach((result, index) => {
    const name = description(`${result.scenario} (${result.file})`);
    if (result.passed) {
      lines.push(`ok ${index + 1} - ${name}`);
      return;
    }
    lines.push(`not ok ${index + 1} - ${name}`, '  ---', '  failures:');
    for (const failure of result.failures) {
      lines.push(`    - code: ${failure.code}`, `      message: ${yamlString(say(lang, failure.message))}`);
      if (failure.expected !== undefined) lines.push(`      expected: ${yamlString(failure.expected)}`);
      if (failure.got !== undefined) lines.push(`      got: ${yamlString(failure.got)}`);
      if (failure.scenarioAt) lines.push(`      at: ${yamlString(formatWhere(failure.scenarioAt))}`);
      if (failure.sopAt) lines.push(`      sopAt: ${yamlString(formatWhere(failure.sopAt))}`);
    }
    lines.push('  ...');
  });
  return `${lines.join('\n')}\n`;
}
