/** `sync: after-call`: the call ends at once; the journal reaches the store in the background; a failure is said once. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sopAsync } from './cli.js';
import { emptyDataDir } from './journal.js';
import { freshStore, sql, testServer } from './server.js';

const answers = 'summary: continue\nnext-steps: thinking-it-over\nsafety-reminder: continue\nhow-to-call-back: continue\ncall-coding/region: unknown\ncall-coding/age-group: unknown\ncall-coding/gender: unknown\n';

function home(): { env: Record<string, string>; dataDir: string } {
  const root = emptyDataDir();
  mkdirSync(join(root, 'config', 'sop-runner'), { recursive: true });
  writeFileSync(join(root, 'config', 'sop-runner', 'config.yaml'), 'sync: after-call\n');
  return { env: { XDG_CONFIG_HOME: join(root, 'config'), XDG_DATA_HOME: join(root, 'data') }, dataDir: join(root, 'data', 'sop-runner') };
}

async function until(check: () => Promise<boolean> | boolean, ms = 60_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe('sync: after-call', () => {
  it('pushes the call in the background after it ends', async () => {
    const url = await freshStore(await testServer());
    expect((await sopAsync(['db', 'init', url])).code).toBe(0);
    const { env, dataDir } = home();
    const result = await sopAsyncWithInput(['run', 'closing', '--answers', '-'], { ...env, SOP_DATABASE_URL: url }, answers);
    expect(result.code, result.stderr).toBe(0);
    expect(await until(async () => (await sql(url, 'select 1 from sop_lines')).length > 0)).toBe(true);
    // The background sync's last act: the record of what is in the store.
    expect(await until(() => existsSync(join(dataDir, 'sync')) && readdirSync(join(dataDir, 'sync')).some((name) => name.startsWith('synced-')))).toBe(true);
  }, 120_000);

  it('a failed background sync is said once, calmly, at the next call; that call tries again', async () => {
    const { env, dataDir } = home();
    const bad = { ...env, SOP_DATABASE_URL: 'postgres://olena:pw-secret@127.0.0.1:1/hotline' };
    expect((await sopAsyncWithInput(['run', 'closing', '--answers', '-'], bad, answers)).code).toBe(0);
    expect(await until(() => existsSync(join(dataDir, 'sync', 'failed')))).toBe(true);
    const next = await sopAsyncWithInput(['run', 'closing', '--answers', '-'], bad, answers);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('sop: the last sync to the store did not finish (cannot reach the store at postgres://olena:***@127.0.0.1:1/hotline');
    expect(next.stderr).not.toContain('pw-secret');
    expect(next.stderr.match(/did not finish/g)).toHaveLength(1);
    // That call's sync tried again, and failed again: said next time.
    expect(await until(() => existsSync(join(dataDir, 'sync', 'failed')))).toBe(true);
  }, 120_000);
});

/** sop with the call's answers on stdin, not blocking the test process. */
function sopAsyncWithInput(args: string[], env: Record<string, string>, input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'sop.cjs'), ...args], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', HOME: '/nonexistent-home', LANG: 'C', NO_COLOR: '1', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}
