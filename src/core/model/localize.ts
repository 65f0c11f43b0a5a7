import { tagChain } from './language-tag.js';
import type { Localized } from './sop.js';

/**
 * A localized SOP text in `lang` (or a broader tag: pt-BR -> pt), else English, else the first
 * language of the map; '' when absent. The loader puts each map's keys in the order of the SOP's
 * `languages:` (orderTexts), so "the first" is the SOP's first language.
 * The one place this rule lives: the shell re-exports it as `localize`.
 */
export function textIn(text: Localized | undefined, lang: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  for (const tag of tagChain(lang)) {
    const found = text[tag];
    if (found !== undefined) return found;
  }
  return text['en'] ?? Object.values(text)[0] ?? '';
}
