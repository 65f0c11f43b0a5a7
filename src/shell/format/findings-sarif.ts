/**
 * `--format sarif`: SARIF 2.1.0 for code scanning (e.g. github/codeql-action/upload-sarif). One
 * run, every rule described in the driver, results pointing at file/line/column. The rule
 * descriptions and result messages are in the language asked for, which the run's `language`
 * names (SARIF's place for it, §3.14.21); rule ids and names never change.
 */
import type { Finding } from '../../core/validate/finding.js';
import { ALL_RULES } from '../../core/validate/rules.js';
import { say, type Lang } from '../i18n.js';
import { messageWithHint } from './findings-summary.js';
import { safeJson } from './safe-json.js';

/** A relative URI with forward slashes, percent-encoded where needed. */
function toUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((part, index) => (index === 0 && /^[A-Za-z]:$/.test(part) ? part : encodeURIComponent(part)))
    .join('/');
}

export function formatSarif(findings: readonly Finding[], version: string, lang: Lang = 'en'): string {
  const ruleIndex = new Map(ALL_RULES.map((rule, index) => [rule.code, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sop-runner',
            version,
            rules: ALL_RULES.map((rule) => ({
              id: rule.code,
              name: rule.name,
              shortDescription: { text: say(lang, rule.summary) },
              fullDescription: { text: say(lang, rule.summary) },
              help: { text: say(lang, { en: `See docs/sop-format.md, rule ${rule.code} ${rule.name}.`, uk: `Див. docs/sop-format.md, правило ${rule.code} ${rule.name}.` }) },
              defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        language: lang,
        results: findings.map((f) => ({
          ruleId: f.rule,
          ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
          level: f.severity === 'error' ? 'error' : 'warning',
          message: { text: messageWithHint(f, lang) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(f.file) },
                region: { startLine: f.line, startColumn: f.col },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${safeJson(JSON.stringify(sarif, null, 2))}\n`;
}
