/**
 * The roles, enforced by the database itself (grants and row-level security), tried with real
 * logins. PGlite (the embedded fallback) is one user in one process: logins cannot be told apart
 * there, so these run only against a real server (SOP_TEST_DATABASE_URL; .ci/run sets it when one
 * listens on 127.0.0.1:5432).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sopAsync } from './cli.js';
import { journalWith } from './journal.js';
import { SECRET, sealedCall } from './sealed.js';
import { EMBEDDED, freshStore, sql, sqlBatch, testServer, withSchema, type TestServer } from './server.js';

const reason = 'PGlite (embedded fallback) has a single user: role tests need SOP_TEST_DATABASE_URL';

describe.skipIf(EMBEDDED)(`roles (real server only; skipped on the embedded one: ${reason})`, () => {
  let server: TestServer;
  let store: string;
  const tag = randomBytes(4).toString('hex');
  const login = (name: string): string => {
    const schema = /[?&]schema=([^&]+)/.exec(store)![1]!;
    const base = new URL(server.base);
    base.username = name;
    return withSchema(base.toString(), schema);
  };
  const c1 = `sop_t_${tag}_c1`;
  const c2 = `sop_t_${tag}_c2`;
  const sup = `sop_t_${tag}_sup`;

  beforeAll(async () => {
    server = await testServer();
    store = await freshStore(server);
    expect((await sopAsync(['db', 'init', store])).code).toBe(0);
    await sql(server.base, `create role ${c1} login in role sop_counsellor; create role ${c2} login in role sop_counsellor; create role ${sup} login in role sop_supervisor`);
    return async () => {
      await sql(server.base, `drop owned by ${c1}, ${c2}, ${sup}; drop role ${c1}; drop role ${c2}; drop role ${sup}`).catch(() => undefined);
    };
  });

  it('a counsellor syncs its rows, sees only them, and cannot change or delete any row', async () => {
    const one = await journalWith(3);
    const two = await journalWith(3);
    expect((await sopAsync(['sync', '--db', login(c1), '--data-dir', one])).code).toBe(0);
    expect((await sopAsync(['sync', '--db', login(c2), '--data-dir', two])).code).toBe(0);
    const [mine] = await sql<{ n: string; others: string }>(login(c1), `select count(*) as n, count(*) filter (where counsellor <> current_user) as others from sop_lines`);
    expect(Number(mine!.n)).toBeGreaterThan(0);
    expect(Number(mine!.others)).toBe(0);
    const [all] = await sql<{ n: string }>(store, 'select count(*) as n from sop_lines');
    expect(Number(all!.n)).toBeGreaterThan(Number(mine!.n));
    await expect(sql(login(c1), `update sop_lines set raw = 'x' where counsellor = '${c2}'`)).rejects.toThrow(/permission denied/);
    await expect(sql(login(c1), `update sop_lines set raw = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(sql(login(c1), `delete from sop_lines`)).rejects.toThrow(/permission denied/);
    await expect(sql(login(c1), `insert into sop_lines select * from sop_lines`)).rejects.toThrow(/permission denied/);
    await expect(sql(login(c1), `select * from sop_purged`)).rejects.toThrow(/permission denied/);
    await expect(sql(login(c1), `select * from sop_purge(now(), true)`)).rejects.toThrow(/permission denied/);
    // The rows carry the login that sent them, not what the client claims.
    expect(await sql(store, `select distinct counsellor from sop_lines order by 1`)).toEqual([{ counsellor: c1 }, { counsellor: c2 }]);
  });

  it('a supervisor reads every row but changes none; sealed values are ciphertext without the key', async () => {
    const dataDir = await journalWith(1);
    const { session } = await sealedCall(dataDir);
    expect((await sopAsync(['sync', '--db', login(c1), '--data-dir', dataDir])).code).toBe(0);
    const [seen] = await sql<{ n: string; counsellors: string }>(login(sup), 'select count(*) as n, count(distinct counsellor) as counsellors from sop_lines');
    expect(Number(seen!.counsellors)).toBeGreaterThanOrEqual(1);
    await expect(sql(login(sup), `update sop_lines set raw = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(sql(login(sup), `delete from sop_lines`)).rejects.toThrow(/permission denied/);
    const rows = await sql<{ raw: string; sealed: string | null }>(login(sup), `select raw, line->>'sealed' as sealed from sop_lines where session = $1 and line->>'redacted' = 'true'`, [session]);
    expect(rows.length).toBe(2);
    for (const row of rows) {
      expect(row.raw).not.toContain('Olena');
      expect(row.sealed).toBeTruthy();
    }
    const shown = await sopAsync(['log', 'show', session, '--db', login(sup)]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).not.toContain(SECRET);
  });

  it('a counsellor cannot hijack the SECURITY DEFINER functions with temp tables or functions of their names', async () => {
    const dataDir = await journalWith(1);
    const raw = readFileSync(join(dataDir, 'journal', 'calls', '2026-11.jsonl'), 'utf8').split('\n').filter(Boolean);
    const session = (JSON.parse(raw[0]!) as { session: string }).session;
    const lines = raw.filter((line) => line.includes(`"session":"${session}"`));
    const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
    const stage = [
      'insert into pg_temp.sop_stage (ord, file, anchor, body_hash, raw) select * from unnest($1::integer[], $2::text[], $3::boolean[], $4::text[], $5::text[])',
      [lines.map((_, i) => i), lines.map(() => 'calls/2026-11'), lines.map(() => false), lines.map((line) => sha256(line.slice(0, -75))), lines],
    ] as const;
    const journal = `hijack-${tag}`;

    // A staging table of its own, made first: sop_stage_open refuses it, and sop_ingest will not read it.
    await expect(
      sqlBatch(login(c1), [['create temp table sop_stage (ord integer, file text, anchor boolean, body_hash text, raw text)'], ['select sop_stage_open()']]),
    ).rejects.toThrow(/pg_temp.sop_stage was not made by sop_stage_open/);
    await expect(
      sqlBatch(login(c1), [['create temp table sop_stage (ord integer, file text, anchor boolean, body_hash text, raw text)'], [stage[0], [...stage[1]]], [`select * from sop_ingest('${journal}')`]]),
    ).rejects.toThrow(/nothing staged by sop_stage_open/);

    // Temp tables and functions named like the store's: the functions use the store's own.
    const results = await sqlBatch(login(c1), [
      ['create temp table sop_lines (journal text, session text, seq integer, raw text, body_hash text, counsellor text, line jsonb)'],
      [`insert into pg_temp.sop_lines values ('${journal}', 'fake', 0, 'x', 'x', 'x', '{}')`],
      ['create temp table sop_purged (journal text, session text)'],
      [`insert into pg_temp.sop_purged values ('${journal}', '${session}')`],
      ["create function pg_temp.sha256(bytea) returns bytea language sql as $$ select '\\x00'::bytea $$"],
      ["create function pg_temp.encode(bytea, text) returns text language sql as $$ select 'forged' $$"],
      ['begin'],
      ['select sop_stage_open()'],
      [stage[0], [...stage[1]]],
      [`select * from sop_ingest('${journal}')`],
      ['commit'],
      [`select * from sop_state('${journal}')`],
      ['select count(*)::integer as n from pg_temp.sop_lines'],
    ]);
    const ingested = results[9]!;
    expect(ingested.find((row) => row['kind'] === 'stored')).toMatchObject({ detail: String(lines.length) });
    expect(ingested.find((row) => row['kind'] === 'purged')).toMatchObject({ detail: '0' });
    expect(results[11]).toEqual([expect.objectContaining({ session, lines: lines.length })]);
    expect(results[12]).toEqual([{ n: 1 }]);
    const stored = await sql<{ hash: string; raw: string; counsellor: string }>(store, 'select hash, raw, counsellor from sop_lines where journal = $1 order by seq', [journal]);
    expect(stored.map((row) => row.raw)).toEqual(lines);
    expect(stored.map((row) => row.hash)).toEqual(lines.map(sha256));
    expect(new Set(stored.map((row) => row.counsellor))).toEqual(new Set([c1]));
  });

  it('a login without either role is refused by the database: exit 2, which role it lacks', async () => {
    const nobody = `sop_t_${tag}_nobody`;
    await sql(server.base, `create role ${nobody} login`);
    try {
      const result = await sopAsync(['sync', '--db', login(nobody), '--data-dir', await journalWith(1)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('lacks the role for it (sop_counsellor to sync');
    } finally {
      await sql(server.base, `drop role ${nobody}`);
    }
  });
});
