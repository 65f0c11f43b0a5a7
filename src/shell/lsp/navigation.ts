/**
 * Go to definition, find references and rename of step ids (within their SOP, and in the
 * scenarios that name them), SOP ids and directory ids (across the library). A rename onto an id
 * that already exists, or to something that is not an id, is refused whole: no edit is returned.
 */
import { ResponseError, ErrorCodes, type Location, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { say, type Lang } from '../i18n.js';
import type { Occurrence, SymbolIndex } from './symbols-index.js';

const ID = /^[a-z0-9][a-z0-9-]*$/;

export function definitionOf(index: SymbolIndex, occurrence: Occurrence, uriOf: (file: string) => string): Location[] {
  return index.occurrencesOf(occurrence).filter((o) => o.definition).map((o) => ({ uri: uriOf(o.file), range: o.range }));
}

export function referencesOf(index: SymbolIndex, occurrence: Occurrence, includeDeclaration: boolean, uriOf: (file: string) => string): Location[] {
  return index.occurrencesOf(occurrence).filter((o) => includeDeclaration || !o.definition).map((o) => ({ uri: uriOf(o.file), range: o.range }));
}

const WHAT = {
  step: { en: 'step', uk: 'крок' },
  sop: { en: 'SOP', uk: 'СОП' },
  contact: { en: 'directory contact', uk: 'контакт довідника' },
  outcome: { en: 'outcome', uk: 'результат' },
} as const;

export function renameEdit(index: SymbolIndex, occurrence: Occurrence, newName: string, lang: Lang, uriOf: (file: string) => string): WorkspaceEdit {
  const what = WHAT[occurrence.kind];
  if (!ID.test(newName) || newName.length > 64) {
    throw new ResponseError(ErrorCodes.InvalidParams, say(lang, { en: `'${newName}' is not an id: use lower-case letters, digits and hyphens`, uk: `«${newName}» не є ідентифікатором: використовуйте малі латинські літери, цифри й дефіси` }));
  }
  if (!index.has(occurrence)) {
    throw new ResponseError(ErrorCodes.InvalidRequest, say(lang, { en: `the ${what.en} '${occurrence.id}' is not defined anywhere; nothing to rename`, uk: `${what.uk} «${occurrence.id}» ніде не визначено; нема чого перейменовувати` }));
  }
  if (newName !== occurrence.id && index.has({ ...occurrence, id: newName })) {
    throw new ResponseError(ErrorCodes.InvalidRequest, say(lang, { en: `a ${what.en} '${newName}' already exists; choose another name`, uk: `${what.uk} «${newName}» уже існує; виберіть іншу назву` }));
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const o of index.occurrencesOf(occurrence)) (changes[uriOf(o.file)] ??= []).push({ range: o.range, newText: newName });
  return { changes };
}
