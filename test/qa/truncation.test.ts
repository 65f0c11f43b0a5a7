/**
 * QA: truncation cannot be laundered. Calls cut off the end of a journal and its `.head` deleted
 * (or filled with garbage): `sop log verify` fails (exit 1), and the next `sop run` does not make
 * the cut invisible by writing a fresh head silently: it leaves a marker verify keeps reporting.
 * Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../e2e/pty.js';
import { clock, homeEnv, tempDir, writeSensitiveSession } from '../security/helpers.js';
import { ROOT } from './sop.js';

const SOPS = join(ROOT, 'test', 'security', 'fixtures', 'sops');
function sop(args: string[], env: NodeJS.ProcessEnv, input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 20_000, ...(input !== undefined ? { input } : {}) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Two calls; the second cut off the end of the file. */
async function cutJournal() {
  const env = homeEnv(tempDir());
  const data = join(env.XDG_DATA_HOME, 'sop-runner');
  await writeSensitiveSession(data, 'one', { extra: clock('2026-11-01T10:00:00.000Z') });
  const { file } = await writeSensitiveSession(data, 'two', { extra: clock('2026-11-02T10:00:00.000Z') });
  const text = readFileSync(file, 'utf8');
  const firstCallEnds = text.indexOf('"session-end"');
  truncateSync(file, text.indexOf('\n', firstCallEnds) + 1);
  return { env, file };
}

describe('a journal cut short whose head was removed', () => {
  it('head deleted: sop log verify fails (exit 1), naming the missing head', async () => {
    const { env, file } = await cutJournal();
    expect(sop(['log', 'verify'], env).code).toBe(1); // the head still there: the cut shows
    rmSync(`${file}.head`);
    const result = sop(['log', 'verify'], env);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/2026-11\.jsonl\.head is missing though the journal has lines/);
  });

  it('head filled with garbage: a break too, not a notice', async () => {
    const { env, file } = await cutJournal();
    writeFileSync(`${file}.head`, 'garbage');
    const result = sop(['log', 'verify', '--lang', 'uk'], env);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/2026-11\.jsonl\.head не вдається прочитати/);
  });

  it('the next sop run does not launder it: it leaves a marker, and verify still fails', async () => {
    const { env, file } = await cutJournal();
    rmSync(`${file}.head`);
    // sop run records into this month's file: make the cut journal this month's.
    const now = new Date();
    const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    const current = join(dirname(file), `${month}.jsonl`);
    if (current !== file) {
      writeFileSync(current, readFileSync(file), { mode: 0o600 });
      rmSync(file);
    }
    const run = sop(['run', 'confide', '--sops', SOPS, '--answers', '-'], env, 'greet: continue\nname: x\nwhere: abroad\nsigns: []\n');
    expect(run.stderr).not.toMatch(/internal error/);
    expect(readdirSync(dirname(current)).some((name) => name.startsWith(`${month}.jsonl.head-mismatch-`))).toBe(true);
    const result = sop(['log', 'verify'], env);
    expect(result.code).toBe(1);
  });

  it('a call half cut off the end is not offered by sop resume', async () => {
    const env = homeEnv(tempDir());
    const data = join(env.XDG_DATA_HOME, 'sop-runner');
    await writeSensitiveSession(data, 'one', { extra: clock('2026-11-01T10:00:00.000Z') });
    const { file, sessionId } = await writeSensitiveSession(data, 'two', { extra: clock('2026-11-02T10:00:00.000Z') });
    const text = readFileSync(file, 'utf8');
    truncateSync(file, text.lastIndexOf('"call-ended"') === -1 ? text.length : text.lastIndexOf('\n', text.lastIndexOf('"call-ended"')) + 1);
    rmSync(`${file}.head`);
    const listed = sop(['resume'], env);
    expect(listed.stdout).not.toContain(sessionId);
    expect(sop(['log', 'verify'], env).code).toBe(1);
  });

  it('an empty journal without a head is fine', () => {
    const env = homeEnv(tempDir());
    expect(sop(['log', 'verify'], env).code).toBe(0);
  });
});
