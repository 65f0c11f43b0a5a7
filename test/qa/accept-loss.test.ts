/**
 * QA: `sop log accept-loss` — a loss off a journal's end is accepted only explicitly and on
 * record, stays visible in verify for good, and a later cut is a new break. `sop resume ID` of a
 * call whose end was cut off is refused. Runs the BUILT binary (`npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptLoss } from '../../src/shell/journal/accept-loss.js';
import { openSessionWriter } from '../../src/shell/journal/writer.js';
import { BIN, KEY, spawnSop } from '../e2e/pty.js';
import { clock, homeEnv, startPayload, tempDir, writeSensitiveSession } from '../security/helpers.js';

function sop(args: string[], env: NodeJS.ProcessEnv, wrap: string[] = []) {
  const [cmd, ...rest] = wrap.length > 0 ? [...wrap, process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  const result = spawnSync(cmd!, rest, { env, encoding: 'utf8', timeout: 20_000, input: '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, all: result.stdout + result.stderr };
}

/** Two calls in 2026-11.jsonl; the second cut off the end (lines of it removed), and the head deleted. */
async function cutJournal(options: { keepHead?: boolean } = {}) {
  const env = homeEnv(tempDir());
  const data = join(env.XDG_DATA_HOME, 'sop-runner');
  const one = await writeSensitiveSession(data, 'one', { extra: clock('2026-11-01T10:00:00.000Z') });
  const two = await writeSensitiveSession(data, 'two', { extra: clock('2026-11-02T10:00:00.000Z'), end: false });
  const { file } = two;
  const text = readFileSync(file, 'utf8');
  // Keep the second call's start and first line: the rest of it is cut off.
  const secondStart = text.indexOf(`"session":"${two.sessionId}"`);
  const cut = text.indexOf('\n', text.indexOf('\n', secondStart) + 1) + 1;
  truncateSync(file, cut);
  if (!options.keepHead) rmSync(`${file}.head`);
  return { env, data, file, cut, one: one.sessionId, two: two.sessionId };
}

