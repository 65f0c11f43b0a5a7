/**
 * Findings as LSP diagnostics: the same code, message, hint and severity `sop validate` prints, in
 * the user's language. A finding is a point (1-based line and column, UTF-16 units as JavaScript
 * counts them); the range covers the word written there. Binary-file findings count columns in
 * bytes: those are turned into UTF-16 units first.
 */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Finding } from '../../core/findings/finding.js';
import { say, type Lang } from '../i18n.js';
import { lineAt } from './symbols-index.js';

const WORD = /[\p{L}\p{N}_./@$-]/u;

export function rangeOf(finding: Finding, text: string | undefined): Range {
  const line = Math.max(0, finding.line - 1);
  const lineText = text === undefined ? undefined : lineAt(text, line);
  let character = Math.max(0, finding.col - 1);
  if (lineText === undefined) return { start: { line, character }, end: { line, character } };
  if (finding.rule === 'SOP005' || finding.rule === 'SOP006') {
    character = Buffer.from(lineText, 'utf8').subarray(0, character).toString('utf8').length;
  }
  character = Math.min(character, lineText.length);
  let end = character;
  const quote = lineText[character];
  if (quote === '"' || quote === "'") {
    const close = lineText.indexOf(quote, character + 1);
    end = close === -1 ? lineText.length : close + 1;
  } else {
    while (end < lineText.length && WORD.test(lineText[end]!)) end++;
  }
  if (end === character) end = Math.min(lineText.length, character + 1);
  return { start: { line, character }, end: { line, character: end } };
}

export interface DiagnosticData {
  readonly rule: string;
  readonly fix?: { readonly from: string; readonly to: string };
}

export function toDiagnostic(finding: Finding, text: string | undefined, lang: Lang, stale = false): Diagnostic {
  const hint = finding.hint === undefined ? '' : ` (${say(lang, finding.hint)})`;
  const data: DiagnosticData = { rule: finding.rule, ...(finding.hint?.fix ? { fix: finding.hint.fix } : {}) };
  return {
    range: rangeOf(finding, text),
    severity: finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: `${finding.rule} ${finding.name}`,
    source: stale ? say(lang, { en: 'sop validate (before the YAML error)', uk: 'sop validate (до помилки YAML)' }) : 'sop validate',
    message: `${say(lang, finding.message)}${hint}`,
    data,
  };
}
