/**
 * A store made by a version-1 sop, holding lines, migrated to version 2 by `sop db init`: applied
 * once, in a transaction, the lines kept, the next sync knowing them, every chain intact, and every
 * SECURITY DEFINER function's search_path pinned (built binary, real PostgreSQL).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/shell/store/migrations.js';
import { sopAsync } from './cli.js';
import { journalWith } from './journal.js';
import { freshStore, sql, sqlBatch, testServer, type TestServer } from './server.js';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});

/** What a version-1 sop's `db init` left: sop_migrations at 1 and migration 1 applied. */
async function versionOneStore(): Promise<string> {
  const url = await freshStore(server);
  await sqlBatch(url, [
    ['begin'],
    ['create table sop_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())'],
    [MIGRATIONS[0]!.sql],
    ['insert into sop_migrations (version, name) values ($1, $2)', [1, MIGRATIONS[0]!.name]],
    ['grant select on sop_migrations to sop_counsellor, sop_supervisor'],
    ['commit'],
  ]);
  return url;
}

/** The lines of a data dir's files sent as a version-1 sop did: sop_ingest(journal, files[], sessions[], seqs[], raws[], anchors[]). */
async function syncAsVersionOne(url: string, dataDir: string, journal: string): Promise<number> {
  const items: { file: string; raw: string }[] = [];
  for (const [mode, dir] of [['calls', 'calls'], ['training', 'training']] as const) {
    for (const raw of readFileSync(join(dataDir, 'journal', dir, '2026-11.jsonl'), 'utf8').split('\n').filter(Boolean)) items.push({ file: `${mode}/2026-11`, raw });
  }
  const parsed = items.map((item) => JSON.parse(item.raw) as { session: string; seq: number });
  const [rows] = await sqlBatch(url, [
    [
      'select * from sop_ingest($1, $2, $3, $4, $5, $6)',
      [journal, items.map((i) => i.file), parsed.map((p) => p.session), parsed.map((p) => p.seq), items.map((i) => i.raw), items.map(() => false)],
    ],
  ]);
  expect(rows!.filter((row) => row['kind'] === 'refused')).toEqual([]);
  return Number(rows!.find((row) => row['kind'] === 'stored')!['detail']);
}

describe('sop db init on a version-1 store', () => {
  it('migrates it to version 2 once, keeping its lines; sync then sends only what is new', async () => {
    const url = await versionOneStore();
    const dataDir = await journalWith(6);
    const journal = createHash('sha256').update(dataDir).digest('hex').slice(0, 32);
    mkdirSync(join(dataDir, 'sync'), { recursive: true, mode: 0o700 });
    writeFileSync(join(dataDir, 'sync', 'journal-id'), `${journal}\n`, { mode: 0o600 });
    const old = await syncAsVersionOne(url, dataDir, journal);
    expect(old).toBeGreaterThan(30);

    const before = await sopAsync(['db', 'status', url, '--format', 'json']);
    expect(JSON.parse(before.stdout)).toMatchObject({ version: 1, tool: 2, state: 'older' });
    const refused = await sopAsync(['sync', '--db', url, '--data-dir', dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('has schema version 1; this sop needs 2. Migrate it with: sop db init');

    const init = await sopAsync(['db', 'init', url]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain('now has schema version 2 (applied: 2)');
    expect((await sopAsync(['db', 'init', url])).stderr).toContain('up to date (schema version 2)');
    expect(await sql(url, 'select version from sop_migrations order by version')).toEqual([{ version: 1 }, { version: 2 }]);
    const [{ n } = { n: '0' }] = await sql<{ n: string }>(url, 'select count(*) as n from sop_lines');
    expect(Number(n)).toBe(old);
    // The version-1 entry point is gone: a version-1 sop would be told the schema is newer, not half-work.
    expect(await sql(url, "select 1 from pg_proc where proname = 'sop_ingest' and pronargs = 6")).toEqual([]);

    await journalWith(2, dataDir, 25);
    const sync = await sopAsync(['sync', '--db', url, '--data-dir', dataDir]);
    expect(sync.code, sync.stderr).toBe(0);
    const local = ['calls', 'training'].map((dir) => readFileSync(join(dataDir, 'journal', dir, '2026-11.jsonl'), 'utf8').split('\n').filter(Boolean).length);
    expect(sync.stderr).toBe(`sop sync: sent ${local[0]! + local[1]! - old}, already there ${old}, conflicts 0\n`);
    const verify = await sopAsync(['log', 'verify', '--db', url]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });

  it('pins search_path = pg_catalog, <schema>, pg_temp in every SECURITY DEFINER function', async () => {
    const url = await versionOneStore();
    expect((await sopAsync(['db', 'init', url])).code).toBe(0);
    const schema = /schema=([^&]+)/.exec(url)![1]!;
    const rows = await sql<{ proname: string; config: string[] | null }>(
      url,
      `select p.proname, p.proconfig as config from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1 and p.prosecdef order by 1`,
      [schema],
    );
    expect(rows.map((row) => row.proname)).toEqual(['sop_ingest', 'sop_purge', 'sop_stage_open', 'sop_state']);
    for (const row of rows) expect(row.config, row.proname).toContain(`search_path=pg_catalog, ${schema}, pg_temp`);
  });

  it('a migration that fails leaves the store as it was (one transaction)', async () => {
    const url = await versionOneStore();
    // Something of the same name in the way: migration 2 cannot create sop_stage_open.
    await sql(url, 'create function sop_stage_open() returns void language sql as $$ select $$');
    const init = await sopAsync(['db', 'init', url]);
    expect(init.code).toBe(2);
    expect(await sql(url, 'select version from sop_migrations order by version')).toEqual([{ version: 1 }]);
    expect(await sql(url, "select 1 from pg_proc where proname = 'sop_ingest' and pronargs = 6")).toHaveLength(1);
  });
});
