/**
 * Quick fixes: a did-you-mean finding offers its replacement (`sayy` -> `say`, an unknown step ->
 * the nearest id); a missing translation (SOP401) offers a stub line in that language to fill in.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { say, type Lang } from '../i18n.js';
import type { DiagnosticData } from './diagnostics.js';
import { lineAt, locate } from './symbols-index.js';

export function quickFixes(uri: string, text: string, diagnostics: readonly Diagnostic[], lang: Lang): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as DiagnosticData | undefined;
    if (data?.fix !== undefined) {
      const { from, to } = data.fix;
      const range = locate(text, diagnostic.range.start.line, diagnostic.range.start.character, '', from) ?? locate(text, diagnostic.range.start.line, 0, '', from);
      if (range === undefined) continue;
      actions.push({
        title: say(lang, { en: `Change '${from}' to '${to}'`, uk: `Замінити «${from}» на «${to}»` }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [uri]: [{ range, newText: to }] } },
      });
    } else if (data?.rule === 'SOP401') {
      const language = /'([a-z]{2,3}(?:-[A-Za-z0-9]+)?)'/.exec(typeof diagnostic.message === 'string' ? diagnostic.message : '')?.[1] ?? /«([a-z]{2,3})»/.exec(diagnostic.message)?.[1];
      const edit = language === undefined ? undefined : translationStub(text, diagnostic.range.start.line, language);
      if (edit === undefined || language === undefined) continue;
      actions.push({
        title: say(lang, { en: `Add a '${language}' translation to fill in`, uk: `Додати переклад «${language}», щоб заповнити` }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [edit] } },
      });
    }
  }
  return actions;
}

/** The stub: `<lang>: "TODO: <first translation>"`, in the flow mapping on the key's line, or as a line after the block mapping's entries. */
function translationStub(text: string, keyLine: number, language: string): TextEdit | undefined {
  const line = lineAt(text, keyLine);
  if (line === undefined) return undefined;
  const flow = /^(.*?:\s*\{)(.*)\}\s*$/.exec(line);
  const first = (body: string): string => /^\s*[\w-]+:\s*(.*?)\s*$/.exec(body)?.[1]?.replace(/^["']|["']$/g, '') ?? '';
  if (flow !== undefined && flow !== null) {
    const body = flow[2]!;
    const close = line.lastIndexOf('}');
    const sample = first(body.split(',')[0] ?? '');
    return { range: { start: { line: keyLine, character: close }, end: { line: keyLine, character: close } }, newText: `${body.trim() === '' ? '' : ', '}${language}: ${JSON.stringify(`TODO: ${sample}`)} ` };
  }
  const indent = line.length - line.trimStart().length;
  let last = keyLine;
  let childIndent: number | undefined;
  let sample = '';
  for (let current = keyLine + 1; ; current++) {
    const next = lineAt(text, current);
    if (next === undefined) break;
    if (next.trim() === '') continue;
    const own = next.length - next.trimStart().length;
    if (own <= indent) break;
    if (childIndent === undefined) {
      childIndent = own;
      sample = first(next);
    }
    last = current;
  }
  if (childIndent === undefined) return undefined;
  const end = lineAt(text, last)!.length;
  return { range: { start: { line: last, character: end }, end: { line: last, character: end } }, newText: `\n${' '.repeat(childIndent)}${language}: ${JSON.stringify(`TODO: ${sample}`)}` };
}
