/**
 * Puts the keys of each of an SOP's language maps in the order of its `languages:`, so a reader
 * whose language and English are both missing gets the SOP's first language (textIn takes the
 * map's first key), not whichever translation the author happened to write first.
 */
import type { Localized, Sop } from '../model/sop.js';
import { textsOf } from '../model/texts-of.js';

/**
 * Reorders in place, and only the maps out of order (almost none: authors write languages in
 * order), so the parsed value is neither copied nor touched in the usual case.
 */
export function orderTexts(sop: Sop): Sop {
  const maps = [...textsOf(sop).map(({ text }) => text), ...Object.values(sop.steps).map((step) => step.source)];
  for (const text of maps) if (isMap(text)) reorder(text, sop.languages);
  return sop;
}

function isMap(text: Localized | undefined): text is Record<string, string> {
  return typeof text === 'object' && text !== null;
}

function reorder(text: Record<string, string>, languages: readonly string[]): void {
  const keys = Object.keys(text);
  const wanted = [...languages.filter((language) => language in text), ...keys.filter((key) => !languages.includes(key))];
  if (wanted.every((key, index) => keys[index] === key)) return;
  const entries = wanted.map((key) => [key, text[key] as string] as const);
  for (const key of keys) delete text[key];
  for (const [key, value] of entries) text[key] = value;
}
