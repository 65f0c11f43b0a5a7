/**
 * A real PostgreSQL for the store tests, never a mock: the server at SOP_TEST_DATABASE_URL when
 * set, else an embedded PGlite this file starts (test/store/pglite-server.mjs). Each test gets a
 * schema of its own (created, and dropped after the test file), so tests run in parallel and repeat.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll } from 'vitest';
import { splitSchema } from '../../src/shell/store/db.js';

export const EXTERNAL = process.env['SOP_TEST_DATABASE_URL'];
/** Roles and logins are real only on a real server: PGlite is one user in one process. */
export const EMBEDDED = EXTERNAL === undefined || EXTERNAL === '';

export interface TestServer {
  /** postgres://… of the server (no schema). */
  readonly base: string;
  /** Stops the embedded server (undefined for an external one). */
  readonly stop?: () => Promise<void>;
  /** Starts the embedded server again on the same port and folder (after stop): what was committed is there. */
  readonly restart?: () => Promise<void>;
}

let embedded: { child: ChildProcess; port: number } | undefined;

let folder: string | undefined;

async function startEmbedded(port = 0): Promise<{ child: ChildProcess; port: number }> {
  const script = fileURLToPath(new URL('./pglite-server.mjs', import.meta.url));
  folder ??= mkdtempSync(join(tmpdir(), 'sop-pglite-'));
  const child = spawn(process.execPath, [script, String(port), folder], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the embedded PostgreSQL (PGlite) exited with ${code}`)));
  });
  return { child, port: Number(line) };
}

async function stopEmbedded(): Promise<void> {
  const current = embedded;
  if (!current) return;
  embedded = undefined;
  if (current.child.exitCode !== null || current.child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    current.child.once('exit', () => resolve());
    current.child.kill('SIGKILL');
  });
}

export async function testServer(): Promise<TestServer> {
  if (!EMBEDDED) return { base: EXTERNAL! };
  if (!embedded) {
    embedded = await startEmbedded();
  }
  const port = embedded.port;
  return {
    base: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: stopEmbedded,
    restart: async () => {
      embedded = await startEmbedded(port);
    },
  };
}

const schemas: { base: string; name: string }[] = [];
afterAll(async () => {
  for (const { base, name } of schemas.splice(0)) {
    const client = new pg.Client({ connectionString: base });
    try {
      await client.connect();
      await client.query(`drop schema if exists "${name}" cascade`);
    } catch {
      // The embedded server was stopped by the test: nothing left to drop.
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  await stopEmbedded();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** A new empty schema on the test server; its store URL (`?schema=`). */
export async function freshStore(server: TestServer): Promise<string> {
  const name = `sop_test_${randomBytes(5).toString('hex')}`;
  await sql(server.base, `create schema "${name}"`);
  schemas.push({ base: server.base, name });
  return withSchema(server.base, name);
}

export function withSchema(base: string, schema: string): string {
  return `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
}

/** Runs SQL on the server as the URL's user (a schema in the URL is set as search_path). */
export async function sql<R extends Record<string, unknown> = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const { connectionString, schema } = splitSchema(url);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    if (schema) await client.query(`set search_path to "${schema}"`);
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Several statements on one connection, in order (a transaction, temp tables): each one's rows. */
export async function sqlBatch(url: string, statements: readonly (readonly [string, unknown[]?])[]): Promise<Record<string, unknown>[][]> {
  const { connectionString, schema } = splitSchema(url);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    if (schema) await client.query(`set search_path to "${schema}"`);
    const results: Record<string, unknown>[][] = [];
    for (const [text, values] of statements) results.push((await client.query(text, values ?? [])).rows);
    return results;
  } finally {
    await client.end();
  }
}
