/** `sop test` for people: one line per scenario, failures with file:line, coverage tables. */
import type { ChalkInstance } from 'chalk';
import { percent, type SopCoverage, type Tally } from '../../core/check/compute-coverage.js';
import { formatWhere } from '../../core/check/where.js';
import { say, type Lang } from '../i18n.js';
import { safeLine } from '../text/safe-text.js';
import { summarise, type TestReport } from './test-report.js';

function tally(value: Tally): string {
  return `${percent(value).toFixed(1).padStart(5)}% (${value.covered}/${value.total})`;
}

function formatCoverageTable(list: readonly SopCoverage[], lang: Lang, color: ChalkInstance, title: string): string[] {
  const lines = [color.bold(title)];
  const width = Math.max(3, ...list.map((sop) => sop.sop.length));
  lines.push(
    `  ${'SOP'.padEnd(width)}  ${say(lang, { en: 'steps', uk: 'кроки' }).padEnd(17)}  ${say(lang, { en: 'options', uk: 'варіанти' }).padEnd(17)}  ${say(lang, { en: 'branches', uk: 'гілки' })}`,
  );
  for (const sop of list) {
    const steps = tally(sop.steps);
    const paint = sop.steps.covered === sop.steps.total ? color.green : color.yellow;
    lines.push(`  ${sop.sop.padEnd(width)}  ${paint(steps.padEnd(17))}  ${tally(sop.options).padEnd(17)}  ${tally(sop.branches)}`);
  }
  const uncovered = list.flatMap((sop) => sop.uncovered);
  if (uncovered.length > 0) {
    lines.push(say(lang, { en: '  Not covered:', uk: '  Не покрито:' }));
    for (const element of uncovered) {
      const kind = say(lang, {
        step: { en: 'step', uk: 'крок' },
        option: { en: 'option', uk: 'варіант' },
        branch: { en: 'branch', uk: 'гілка' },
      }[element.kind]);
      lines.push(`    ${color.dim(formatWhere(element.where))}  ${kind} ${safeLine(element.id)}`);
    }
  }
  return lines;
}

export function formatTestPretty(report: TestReport, lang: Lang, color: ChalkInstance): string {
  const lines: string[] = [];
  for (const result of report.results) {
    if (result.passed) {
      lines.push(`${color.green('✓')} ${safeLine(result.scenario)} ${color.dim(`(${safeLine(result.file)})`)}`);
      continue;
    }
    // Scenario ids, answers and messages quoting them come from scenario files: neutralised.
    lines.push(`${color.red('✗')} ${color.bold(safeLine(result.scenario))} ${color.dim(`(${safeLine(result.file)})`)}`);
    for (const failure of result.failures) {
      const where = failure.scenarioAt ? `${formatWhere(failure.scenarioAt)}: ` : '';
      lines.push(`    ${where}${safeLine(say(lang, failure.message))}`);
      if (failure.expected !== undefined && failure.code !== 'wrong-step') {
        lines.push(`      ${say(lang, { en: 'expected:', uk: 'очікувалось:' })} ${color.green(safeLine(failure.expected))}`);
        lines.push(`      ${say(lang, { en: 'got:     ', uk: 'отримано:   ' })} ${color.red(safeLine(failure.got || '—'))}`);
      }
      if (failure.sopAt) lines.push(`      ${say(lang, { en: 'SOP:', uk: 'СОП:' })} ${formatWhere(failure.sopAt)}`);
    }
  }
  const coverage = report.coverage;
  if (coverage) {
    lines.push('');
    lines.push(...formatCoverageTable(coverage.scenarios, lang, color, say(lang, { en: 'Coverage by scenarios', uk: 'Покриття сценаріями' })));
    if (coverage.calls) {
      lines.push('');
      const n = coverage.callCount ?? 0;
      lines.push(
        ...formatCoverageTable(coverage.calls, lang, color, say(lang, { en: `Coverage by ${n} recorded call(s)`, uk: `Покриття записаними дзвінками (${n})` })),
      );
    }
    if (coverage.minimum !== undefined && (coverage.belowMinimum ?? []).length > 0) {
      lines.push(
        color.red(
          say(lang, {
            en: `Step coverage below ${coverage.minimum}% in: ${(coverage.belowMinimum ?? []).join(', ')}`,
            uk: `Покриття кроків нижче ${coverage.minimum}% у: ${(coverage.belowMinimum ?? []).join(', ')}`,
          }),
        ),
      );
    }
  }
  const { total, passed, failed } = summarise(report);
  lines.push('');
  const summary = say(lang, {
    en: `${total} scenario(s): ${passed} passed, ${failed} failed`,
    uk: `Сценаріїв: ${total}; пройшли: ${passed}; не пройшли: ${failed}`,
  });
  lines.push(failed > 0 ? color.red(summary) : color.green(summary));
  return `${lines.join('\n')}\n`;
}
