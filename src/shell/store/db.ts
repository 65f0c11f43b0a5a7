/**
 * Talking to the store: `pg` is imported here only, and only by the commands that use a store
 * (sync, db, --db), so every other command starts without it. Every failure becomes a UserError
 * (exit 2) that says what to do, with the URL's password never shown.
 */
import type { Client, ClientConfig } from 'pg';
import { UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { redactIn, redactUrl } from './url.js';

export interface Store {
  readonly client: Client;
  readonly url: string;
  readonly lang: Lang;
  /** Runs a query, turning a failure into a clear message. */
  query<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, values?: readonly unknown[]): Promise<R[]>;
  /** `COPY … FROM STDIN` fed with these chunks (COPY's text format), a failure made clear like query's. */
  copyFrom(sql: string, chunks: readonly Buffer[]): Promise<void>;
  close(): Promise<void>;
}

/** A driver or server error as a message in the user's language (exit 2), the URL redacted. */
function storeError(error: unknown, url: string, lang: Lang): UserError {
  if (error instanceof UserError) return error;
  const e = error as { code?: string; message?: string; errno?: string };
  const where = redactUrl(url);
  const raw = redactIn(String(e.message ?? error), url);
  const code = e.code ?? '';
  const m = (en: string, uk: string): UserError => new UserError(say(lang, { en, uk }));
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH'].includes(code)) {
    return m(
      `cannot reach the store at ${where} (${code}). Is the server running and the address right? Nothing was changed; run the command again when it is reachable.`,
      `не вдається з'єднатися зі сховищем ${where} (${code}). Сервер працює, адреса правильна? Нічого не змінено; повторіть команду, коли сервер буде доступний.`,
    );
  }
  if (code === '28P01') {
    return m(
      `the store at ${where} refused the password. Check the password in the URL (SOP_DATABASE_URL or database_url).`,
      `сховище ${where} не прийняло пароль. Перевірте пароль в адресі (SOP_DATABASE_URL або database_url).`,
    );
  }
  if (code === '28000') {
    return m(
      `the store at ${where} refused this login: ${raw}. Ask the store's administrator for a login (docs/hotline-store.md).`,
      `сховище ${where} не прийняло цей вхід: ${raw}. Попросіть адміністратора сховища створити вхід (docs/hotline-store.md).`,
    );
  }
  if (code === '3D000') {
    return m(`the database in ${where} does not exist: ${raw}. Create it first (createdb), then sop db init.`, `бази даних з адреси ${where} не існує: ${raw}. Спершу створіть її (createdb), потім sop db init.`);
  }
  if (code === '42501') {
    return m(
      `the store at ${where} refused this: ${raw}. This login lacks the role for it (sop_counsellor to sync, sop_supervisor to read and purge; docs/hotline-store.md).`,
      `сховище ${where} відмовило: ${raw}. Цей вхід не має потрібної ролі (sop_counsellor — надсилати, sop_supervisor — читати й очищати; docs/hotline-store.md).`,
    );
  }
  if (code === '42P01' || code === '42883') {
    return m(`the store at ${where} has no sop schema yet (${raw}). Create it with: sop db init`, `у сховищі ${where} ще немає схеми sop (${raw}). Створіть її: sop db init`);
  }
  if (['57P01', '57P02', '57P03', 'ECONNRESET', 'EPIPE'].includes(code) || /Connection terminated|connection.*(closed|ended)|not queryable|terminating connection/i.test(raw)) {
    return m(
      `the connection to the store at ${where} was lost (${code || raw}). What was committed stays; run the command again to continue.`,
      `з'єднання зі сховищем ${where} втрачено (${code || raw}). Збережене лишається; повторіть команду, щоб продовжити.`,
    );
  }
  if (/SSL|TLS|certificate/i.test(raw)) {
    return m(`TLS to the store at ${where} failed: ${raw}. Check sslmode in the URL and the server's certificate.`, `TLS до сховища ${where} не вдалося: ${raw}. Перевірте sslmode в адресі й сертифікат сервера.`);
  }
  return m(`the store at ${where} failed: ${raw}${code ? ` (${code})` : ''}.`, `сховище ${where} повідомило про помилку: ${raw}${code ? ` (${code})` : ''}.`);
}

