/** `sop log purge --db`: retention in the store, crash-safe (one transaction), never re-sent by a later sync. */
import { describe, expect, it } from 'vitest';
import { sopAsync } from './cli.js';
import { journalWith } from './journal.js';
import { freshStore, sql, testServer } from './server.js';

describe('sop log purge --db', () => {
  it('removes completed sessions that ended before the cut-off; unfinished ones stay; sync never sends them again', async () => {
    const url = await freshStore(await testServer());
    expect((await sopAsync(['db', 'init', url])).code).toBe(0);
    const dataDir = await journalWith(20);
    expect((await sopAsync(['sync', '--db', url, '--data-dir', dataDir])).code).toBe(0);
    const old = await sql<{ session: string; n: string }>(
      url,
      `select session, count(*) over () as n from sop_lines where line->>'type' = 'session-end' and (line->>'at')::timestamptz < '2026-11-10T00:00:00Z'`,
    );
    expect(old.length).toBeGreaterThan(2);
    const [{ before } = { before: '0' }] = await sql<{ before: string }>(url, 'select count(*) as before from sop_lines');

    const dry = await sopAsync(['log', 'purge', '--db', url, '--older-than', '2026-11-10', '--dry-run', '--format', 'json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, sessions: old.length });
    expect((await sql<{ n: string }>(url, 'select count(*) as n from sop_lines'))[0]!.n).toBe(before);

    const real = await sopAsync(['log', 'purge', '--db', url, '--older-than', '2026-11-10']);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stderr).toContain(`Removed ${old.length} completed session(s)`);
    expect(await sql(url, 'select 1 from sop_lines where session = any($1)', [old.map((row) => row.session)])).toEqual([]);
    // An unfinished session, however old, stays: it may still be resumed on its machine.
    const unfinished = await sql(url, `select session from sop_lines group by session having not bool_or(line->>'type' = 'session-end') and min(line->>'at') < '2026-11-10'`);
    expect(unfinished.length).toBeGreaterThan(0);

    const again = await sopAsync(['sync', '--db', url, '--data-dir', dataDir, '--full']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/sent 0, .*purged in the store \d+/);
    expect(await sql(url, 'select 1 from sop_lines where session = any($1)', [old.map((row) => row.session)])).toEqual([]);
    const verify = await sopAsync(['log', 'verify', '--db', url]);
    expect(verify.code, verify.stdout).toBe(0);
  });
});
