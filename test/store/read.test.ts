/**
 * Reading the store with the commands that read a journal: the same output as on the journal the
 * lines came from (built binary, real PostgreSQL: test/store/server.ts).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sopAsync } from './cli.js';
import { journalWith } from './journal.js';
import { SECRET, sealedCall } from './sealed.js';
import { freshStore, sql, testServer } from './server.js';

const SOPS = join(import.meta.dirname, '..', 'stats', 'fixtures');
let url: string;
let dataDir: string;
let sealed: { session: string; keyFile: string };

beforeAll(async () => {
  const server = await testServer();
  url = await freshStore(server);
  expect((await sopAsync(['db', 'init', url])).code).toBe(0);
  dataDir = await journalWith(25);
  sealed = await sealedCall(dataDir);
  const synced = await sopAsync(['sync', '--db', url, '--data-dir', dataDir]);
  expect(synced.code, synced.stderr).toBe(0);
});

const local = (args: string[]) => sopAsync([...args, '--data-dir', dataDir]);
const store = (args: string[]) => sopAsync([...args, '--db', url, '--data-dir', '/nonexistent']);

describe('sop stats --db', () => {
  it.each([
    [['--format', 'json', '--raw']],
    [['--format', 'json', '--raw', '--since', '2026-11-05', '--until', '2026-11-12']],
    [['--format', 'json', '--raw', '--training']],
    [['--format', 'csv']],
    [['--sops', SOPS]],
  ])('gives the figures the journal gives: %j', async (args) => {
    const [a, b] = await Promise.all([local(['stats', ...args]), store(['stats', ...args])]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stdout.length).toBeGreaterThan(50);
  });

  it('an empty period: the same message, exit 0', async () => {
    const b = await store(['stats', '--since', '2030-01-01']);
    expect(b.code).toBe(0);
    expect(b.stderr).toContain('no calls recorded in that period');
  });
});

describe('sop log --db', () => {
  it('list: the same sessions, summaries and filters', async () => {
    for (const filter of [[], ['--sop', 'emergency'], ['--status', 'interrupted'], ['--since', '2026-11-10'], ['--operator', 'olena']]) {
      const [a, b] = await Promise.all([local(['log', 'list', '--format', 'json', ...filter]), store(['log', 'list', '--format', 'json', ...filter])]);
      expect(b.code, b.stderr).toBe(0);
      const strip = (text: string) => (JSON.parse(text) as { file: string }[]).map(({ file: _file, ...rest }) => rest);
      expect(strip(b.stdout)).toEqual(strip(a.stdout));
    }
    const byOperator = JSON.parse((await store(['log', 'list', '--format', 'json', '--operator', 'olena'])).stdout) as { id: string }[];
    expect(byOperator.map((row) => row.id)).toEqual([sealed.session]);
    const table = await store(['log', 'list']);
    expect(table.stdout).toContain('OPERATOR');
  });

  it('show: the same transcript; sealed values stay ciphertext without the key, open with it', async () => {
    const [a, b] = await Promise.all([local(['log', 'show', sealed.session]), store(['log', 'show', sealed.session])]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stdout).not.toContain(SECRET);
    const json = await store(['log', 'show', sealed.session, '--format', 'json']);
    expect(json.stdout).toContain('"sealed"');
    expect(json.stdout).not.toContain(SECRET);
    const opened = await store(['log', 'show', sealed.session.slice(-4), '--key', sealed.keyFile]);
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.stdout).toContain(SECRET);
    const unknown = await store(['log', 'show', 'zzzz']);
    expect(unknown.code).toBe(2);
  });

  it('verify: intact, then an edit and a deletion in the store are named', async () => {
    const ok = await store(['log', 'verify']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/Journal intact: \d+ lines in 2 file\(s\)/);
    // A copy of the store to tamper with, so the other tests keep theirs.
    const copy = await freshStore(await testServer());
    expect((await sopAsync(['db', 'init', copy])).code).toBe(0);
    expect((await sopAsync(['sync', '--db', copy, '--data-dir', dataDir, '--full'])).code).toBe(0);
    const [victim] = await sql<{ session: string }>(copy, "select session from sop_lines where line->>'type' = 'session-end' order by session limit 1");
    await sql(copy, `update sop_lines set raw = replace(raw, '"ms":', '"ms":7') where session = $1 and seq = 2`, [victim!.session]);
    await sql(copy, `delete from sop_lines where session = $1 and seq = 4`, [victim!.session]);
    const bad = await sopAsync(['log', 'verify', '--db', copy, '--format', 'json']);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout) as { ok: boolean; breaks: { file: string; line: number; kind: string }[] };
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, kind: 'edited', file: expect.stringContaining(victim!.session) }),
        expect.objectContaining({ line: 5, kind: 'deleted' }),
      ]),
    );
  });
});

describe('sop replay --db', () => {
  it('one call: the same timeline as from the journal', async () => {
    const [a, b] = await Promise.all([local(['replay', sealed.session]), store(['replay', sealed.session])]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('--check: every call of the store against the SOPs, the same verdicts', async () => {
    const args = ['replay', '--check', '--sops', SOPS, '--format', 'json'];
    const [a, b] = await Promise.all([local(args), store(args)]);
    expect(b.code).toBe(a.code);
    const verdicts = (text: string) =>
      (JSON.parse(text) as { calls: { session: string; status: string }[] }).calls.map(({ session, status }) => ({ session, status })).sort((x, y) => (x.session < y.session ? -1 : 1));
    expect(verdicts(b.stdout)).toEqual(verdicts(a.stdout));
    expect(verdicts(b.stdout).length).toBe(26);
  });
});
