/**
 * `--format junit`: one test case per file read, failing with one <failure> per error (and per
 * warning under --strict), its message in the language asked for; a finding that follows from
 * another is said in its root's failure, not as a failure of its own. No timestamps or durations:
 * the output is byte-identical per input and language.
 */
import type { Finding } from '../../core/findings/finding.js';
import { say, type Lang } from '../i18n.js';
import { foldFindings } from '../../core/validate/fold-findings.js';
import { messageWithConsequences } from './findings-summary.js';
import { junitXml } from './junit-xml.js';
import { xmlAttr, xmlEscape } from './xml-escape.js';

export function formatJunit(findings: readonly Finding[], files: readonly string[], strict: boolean, lang: Lang = 'en'): string {
  const byFile = new Map<string, Finding[]>();
  for (const file of files) byFile.set(file, []);
  const folded = new Map(foldFindings(findings).map(({ root, consequences }) => [root, consequences]));
  for (const finding of folded.keys()) {
    if (finding.severity === 'warning' && !strict) continue;
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  return junitXml(
    'sop validate',
    [...byFile.keys()].sort().map((name) => ({
      classname: 'sop validate',
      name,
      children: byFile.get(name)!.map((f) => {
        const text = `${f.file}:${f.line}:${f.col}: ${messageWithConsequences(f, folded.get(f) ?? [], lang)}`;
        return `<failure type="${f.rule} ${f.name}" message="${xmlAttr(`${f.rule} ${f.name}: ${say(lang, f.message)}`)}">${xmlEscape(text)}</failure>`;
      }),
    })),
  );
}
