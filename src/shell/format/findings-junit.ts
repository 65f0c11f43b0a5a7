/**
 * `--format junit`: one test case per file read, failing with one <failure> per error (and per
 * warning under --strict), its message in the language asked for. No timestamps or durations:
 * the output is byte-identical per input and language.
 */
import type { Finding } from '../../core/validate/finding.js';
import { say, type Lang } from '../i18n.js';
import { messageWithHint } from './findings-summary.js';
import { xmlEscape } from './xml-escape.js';

export function formatJunit(findings: readonly Finding[], files: readonly string[], strict: boolean, lang: Lang = 'en'): string {
  const byFile = new Map<string, Finding[]>();
  for (const file of files) byFile.set(file, []);
  for (const finding of findings) {
    if (finding.severity === 'warning' && !strict) continue;
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const names = [...byFile.keys()].sort();
  let failures = 0;
  let cases = '';
  for (const name of names) {
    const list = byFile.get(name)!;
    failures += list.length > 0 ? 1 : 0;
    cases += `    <testcase classname="sop validate" name="${xmlEscape(name)}"`;
    if (list.length === 0) {
      cases += '/>\n';
      continue;
    }
    cases += '>\n';
    for (const f of list) {
      const text = `${f.file}:${f.line}:${f.col}: ${messageWithHint(f, lang)}`;
      cases += `      <failure type="${f.rule} ${f.name}" message="${xmlEscape(`${f.rule} ${f.name}: ${say(lang, f.message)}`)}">${xmlEscape(text)}</failure>\n`;
    }
    cases += '    </testcase>\n';
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="sop validate" tests="${names.length}" failures="${failures}">\n` +
    `  <testsuite name="sop validate" tests="${names.length}" failures="${failures}" errors="0" skipped="0">\n` +
    cases +
    `  </testsuite>\n</testsuites>\n`
  );
}
