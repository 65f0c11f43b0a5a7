/**
 * `--format json`: one JSON document on stdout, findings sorted, keys in a fixed order. The same
 * in every language: `message` and `hint` in English, as they always were, and the Ukrainian
 * beside them under `uk`, so a script can show either. Every finding is listed; one that follows
 * from another has `cause` (that finding's file, line, col and rule). `errors` and `warnings` count
 * the root causes, `folded` the rest; `notChecked` the files the semantic rules skipped.
 */
import type { Finding } from '../../core/findings/finding.js';
import { countFindings } from './findings-summary.js';
import { safeJson } from '../text/safe-json.js';
import { say } from '../i18n.js';

export function formatJson(findings: readonly Finding[], files: readonly string[], notChecked = 0): string {
  const counts = countFindings(findings, files.length, notChecked);
  const list = findings.map((f) => ({
    file: f.file,
    line: f.line,
    col: f.col,
    rule: f.rule,
    name: f.name,
    severity: f.severity,
    message: say('en', f.message),
    ...(f.hint === undefined ? {} : { hint: say('en', f.hint) }),
    uk: { message: say('uk', f.message), ...(f.hint === undefined ? {} : { hint: say('uk', f.hint) }) },
    ...(f.cause === undefined ? {} : { cause: { file: f.cause.file, line: f.cause.line, col: f.cause.col, rule: f.cause.rule } }),
  }));
  const document = {
    version: 1,
    files: [...files],
    errors: counts.errors,
    warnings: counts.warnings,
    folded: counts.folded ?? 0,
    notChecked: counts.notChecked ?? 0,
    findings: list,
  };
  return `${safeJson(JSON.stringify(document, null, 2))}\n`;
}
