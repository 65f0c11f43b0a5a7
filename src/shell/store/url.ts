/**
 * The store's address: `--db URL`, else SOP_DATABASE_URL, else `database_url` in the config file.
 * A URL is never printed with its password (redact).
 */
import { UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';

/** The URL with its password (and a `password=` parameter) replaced by `***`. */
export function redactUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, '$1:***@')
    .replace(/([?&]password=)[^&#]*/gi, '$1***');
}

/** Every occurrence of the URL, and of its password, in a message from the driver or server, redacted. */
export function redactIn(text: string, url: string): string {
  let out = text.split(url).join(redactUrl(url));
  const password = passwordOf(url);
  if (password !== undefined && password.length >= 3) out = out.split(password).join('***');
  return out;
}

function passwordOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const fromQuery = parsed.searchParams.get('password');
    if (fromQuery) return fromQuery;
    return parsed.password ? decodeURIComponent(parsed.password) : undefined;
  } catch {
    return undefined;
  }
}

/** The URL to use, or a clear exit-2 error when none is configured or it is not a postgres URL. */
export function storeUrl(given: string | boolean | undefined, configured: string | undefined, lang: Lang): string {
  const url = typeof given === 'string' ? given : configured;
  if (url === undefined || url === '') {
    throw new UserError(
      say(lang, {
        en: 'no database to use: give --db postgres://USER@HOST/DB, or set SOP_DATABASE_URL, or database_url in the config file (see docs/hotline-store.md).',
        uk: 'не вказано базу даних: додайте --db postgres://USER@HOST/DB, або задайте SOP_DATABASE_URL, або database_url у файлі налаштувань (див. docs/hotline-store.md).',
      }),
    );
  }
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new UserError(
      say(lang, {
        en: `${redactUrl(url)}: not a PostgreSQL URL. Write it as postgres://USER:PASSWORD@HOST:5432/DB (add ?sslmode=require for TLS).`,
        uk: `${redactUrl(url)}: це не адреса PostgreSQL. Запишіть як postgres://USER:PASSWORD@HOST:5432/DB (для TLS додайте ?sslmode=require).`,
      }),
    );
  }
  return url;
}
