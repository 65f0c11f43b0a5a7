/**
 * `sop db` and `sop sync` through the built binary against a real PostgreSQL (test/store/server.ts):
 * idempotent, resumable, conflicts reported and never overwritten, the chain checked by the server.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sop, sopAsync } from './cli.js';
import { emptyDataDir, journalWith } from './journal.js';
import { EMBEDDED, freshStore, sql, sqlBatch, testServer, type TestServer } from './server.js';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});

async function initialised(): Promise<string> {
  const url = await freshStore(server);
  const init = await sopAsync(['db', 'init', url]);
  expect(init.stderr).toContain('schema version 2');
  expect(init.code).toBe(0);
  return url;
}

/** sop_stage_open, the lines staged by hand, sop_ingest: what any client of the store may do, in one transaction. */
async function ingestByHand(url: string, lines: readonly string[], anchors: readonly boolean[]): Promise<{ kind: string; seq: number; detail: string }[]> {
  const hashes = lines.map((line) => createHash('sha256').update(line.slice(0, -75)).digest('hex'));
  const [, , , rows] = await sqlBatch(url, [
    ['begin'],
    ['select sop_stage_open()'],
    [
      'insert into pg_temp.sop_stage (ord, file, anchor, body_hash, raw) select * from unnest($1::integer[], $2::text[], $3::boolean[], $4::text[], $5::text[])',
      [lines.map((_, i) => i), lines.map(() => 'calls/2026-11'), anchors, hashes, lines],
    ],
    ["select * from sop_ingest('j1')"],
    ['commit'],
  ]);
  return rows as { kind: string; seq: number; detail: string }[];
}

function localLines(dataDir: string): number {
  let n = 0;
  for (const file of ['calls/2026-11.jsonl', 'training/2026-11.jsonl']) {
    n += readFileSync(join(dataDir, 'journal', file), 'utf8').split('\n').filter(Boolean).length;
  }
  return n;
}

/** Every (journal, session, seq) once, seq 0..n-1 per session, each line's prev the hash of its file predecessor. */
async function storeIsIntact(url: string): Promise<{ lines: number; sessions: number }> {
  const [dupes] = await sql<{ n: string }>(url, 'select count(*) - count(distinct (journal, session, seq)) as n from sop_lines');
  expect(Number(dupes!.n)).toBe(0);
  const gaps = await sql(url, 'select session from sop_lines group by journal, session having max(seq) + 1 <> count(*) or min(seq) <> 0');
  expect(gaps).toEqual([]);
  const broken = await sql(
    url,
    `select l.session, l.seq from sop_lines l left join sop_lines p on p.journal = l.journal and p.session = l.prev_session and p.seq = l.prev_seq
     where (l.prev_session is null and l.prev <> repeat('0', 64))
        or (l.prev_session is not null and encode(sha256(convert_to(left(p.raw, -75) || ',"prev":"' || l.pred_prev || '"}', 'UTF8')), 'hex') <> l.prev)`,
  );
  expect(broken).toEqual([]);
  const [count] = await sql<{ lines: string; sessions: string }>(url, 'select count(*) as lines, count(distinct session) as sessions from sop_lines');
  return { lines: Number(count!.lines), sessions: Number(count!.sessions) };
}

