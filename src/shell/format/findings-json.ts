/**
 * `--format json`: one JSON document on stdout, findings sorted, keys in a fixed order. The same
 * in every language: `message` and `hint` in English, as they always were, and the Ukrainian
 * beside them under `uk`, so a script can show either.
 */
import type { Finding } from '../../core/validate/finding.js';
import { countFindings } from './findings-summary.js';
import { safeJson } from './safe-json.js';

export function formatJson(findings: readonly Finding[], files: readonly string[]): string {
  const counts = countFindings(findings, files.length);
  const list = findings.map((f) => ({
    file: f.file,
    line: f.line,
    col: f.col,
    rule: f.rule,
    name: f.name,
    severity: f.severity,
    message: f.message.en,
    ...(f.hint === undefined ? {} : { hint: f.hint.en }),
    uk: { message: f.message.uk, ...(f.hint === undefined ? {} : { hint: f.hint.uk }) },
  }));
  return `${safeJson(JSON.stringify({ version: 1, files: [...files], errors: counts.errors, warnings: counts.warnings, findings: list }, null, 2))}\n`;
}
