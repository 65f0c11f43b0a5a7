/** `sop db init|status`: migrations of the shared store (src/shell/store/). */
import { loadConfig } from '../config/load-config.js';
import { EXIT } from '../exit-codes.js';
import { say } from '../i18n.js';
import { migrate, openStore, schemaStatus } from '../store/db.js';
import { SCHEMA_VERSION } from '../store/migrations.js';
import { redactUrl, storeUrl } from '../store/url.js';

/** The options of `sop db`: this command owns them; cli/define-db.ts only parses argv into them. */
export interface DbOptions {
  readonly lang?: string;
  readonly format?: 'text' | 'json';
}

export async function runDbInit(given: string | undefined, options: DbOptions): Promise<number> {
  const config = await loadConfig({ flags: options.lang ? { lang: options.lang } : {} });
  const url = storeUrl(given, config.databaseUrl, config.lang);
  const store = await openStore(url, config.lang);
  try {
    const { applied, version } = await migrate(store);
    process.stderr.write(
      applied.length === 0
        ? say(config.lang, { en: `The store at ${redactUrl(url)} is up to date (schema version ${version}).\n`, uk: `Сховище ${redactUrl(url)} актуальне (версія схеми ${version}).\n` })
        : say(config.lang, {
            en: `The store at ${redactUrl(url)} now has schema version ${version} (applied: ${applied.join(', ')}). Roles: sop_counsellor, sop_supervisor.\n`,
            uk: `Сховище ${redactUrl(url)} тепер має схему версії ${version} (застосовано: ${applied.join(', ')}). Ролі: sop_counsellor, sop_supervisor.\n`,
          }),
    );
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export async function runDbStatus(given: string | undefined, options: DbOptions): Promise<number> {
  const config = await loadConfig({ flags: options.lang ? { lang: options.lang } : {} });
  const url = storeUrl(given, config.databaseUrl, config.lang);
  const store = await openStore(url, config.lang);
  try {
    const status = await schemaStatus(store);
    const state = status.version === 0 ? 'empty' : status.version > SCHEMA_VERSION ? 'newer' : status.version < SCHEMA_VERSION ? 'older' : 'current';
    if (options.format === 'json') {
      process.stdout.write(`${JSON.stringify({ url: redactUrl(url), schema: status.schema, version: status.version, tool: SCHEMA_VERSION, state, migrations: status.applied }, null, 2)}\n`);
    } else {
      const words = {
        empty: { en: 'no sop schema yet: run sop db init', uk: 'схеми sop ще немає: виконайте sop db init' },
        newer: { en: 'newer than this sop: update sop-runner', uk: 'новіша за цей sop: оновіть sop-runner' },
        older: { en: 'older than this sop: run sop db init to migrate', uk: 'старіша за цей sop: виконайте sop db init, щоб оновити' },
        current: { en: 'current', uk: 'актуальна' },
      } as const;
      process.stdout.write(
        say(config.lang, {
          en: `store    ${redactUrl(url)} (schema ${status.schema})\nversion  ${status.version} (this sop: ${SCHEMA_VERSION}; ${words[state].en})\n`,
          uk: `сховище ${redactUrl(url)} (схема ${status.schema})\nверсія   ${status.version} (цей sop: ${SCHEMA_VERSION}; ${words[state].uk})\n`,
        }) + status.applied.map((m) => `  ${m.version}  ${m.appliedAt}  ${m.name}\n`).join(''),
      );
    }
    return state === 'newer' || state === 'empty' ? EXIT.findings : EXIT.ok;
  } finally {
    await store.close();
  }
}
