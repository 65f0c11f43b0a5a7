/**
 * The language of the tool's own words: a BCP 47 tag with a catalogue (availableLanguages).
 * Chosen by --lang, then the config file's `language`, then LC_ALL / LC_MESSAGES / LANG; a
 * wanted tag gets the nearest one there is (pt-BR -> pt), and one with none is a usage error
 * that lists the languages there are.
 */
import { bestMatch, canonicalTag } from '../core/model/language-tag.js';
import { catalogueLanguages } from './catalogues.js';

export type Lang = string;

export { type Message, say } from '../core/model/message.js';

/** The languages the tool speaks: one per catalogue (locales/*.ftl). */
export function availableLanguages(): readonly Lang[] {
  return catalogueLanguages();
}

/** The language to speak for `wanted` (a tag, any case, _ or -): itself or a broader one; else undefined. */
export function resolveLang(wanted: unknown, available: readonly Lang[] = availableLanguages()): Lang | undefined {
  if (typeof wanted !== 'string') return undefined;
  const tag = canonicalTag(wanted);
  return tag === undefined ? undefined : bestMatch(tag, available);
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && availableLanguages().includes(value);
}

/**
 * The language of LC_ALL / LC_MESSAGES / LANG, the first one set (pl_PL.UTF-8 -> pl,
 * pt_BR -> pt-BR, else pt), or undefined. C and POSIX say nothing, so the next is read; any
 * other locale (C.UTF-8 too) the tool does not speak means the default, not a guess from a
 * variable further down.
 */
export function langFromEnv(env: NodeJS.ProcessEnv, available: readonly Lang[] = availableLanguages()): Lang | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (!value) continue;
    if (value === 'C' || value === 'POSIX') continue;
    return resolveLang(localeTag(value), available);
  }
  return undefined;
}

/** uk_UA.UTF-8 -> uk_UA, sr_RS@latin -> sr_RS: the part of a POSIX locale that names the language. */
function localeTag(locale: string): string {
  return locale.replace(/[.@].*$/, '');
}

/** "en (English), pl (polski), uk (українська)": each available language in its own words. */
export function languageList(): string {
  return availableLanguages()
    .map((tag) => `${tag} (${ownName(tag)})`)
    .join(', ');
}

function ownName(tag: Lang): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Picks a localized SOP text in `lang`, falling back to English, then to any language. */
export { textIn as localize } from '../core/model/localize.js';