/** Connects (pg loaded now, not at start-up); a refused or unreachable server is a clear exit-2 error. */
export async function openStore(url: string, lang: Lang): Promise<Store> {
  const pg = (await import('pg')).default;
  const { connectionString, schema } = splitSchema(url);
  const config: ClientConfig = { connectionString, connectionTimeoutMillis: 10_000, ...(/[?&]application_name=/.test(connectionString) ? {} : { application_name: 'sop' }) };
  const client = new pg.Client(config);
  // A server that goes away between queries: surfaced by the next query, never an unhandled event.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw storeError(error, url, lang);
  }
  if (schema !== undefined) {
    try {
      await client.query("select set_config('search_path', $1, false)", [`"${schema.replace(/"/g, '""')}"`]);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw storeError(error, url, lang);
    }
  }
  return {
    client,
    url,
    lang,
    async query<R extends Record<string, unknown>>(sql: string, values: readonly unknown[] = []): Promise<R[]> {
      try {
        return (await client.query<R>(sql, values as unknown[])).rows;
      } catch (error) {
        throw storeError(error, url, lang);
      }
    },
    async copyFrom(sql: string, chunks: readonly Buffer[]): Promise<void> {
      // pg-copy-streams (like pg) is loaded only by a command that talks to a store.
      const { from } = await import('pg-copy-streams');
      const copy = client.query(from(sql));
      try {
        await new Promise<void>((resolve, reject) => {
          copy.on('finish', resolve);
          copy.on('error', reject);
          for (const chunk of chunks) copy.write(chunk);
          copy.end();
        });
      } catch (error) {
        throw storeError(error, url, lang);
      }
    },
    async close(): Promise<void> {
      await client.end().catch(() => undefined);
    },
  };
}

