/** Validation findings, one a line (file:line:col severity rule name: message), for refusing a broken SOP. */
import chalk from 'chalk';
import type { Finding } from '../../core/validate/finding.js';
import { safeLine } from './safe-text.js';

export function renderFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const severity = f.severity === 'error' ? chalk.red('error') : chalk.yellow('warning');
      const hint = f.hint ? chalk.dim(` (${safeLine(f.hint)})`) : '';
      return `${safeLine(f.file)}:${f.line}:${f.col}  ${severity}  ${f.rule} ${f.name}: ${safeLine(f.message)}${hint}`;
    })
    .join('\n');
}
