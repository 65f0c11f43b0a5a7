import type { Localized } from './sop.js';

/**
 * A localized SOP text in `lang`, else English, else any language; '' when absent.
 * The one place this rule lives: the shell re-exports it as `localize`.
 */
export function textIn(text: Localized | undefined, lang: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text['en'] ?? Object.values(text)[0] ?? '';
}