/** `?schema=NAME` in the URL (sop's own parameter, not the driver's): the schema the store lives in. */
export function splitSchema(url: string): { connectionString: string; schema?: string } {
  const match = /([?&])schema=([^&#]*)&?/.exec(url);
  if (!match) return { connectionString: url };
  const schema = decodeURIComponent(match[2]!);
  const rest = url.slice(0, match.index) + (url.slice(match.index + match[0].length) ? match[1] + url.slice(match.index + match[0].length) : '');
  return { connectionString: rest, ...(schema ? { schema } : {}) };
}

export interface SchemaStatus {
  /** 0: no sop schema here yet. */
  readonly version: number;
  readonly schema: string;
  readonly applied: readonly { version: number; name: string; appliedAt: string }[];
}

export async function schemaStatus(store: Store): Promise<SchemaStatus> {
  const [{ schema, path } = { schema: null, path: '' }] = await store.query<{ schema: string | null; path: string }>(
    "select current_schema() as schema, current_setting('search_path') as path",
  );
  if (schema === null) {
    // Nothing in search_path exists for this login: no such schema, or one it may not use (no role).
    const name = path.split(',')[0]!.trim().replace(/^"|"$/g, '');
    const [{ exists } = { exists: false }] = await store.query<{ exists: boolean }>('select exists (select 1 from pg_namespace where nspname = $1) as exists', [name]);
    const where = redactUrl(store.url);
    throw new UserError(
      exists
        ? say(store.lang, {
            en: `the store at ${where} refused this login the schema ${name}: it lacks the role for it (sop_counsellor to sync, sop_supervisor to read and purge; docs/hotline-store.md).`,
            uk: `сховище ${where} не дає цьому входу схему ${name}: вхід не має потрібної ролі (sop_counsellor — надсилати, sop_supervisor — читати й очищати; docs/hotline-store.md).`,
          })
        : say(store.lang, {
            en: `the store at ${where} has no schema ${name}. Create it (CREATE SCHEMA ${name}), then sop db init.`,
            uk: `у сховищі ${where} немає схеми ${name}. Створіть її (CREATE SCHEMA ${name}), потім sop db init.`,
          }),
    );
  }
  const [{ exists } = { exists: false }] = await store.query<{ exists: boolean }>(
    "select exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relname = 'sop_migrations') as exists",
  );
  if (!exists) return { version: 0, schema, applied: [] };
  const rows = await store.query<{ version: number; name: string; applied_at: Date }>('select version, name, applied_at from sop_migrations order by version');
  return {
    version: rows.reduce((max, row) => Math.max(max, row.version), 0),
    schema,
    applied: rows.map((row) => ({ version: row.version, name: row.name, appliedAt: row.applied_at.toISOString() })),
  };
}

/** A store whose schema is newer than this tool (or missing) cannot be used: exit 2, what to do. */
export async function requireSchema(store: Store): Promise<void> {
  let status: SchemaStatus;
  try {
    status = await schemaStatus(store);
  } catch (error) {
    throw storeError(error, store.url, store.lang);
  }
  const where = redactUrl(store.url);
  if (status.version === 0) {
    throw new UserError(say(store.lang, { en: `the store at ${where} has no sop schema yet. Create it with: sop db init`, uk: `у сховищі ${where} ще немає схеми sop. Створіть її: sop db init` }));
  }
  if (status.version > SCHEMA_VERSION) throw newerSchema(where, status.version, store.lang);
  if (status.version < SCHEMA_VERSION) {
    throw new UserError(
      say(store.lang, {
        en: `the store at ${where} has schema version ${status.version}; this sop needs ${SCHEMA_VERSION}. Migrate it with: sop db init`,
        uk: `сховище ${where} має схему версії ${status.version}; цьому sop потрібна ${SCHEMA_VERSION}. Оновіть її: sop db init`,
      }),
    );
  }
}

function newerSchema(where: string, version: number, lang: Lang): UserError {
  return new UserError(
    say(lang, {
      en: `the store at ${where} has schema version ${version}, newer than this sop knows (${SCHEMA_VERSION}). Update sop-runner on this machine; nothing was changed.`,
      uk: `сховище ${where} має схему версії ${version}, новішу, ніж знає цей sop (${SCHEMA_VERSION}). Оновіть sop-runner на цій машині; нічого не змінено.`,
    }),
  );
}

/** Applies the migrations not applied yet, each in its own transaction, under a lock so two inits never race. */
export async function migrate(store: Store): Promise<{ applied: number[]; version: number }> {
  const applied: number[] = [];
  await schemaStatus(store); // a missing schema, or one this login may not use: said plainly
  await store.query('begin');
  try {
    await store.query("select pg_advisory_xact_lock(hashtext('sop-migrate:' || current_schema()))");
    await store.query('create table if not exists sop_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())');
    await store.query('commit');
  } catch (error) {
    await store.query('rollback').catch(() => undefined);
    throw error;
  }
  for (const migration of MIGRATIONS) {
    await store.query('begin');
    try {
      await store.query("select pg_advisory_xact_lock(hashtext('sop-migrate:' || current_schema()))");
      const current = (await store.query<{ v: number | null }>('select max(version) as v from sop_migrations'))[0]?.v ?? 0;
      if (current > SCHEMA_VERSION) throw newerSchema(redactUrl(store.url), current, store.lang);
      const done = await store.query('select 1 from sop_migrations where version = $1', [migration.version]);
      if (done.length === 0) {
        await store.query(migration.sql);
        await store.query('insert into sop_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
        await store.query('grant select on sop_migrations to sop_counsellor, sop_supervisor');
        applied.push(migration.version);
      }
      await store.query('commit');
    } catch (error) {
      await store.query('rollback').catch(() => undefined);
      throw error;
    }
  }
  return { applied, version: SCHEMA_VERSION };
}
