/**
 * A sync cut off at any moment loses nothing: sop sync killed (SIGKILL) at random moments, 50
 * times and more, then resumed; the server going away mid-sync. Afterwards every line is in the
 * store exactly once and every chain holds (built binary, real PostgreSQL: test/store/server.ts).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sopAsync } from './cli.js';
import { journalWith } from './journal.js';
import { EMBEDDED, freshStore, sql, testServer, type TestServer } from './server.js';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});

const SMALL_BATCHES = { SOP_SYNC_BATCH_LINES: '15' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function localLines(dataDir: string): number {
  return ['calls', 'training']
    .map((mode) => readFileSync(join(dataDir, 'journal', mode, '2026-11.jsonl'), 'utf8').split('\n').filter(Boolean).length)
    .reduce((a, b) => a + b, 0);
}

/** Waits until the store holds at least one line (polling; the sync under test is still going). */
async function untilSomeLinesStored(url: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    const [row] = await sql<{ n: string }>(url, 'select count(*) as n from sop_lines');
    if (Number(row!.n) > 0) return;
    await sleep(10);
  }
  throw new Error('no line reached the store in 10 s');
}

async function intact(url: string, expected: number): Promise<void> {
  const verify = await sopAsync(['log', 'verify', '--db', url]);
  expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  const [row] = await sql<{ n: string; distinct: string }>(url, 'select count(*) as n, count(distinct (journal, session, seq)) as distinct from sop_lines');
  expect(Number(row!.n)).toBe(expected);
  expect(Number(row!.distinct)).toBe(expected);
}

describe('sop sync, cut off', () => {
  it('killed at random moments (>= 50 kills), resumed: every line exactly once, every chain intact', async () => {
    const url = await freshStore(server);
    expect((await sopAsync(['db', 'init', url])).code).toBe(0);
    const dataDir = await journalWith(10);
    let kills = 0;
    // A seeded sequence of moments, so a failure can be replayed.
    let seed = 1234567;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    // Until 50 runs were killed mid-sync (how many finish first depends on the machine's load),
    // bounded so a machine where every sync finishes fast still ends the test.
    let attempt = 0;
    // A sync of a few new calls takes a few hundred ms, most of it start-up: the moments are spread
    // over that, and a run that finishes first is simply not counted as a kill.
    for (; kills < 50 && attempt < 300; attempt++) {
      await journalWith(3 + (attempt % 5), dataDir, 1 + (attempt % 20)); // new lines for every run to be cut in
      const run = sopAsync(['sync', '--db', url, '--data-dir', dataDir], SMALL_BATCHES);
      const timer = setTimeout(() => run.kill('SIGKILL'), 40 + random() * 360);
      const result = await run;
      clearTimeout(timer);
      if (result.code === -9) kills++;
      else expect(result.code, result.stderr).toBe(0);
      if (attempt % 10 === 9) {
        // Resumed to the end: nothing lost, nothing twice.
        const resumed = await sopAsync(['sync', '--db', url, '--data-dir', dataDir], SMALL_BATCHES);
        expect(resumed.code, resumed.stderr).toBe(0);
        await intact(url, localLines(dataDir));
      }
    }
    expect(kills).toBeGreaterThanOrEqual(50);
    const resumed = await sopAsync(['sync', '--db', url, '--data-dir', dataDir], SMALL_BATCHES);
    expect(resumed.code, resumed.stderr).toBe(0);
    await intact(url, localLines(dataDir));
    const last = await sopAsync(['sync', '--db', url, '--data-dir', dataDir, '--full']);
    expect(last.stderr).toContain(`sent 0, already there ${localLines(dataDir)}, conflicts 0`);
  }, 300_000);

  it('the server goes away mid-sync: exit 2, a calm message; the next sync continues', async () => {
    const app = `sop_cut_${randomBytes(4).toString('hex')}`;
    const plain = await freshStore(server);
    const url = `${plain}&application_name=${app}`;
    expect((await sopAsync(['db', 'init', url])).code).toBe(0);
    const dataDir = await journalWith(200);
    const run = sopAsync(['sync', '--db', url, '--data-dir', dataDir], { SOP_SYNC_BATCH_LINES: '5' });
    // Cut as soon as the first lines are in (not after a fixed time: a fast sync would be over).
    await untilSomeLinesStored(plain);
    if (EMBEDDED) await server.stop!();
    else await sql(server.base, 'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [app]);
    const cut = await run;
    expect(cut.code, cut.stderr).toBe(2);
    expect(cut.stderr).toMatch(/sop: (the connection to the store at .* was lost|cannot reach the store at)/);
    expect(cut.stderr).not.toMatch(/\n\s+at /); // no stack trace
    if (EMBEDDED) await server.restart!();
    const again = await sopAsync(['sync', '--db', url, '--data-dir', dataDir]);
    expect(again.code, again.stderr).toBe(0);
    await intact(url, localLines(dataDir));
  }, 120_000);
});