describe('sop log accept-loss', () => {
  it('truncated + head deleted: verify 1, accept-loss --yes records who/what/why, verify 0 with a notice; a later cut is a break again', async () => {
    const { env, data, file, cut, two } = await cutJournal();
    const before = sop(['log', 'verify'], env);
    expect(before.code).toBe(1);
    expect(before.all).toMatch(/2026-11\.jsonl\.head is missing though the journal has lines/);

    const t0 = Date.now();
    const accepted = sop(['log', 'accept-loss', '--yes', '--by', 'O. Koval', '--reason', 'restored from backup; 1 call on paper'], env);
    const t1 = Date.now();
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toMatch(/head is missing though the journal has lines/); // what is accepted
    expect(accepted.stderr).toMatch(/Accepted: .*loss of lines off the end accepted by O\. Koval/);

    // The line itself: one line appended, in the chain, saying who, when, why and what.
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const last = JSON.parse(lines[lines.length - 1]!) as Record<string, any>;
    expect(last['type']).toBe('loss-accepted');
    expect(last['by']).toBe('O. Koval');
    expect(last['reason']).toBe('restored from backup; 1 call on paper');
    expect(Date.parse(last['at'])).toBeGreaterThanOrEqual(t0 - 1000);
    expect(Date.parse(last['at'])).toBeLessThanOrEqual(t1 + 1000);
    expect(last['loss']).toMatchObject({ head: 'missing', size: cut, lastLine: lines.length - 1, lastSession: two });
    expect(last['loss'].found.join(' ')).toMatch(/head is missing/);

    const after = sop(['log', 'verify'], env);
    expect(after.code, after.all).toBe(0);
    expect(after.stderr).toMatch(/Journal intact/);
    expect(after.stderr).toMatch(new RegExp(`2026-11\\.jsonl:${lines.length}: loss of lines off the end accepted by O\\. Koval at ${last['at']} \\(reason: restored from backup; 1 call on paper\\): the \\.head was missing, ${cut} bytes on disk, last intact line ${lines.length - 1}`));
    const json = JSON.parse(sop(['log', 'verify', '--format', 'json'], env).stdout) as { ok: boolean; notices: string[] };
    expect(json.ok).toBe(true);
    expect(json.notices.some((n) => n.includes('accepted by O. Koval'))).toBe(true);
    // The readers say it too; the acceptance is not taken for a call.
    const list = sop(['log', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/loss of lines off the end accepted by O\. Koval/);
    expect(list.stderr).not.toMatch(/no session-start/);
    expect(list.stdout.trim().split('\n').filter((l) => /2026110/.test(l))).toHaveLength(2);
    expect(sop(['log', 'show', two], env).stderr).toMatch(/accepted by O\. Koval/);

    // A call recorded afterwards: still intact, the acceptance still named.
    await writeSensitiveSession(data, 'three', { extra: clock('2026-11-03T10:00:00.000Z') });
    const later = sop(['log', 'verify'], env);
    expect(later.code, later.all).toBe(0);
    expect(later.stderr).toMatch(/accepted by O\. Koval/);

    // A further cut after the acceptance is a break again (the head written by accept-loss sees it)...
    const size = readFileSync(file).length;
    truncateSync(file, size - 10 - readFileSync(file, 'utf8').trimEnd().split('\n').pop()!.length);
    const again = sop(['log', 'verify'], env);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/truncated: lines after this one were cut off/);
    // ...and so is deleting the head again to hide it.
    rmSync(`${file}.head`);
    const hidden = sop(['log', 'verify'], env);
    expect(hidden.code).toBe(1);
    expect(hidden.stdout).toMatch(/head is missing though the journal has lines/);
  });

  it('a garbage head: kept as a marker the acceptance names', async () => {
    const { env, file } = await cutJournal({ keepHead: true });
    writeFileSync(`${file}.head`, 'garbage');
    expect(sop(['log', 'accept-loss', '--yes', '--by', 'sup'], env).code).toBe(0);
    const markers = readdirSync(dirname(file)).filter((n) => n.includes('.head-mismatch-'));
    expect(markers).toHaveLength(1);
    expect(readFileSync(join(dirname(file), markers[0]!), 'utf8')).toBe('garbage');
    const result = sop(['log', 'verify'], env);
    expect(result.code, result.all).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`the \\.head was unreadable.*${markers[0]!.replace(/[.]/g, '\\.')}`));
  });

  it('a marker the writer left (head deleted, then a call recorded): accepted by name; a marker left later is a break', async () => {
    const { env, data, file } = await cutJournal();
    await writeSensitiveSession(data, 'three', { extra: clock('2026-11-03T10:00:00.000Z') });
    const [marker, ...others] = readdirSync(dirname(file)).filter((n) => n.includes('.head-mismatch-'));
    expect(others).toEqual([]);
    expect(sop(['log', 'verify'], env).code).toBe(1);
    expect(sop(['log', 'accept-loss', '--yes', '--by', 'sup'], env).code).toBe(0);
    // The head the writer made was fine: it is not turned into a marker.
    expect(readdirSync(dirname(file)).filter((n) => n.includes('.head-mismatch-'))).toEqual([marker]);
    const result = sop(['log', 'verify'], env);
    expect(result.code, result.all).toBe(0);
    expect(result.stderr).toContain(`the .head said`);
    expect(result.stderr).toContain(marker!);
    writeFileSync(`${file}.head-mismatch-2026-12-01T00-00-00-000Z`, '{"missing":true}\n');
    expect(sop(['log', 'verify'], env).code).toBe(1);
  });

  it('a head the file no longer reaches (cut, head kept): accepted with the head\'s recorded length', async () => {
    const { env, file, cut } = await cutJournal({ keepHead: true });
    const head = JSON.parse(readFileSync(`${file}.head`, 'utf8')) as { size: number };
    expect(sop(['log', 'verify'], env).code).toBe(1);
    expect(sop(['log', 'accept-loss', '-y', '--by', 'sup'], env).code).toBe(0);
    const result = sop(['log', 'verify'], env);
    expect(result.code, result.all).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`the \\.head said ${head.size} bytes, ${cut} bytes on disk`));
  });

  it('sop log purge keeps the acceptance: after a purge the journal verifies, the notice still there', async () => {
    const { env, file, one } = await cutJournal();
    expect(sop(['log', 'accept-loss', '--yes', '--by', 'sup'], env).code).toBe(0);
    const purged = sop(['log', 'purge', '--older-than', '2026-11-02'], env);
    expect(purged.code, purged.all).toBe(0);
    expect(purged.stdout).toContain(one);
    expect(readFileSync(file, 'utf8')).toContain('"type":"loss-accepted"');
    const result = sop(['log', 'verify'], env);
    expect(result.code, result.all).toBe(0);
    expect(result.stderr).toMatch(/loss of lines off the end accepted by sup/);
  });

  it('an intact journal: nothing to accept, exit 1, nothing written', async () => {
    const env = homeEnv(tempDir());
    const data = join(env.XDG_DATA_HOME, 'sop-runner');
    const { file } = await writeSensitiveSession(data, 'one', { extra: clock('2026-11-01T10:00:00.000Z') });
    const bytes = readFileSync(file);
    const headBytes = readFileSync(`${file}.head`);
    const result = sop(['log', 'accept-loss', '--yes'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No loss to accept/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readFileSync(`${file}.head`).equals(headBytes)).toBe(true);
    expect(sop(['log', 'accept-loss', '--yes', file], env).code).toBe(1);
  });

  it('not on a terminal and no --yes: refused (exit 2), nothing written', async () => {
    const { env, file } = await cutJournal();
    const bytes = readFileSync(file);
    const result = sop(['log', 'accept-loss'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/needs a confirmation: run it in a terminal, or give --yes/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(sop(['log', 'verify'], env).code).toBe(1);
  });

  it('on a terminal it asks first: "n" writes nothing (exit 1), "y" records the acceptance', async () => {
    const { env, file } = await cutJournal();
    const bytes = readFileSync(file);
    const penv = { HOME: env.HOME!, XDG_DATA_HOME: env.XDG_DATA_HOME!, XDG_CONFIG_HOME: env.XDG_CONFIG_HOME!, XDG_CACHE_HOME: env.XDG_CACHE_HOME! };
    const no = spawnSop(['log', 'accept-loss', '--by', 'sup'], { env: penv });
    await no.waitFor(/Record in the journal that sup accepts this loss\?/, { inOutput: true });
    await no.type('n');
    await no.press(KEY.enter);
    expect(await no.exited()).toBe(1);
    expect(no.output()).toMatch(/Not accepted; nothing was written/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    const yes = spawnSop(['log', 'accept-loss', '--by', 'sup'], { env: penv });
    await yes.waitFor(/accepts this loss\?/, { inOutput: true });
    await yes.type('y');
    await yes.press(KEY.enter);
    expect(await yes.exited()).toBe(0);
    expect(sop(['log', 'verify'], env).code).toBe(0);
  });

  it('a file a call is recording into (its lock held): refused (exit 2), nothing written', async () => {
    const { env, data, file } = await cutJournal();
    // Recording the same month: the writer keeps a marker and holds the lock while open.
    const writer = await openSessionWriter({ dataDir: data, mode: 'live', ...clock('2026-11-05T10:00:00.000Z') });
    try {
      const bytes = readFileSync(file);
      const result = sop(['log', 'accept-loss', '--yes'], env);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is recording into/);
      expect(readFileSync(file).equals(bytes)).toBe(true);
    } finally {
      writer.close();
    }
  });

  it('an edit is not a loss: it stays a break after the truncation is accepted', async () => {
    const { env, file } = await cutJournal();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"intake/age"', '"intake/agE"'));
    const accepted = sop(['log', 'accept-loss', '--yes', '--by', 'sup'], env);
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).toMatch(/still breaks in 1 other place/);
    const result = sop(['log', 'verify'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/edited/);
    expect(result.stdout).not.toMatch(/truncated/);
    expect(result.stderr).toMatch(/accepted by sup/);
  });

  it('a file outside the journal: refused (exit 2)', async () => {
    const { env } = await cutJournal();
    const other = join(tempDir(), '2026-11.jsonl');
    writeFileSync(other, '');
    const result = sop(['log', 'accept-loss', '--yes', other], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is not a journal file of/);
  });

  it('a read-only journal folder (bind mount in a private namespace): a clear message, exit 2, nothing accepted', async () => {
    const { env, data, file } = await cutJournal();
    const probe = spawnSync('unshare', ['-m', 'true']);
    if (probe.status !== 0) {
      console.log('read-only journal: unshare is not available here; not tested');
      return;
    }
    const bytes = readFileSync(file);
    const dir = dirname(file).replace(/'/g, `'\\''`);
    const inner = `mount --bind '${dir}' '${dir}' && mount -o remount,bind,ro '${dir}' && exec "$@"`;
    const result = sop(['log', 'accept-loss', '--yes'], env, ['unshare', '-m', 'sh', '-c', inner, 'sh']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/cannot record the acceptance in .*2026-11\.jsonl: the disk is read-only\. Nothing was accepted/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(sop(['log', 'verify'], env).code).toBe(1);
    void data;
  });

  it('the acceptance records the injected clock', async () => {
    const { file } = await cutJournal();
    const result = acceptLoss(file, { by: 'sup', now: () => new Date('2026-12-01T09:30:00.000Z') });
    expect(result?.accepted).toMatchObject({ at: '2026-12-01T09:30:00.000Z', by: 'sup' });
    expect(acceptLoss(file, { by: 'sup', now: () => new Date() })).toBeUndefined(); // nothing left to accept
  });

  it('help: examples and exit codes', () => {
    const env = homeEnv(tempDir());
    const help = sop(['log', 'accept-loss', '--help'], env);
    expect(help.code).toBe(0);
    // The help is wrapped to the terminal's width: compare with the line breaks folded.
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/Exit 0: accepted; 1: no loss to accept/);
    expect(text).toMatch(/sop log accept-loss --reason/);
  });
});

describe('sop resume ID of a call cut off the journal', () => {
  it('refused before and after the loss is accepted (exit 2), saying what to do', async () => {
    const { env, two } = await cutJournal();
    const refused = sop(['resume', two], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`call ${two} cannot be continued: lines were cut off the end`));
    expect(refused.stderr).toMatch(/sop log verify.*sop log accept-loss/s);
    expect(refused.stderr).not.toMatch(/needs a terminal/);
    expect(sop(['log', 'accept-loss', '--yes', '--by', 'sup'], env).code).toBe(0);
    expect(sop(['resume'], env).stdout).not.toContain(two);
    const still = sop(['resume', two.slice(-4)], env);
    expect(still.code).toBe(2);
    expect(still.stderr).toMatch(/that loss was accepted \(sup, /);
  });

  it('an interrupted call in an intact journal is not refused so (only for want of a terminal here)', async () => {
    const env = homeEnv(tempDir());
    const data = join(env.XDG_DATA_HOME, 'sop-runner');
    const writer = await openSessionWriter({ dataDir: data, mode: 'live', ...clock('2026-11-01T10:00:00.000Z') });
    writer.append('session-start', startPayload());
    writer.append('interrupted', { reason: 'quit', step: 'intake/name' } as never);
    writer.close();
    const result = sop(['resume', writer.sessionId], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/needs a terminal/);
    expect(result.stderr).not.toMatch(/cannot be continued/);
  });
});
