/**
 * `--format sarif`: SARIF 2.1.0 for code scanning (e.g. github/codeql-action/upload-sarif). One
 * run, every rule described in the driver, results pointing at file/line/column. The rule
 * descriptions and result messages are in the language asked for, which the run's `language`
 * names (SARIF's place for it, §3.14.21); rule ids and names never change.
 */
import type { Finding } from '../../core/findings/finding.js';
import { ALL_RULES } from '../../core/findings/rules.js';
import { say, type Lang } from '../i18n.js';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { consequenceLines, foldFindings } from '../../core/validate/fold-findings.js';
import { messageWithHint } from './findings-summary.js';
import { safeJson } from '../text/safe-json.js';

/**
 * Where a file is, for code scanning: relative to `root` (the folder sop ran in, the checkout in
 * CI) with forward slashes and percent-encoding, under the uriBaseId %SRCROOT%, so the scanner maps
 * it onto the repository. A file outside `root` gets an absolute file: URI and no base.
 */
function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  if (file === '<stdin>') return { uri: encodeURIComponent(file), uriBaseId: '%SRCROOT%' };
  const path = relative(root, resolve(root, file));
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return { uri: pathToFileURL(resolve(root, file)).href };
  return { uri: path.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function formatSarif(findings: readonly Finding[], version: string, lang: Lang = 'en', root: string = process.cwd()): string {
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
        // One result per root cause; the findings that follow from it are its related locations.
        results: foldFindings(findings).map(({ root: f, consequences }) => ({
          ruleId: f.rule,
          ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
          level: f.severity === 'error' ? 'error' : 'warning',
          message: { text: [messageWithHint(f, lang), ...consequenceLines(consequences).map((line) => say(lang, line))].join('\n') },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(f.file, root),
                region: { startLine: f.line, startColumn: f.col },
              },
            },
          ],
          ...(consequences.length === 0
            ? {}
            : {
                relatedLocations: consequences.map((c, index) => ({
                  id: index,
                  physicalLocation: { artifactLocation: artifactLocation(c.file, root), region: { startLine: c.line, startColumn: c.col } },
                  message: { text: `${c.rule} ${c.name}: ${say(lang, c.message)}` },
                })),
              }),
        })),
      },
    ],
  };
  return `${safeJson(JSON.stringify(sarif, null, 2))}\n`;
}
