/**
 * Ukrainian and English for the tool's own words. Messages live beside the code that uses them,
 * as `{ en, uk }` pairs: `say(lang, { en: 'Back', uk: 'Назад' })`.
 */
export type Lang = 'en' | 'uk';

export { type Message, say } from '../core/model/message.js';

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'uk';
}

/** The language of LANG / LC_ALL / LC_MESSAGES (uk_UA.UTF-8 -> uk), or undefined. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (!value) continue;
    const code = value.slice(0, 2).toLowerCase();
    if (isLang(code)) return code;
    if (value !== 'C' && value !== 'POSIX') return undefined;
  }
  return undefined;
}

/** Picks a localized SOP text in `lang`, falling back to English, then to any language. */
export { textIn as localize } from '../core/model/localize.js';