describe('sop db', () => {
  it('init creates the schema once; status shows the version; a second init changes nothing', async () => {
    const url = await freshStore(server);
    const before = await sopAsync(['db', 'status', url]);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('no sop schema yet');
    expect((await sopAsync(['db', 'init', url])).code).toBe(0);
    const again = await sopAsync(['db', 'init', url]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('up to date (schema version 2)');
    const status = await sopAsync(['db', 'status', url, '--format', 'json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ version: 2, tool: 2, state: 'current' });
    expect(await sql(url, 'select version from sop_migrations order by version')).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('a schema newer than the tool: status says so, sync refuses with exit 2 and changes nothing', async () => {
    const url = await initialised();
    await sql(url, "insert into sop_migrations (version, name) values (99, 'from the future')");
    const status = await sopAsync(['db', 'status', url]);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain('newer than this sop');
    const dataDir = await journalWith(2);
    const result = await sopAsync(['sync', '--db', url, '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('schema version 99, newer than this sop knows (2). Update sop-runner');
    expect(await sql(url, 'select 1 from sop_lines')).toEqual([]);
  });

  it('an unreachable server: exit 2, a clear message, the password never shown', async () => {
    const url = 'postgres://olena:s3cret-word@127.0.0.1:1/hotline';
    for (const args of [['db', 'status', url], ['sync', '--db', url, '--data-dir', await journalWith(1)]]) {
      const result = await sopAsync(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('cannot reach the store at postgres://olena:***@127.0.0.1:1/hotline (ECONNREFUSED)');
      expect(result.stderr + result.stdout).not.toContain('s3cret');
    }
    const viaEnv = await sopAsync(['sync', '--data-dir', await journalWith(1)], { SOP_DATABASE_URL: url });
    expect(viaEnv.code).toBe(2);
    expect(viaEnv.stderr).not.toContain('s3cret');
  });

  it('sop config shows the store and sync setting, never the password', async () => {
    const url = 'postgres://olena:s3cret-word@db.example.org/hotline?sslmode=require';
    for (const format of ['text', 'json']) {
      const result = await sopAsync(['config', '--format', format], { SOP_DATABASE_URL: url });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('postgres://olena:***@db.example.org/hotline?sslmode=require');
      expect(result.stdout).not.toContain('s3cret');
    }
  });

  it('no store configured: exit 2 and how to give one', async () => {
    const result = await sopAsync(['sync', '--data-dir', emptyDataDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give --db postgres://');
  });
});

describe('sop sync', () => {
  it('pushes every line once; a second run sends nothing and does not even connect; --full asks again', async () => {
    const url = await initialised();
    const dataDir = await journalWith(12);
    const total = localLines(dataDir);
    const first = await sopAsync(['sync', '--db', url, '--data-dir', dataDir]);
    expect(first.stderr).toBe(`sop sync: sent ${total}, already there 0, conflicts 0\n`);
    expect(first.code).toBe(0);
    expect(await storeIsIntact(url)).toEqual({ lines: total, sessions: 13 });
    const second = await sopAsync(['sync', '--db', url, '--data-dir', dataDir]);
    expect(second.stderr).toBe(`sop sync: sent 0, already there ${total}, conflicts 0 (nothing changed since the last sync)\n`);
    // Unchanged files: the store is not asked (an unreachable URL for the same store key would fail otherwise).
    const full = await sopAsync(['sync', '--db', url, '--data-dir', dataDir, '--full']);
    expect(full.stderr).toBe(`sop sync: sent 0, already there ${total}, conflicts 0\n`);
    // New calls: only they go.
    await journalWith(3, dataDir, 21);
    const more = await sopAsync(['sync', '--db', url, '--data-dir', dataDir]);
    expect(more.stderr).toBe(`sop sync: sent ${localLines(dataDir) - total}, already there ${total}, conflicts 0\n`);
    expect((await storeIsIntact(url)).lines).toBe(localLines(dataDir));
  });

  it('--dry-run says what would go and stores nothing', async () => {
    const url = await initialised();
    const dataDir = await journalWith(4);
    const dry = await sopAsync(['sync', '--db', url, '--data-dir', dataDir, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toBe(`sop sync: would send ${localLines(dataDir)}, already there 0, conflicts 0\n`);
    expect(await sql(url, 'select 1 from sop_lines')).toEqual([]);
    const real = await sopAsync(['sync', '--db', url, '--data-dir', dataDir]);
    expect(real.stderr).toContain(`sent ${localLines(dataDir)},`);
  });

  it('a tampered line already in the store is a conflict, reported; the store keeps its copy', async () => {
    const url = await initialised();
    const dataDir = await journalWith(3);
    expect((await sopAsync(['sync', '--db', url, '--data-dir', dataDir])).code).toBe(0);
    const file = join(dataDir, 'journal', 'calls', '2026-11.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    const original = lines[4]!;
    lines[4] = original.replace('"ms":', '"ms":9');
    writeFileSync(file, lines.join('\n'));
    const result = await sopAsync(['sync', '--db', url, '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    const session = JSON.parse(original).session as string;
    expect(result.stderr).toContain(`sop sync: conflict: ${file}:5: session ${session} line 4 differs from the copy in the store; the store's copy is kept.`);
    expect(result.stderr).toMatch(/conflicts 1/);
    const [kept] = await sql<{ raw: string }>(url, 'select raw from sop_lines where session = $1 and seq = 4', [session]);
    expect(kept!.raw).toBe(original);
    // Reported again next time: a conflict is never cached away.
    expect((await sopAsync(['sync', '--db', url, '--data-dir', dataDir])).code).toBe(1);
  });

  it('a line edited before it was synced: the server refuses the broken prev and names the line', async () => {
    const url = await initialised();
    const dataDir = await journalWith(3);
    const file = join(dataDir, 'journal', 'calls', '2026-11.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[6] = lines[6]!.replace('"ms":', '"ms":1');
    writeFileSync(file, lines.join('\n'));
    const result = await sopAsync(['sync', '--db', url, '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`sop sync: refused: ${file}:8 (session `);
    expect(result.stderr).toContain('broken prev: it is not the hash of the line before it');
    // The lines before the break are in; nothing after it in that file.
    const [{ n } = { n: '0' }] = await sql<{ n: string }>(url, "select count(*) as n from sop_lines where file = 'calls/2026-11'");
    expect(Number(n)).toBe(7);
  });

  it('the server refuses a gap in a session and a broken prev, whoever calls sop_ingest', async () => {
    const url = await initialised();
    const dataDir = await journalWith(1);
    const raw = readFileSync(join(dataDir, 'journal', 'calls', '2026-11.jsonl'), 'utf8').split('\n').filter(Boolean);
    // Lines 0 and 2, without 1: line 2's prev is not the hash of line 0, and seq 1 is missing.
    const rows = await ingestByHand(url, [raw[0]!, raw[2]!], [false, false]);
    expect(rows.find((row) => row.kind === 'refused')).toMatchObject({ seq: 2, detail: 'broken prev: it is not the hash of the line before it' });
    expect(rows.find((row) => row.kind === 'stored')).toMatchObject({ detail: '1' });
    // An anchor the store does not have: refused too, nothing stored.
    const anchorless = await ingestByHand(url, [raw[2]!, raw[3]!], [true, false]);
    expect(anchorless.find((row) => row.kind === 'refused')).toMatchObject({ seq: 2, detail: 'the line before it is not in the store: sync the file from its start' });
    // Line 1 with the right chain but seq skipped: a gap (sent after line 0, chained to it, seq 5).
    const forged = raw[1]!.replace('"seq":1,', '"seq":5,');
    const gap = await ingestByHand(url, [raw[0]!, forged], [true, false]);
    expect(gap.find((row) => row.kind === 'refused')).toMatchObject({ seq: 5, detail: 'gap: line 4 of this session is missing' });
    expect(await sql(url, 'select seq from sop_lines')).toEqual([{ seq: 0 }]);
    // Nothing staged on this connection: sop_ingest refuses to run. (PGlite serves every
    // connection from its one backend, so there the staging table outlives a connection.)
    if (!EMBEDDED) await expect(sql(url, "select * from sop_ingest('j1')")).rejects.toThrow(/nothing staged by sop_stage_open/);
  });

  it('two machines at once, and one journal synced twice at once: every line exactly once', async () => {
    const url = await initialised();
    const a = await journalWith(20);
    const b = await journalWith(20);
    const copyOfA = emptyDataDir();
    const runs = await Promise.all([
      sopAsync(['sync', '--db', url, '--data-dir', a]),
      sopAsync(['sync', '--db', url, '--data-dir', b]),
      sopAsync(['sync', '--db', url, '--data-dir', a]),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(await storeIsIntact(url)).toEqual({ lines: localLines(a) + localLines(b), sessions: 42 });
    // A copy of a data dir (its journal id with it) is the same journal: nothing new.
    cpSync(a, copyOfA, { recursive: true });
    const copied = await sopAsync(['sync', '--db', url, '--data-dir', copyOfA]);
    expect(copied.stderr).toContain('sent 0,');
  });

  it('sealed values travel as the ciphertext the journal holds', async () => {
    const url = await initialised();
    const dataDir = await journalWith(2);
    expect((await sopAsync(['sync', '--db', url, '--data-dir', dataDir])).code).toBe(0);
    const redacted = await sql<{ raw: string }>(url, "select raw from sop_lines where line->>'redacted' = 'true'");
    expect(redacted.length).toBeGreaterThan(0);
    for (const { raw } of redacted) expect(raw).not.toContain('Olena');
    expect(await sql(url, "select 1 from sop_lines where raw like '%Olena%'")).toEqual([]);
  });
});

describe('sop sync on a terminal', () => {
  it('draws a progress bar for a large push, then the summary line', async () => {
    const { spawnSop } = await import('../e2e/pty.js');
    const url = await initialised();
    const dataDir = await journalWith(260);
    const pty = spawnSop(['sync', '--db', url, '--data-dir', dataDir], { env: { SOP_SYNC_BATCH_LINES: '500' } });
    expect(await pty.exited(60_000)).toBe(0);
    expect(pty.output()).toMatch(/sync \[#+\.*\] \d+\/\d+/);
    expect(pty.output()).toContain(`sop sync: sent ${localLines(dataDir)}, already there 0, conflicts 0`);
  }, 120_000);
});
