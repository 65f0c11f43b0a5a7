/**
 * Files on disk: every file sop creates under the data, config and cache dirs is 0600 and every
 * folder 0700, even with umask 000; a data dir other users can reach gets a warning; a disk that
 * cannot take the journal stops the call with a clear message (note it on paper), never silently.
 * Tests run as root here, where chmod does not stop anything, so failures are SIMULATED: a file
 * where the data dir should be; a read-only bind mount in a private mount namespace (unshare,
 * when the machine allows it); a full disk by a preload that makes journal writes fail with
 * ENOSPC from the Nth on (test/security/preload/disk-full.mjs). Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../src/shell/journal/reader.js';
import { verifyJournal } from '../../src/shell/journal/verify.js';
import { BIN, KEY, ROOT, spawnSop } from '../e2e/pty.js';
import { homeEnv, keyFiles, tempDir } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'security', 'fixtures', 'sops');
const DISK_FULL = join(ROOT, 'test', 'security', 'preload', 'disk-full.mjs');
const ANSWERS = 'greet: continue\nname: "Nadia"\nwhere: home\nsigns: [documents]\n';

function home() {
  const dir = tempDir('sop-files-');
  const env = homeEnv(dir);
  const answers = join(tempDir('sop-answers-'), 'answers.yaml');
  writeFileSync(answers, ANSWERS);
  return { dir, env, answers, dataDir: join(dir, 'data', 'sop-runner') };
}

/** Runs the binary under `umask 000`. */
function sop(env: Record<string, string>, args: string[], options: { preload?: string; extraEnv?: Record<string, string>; wrap?: string[] } = {}) {
  const node = [process.execPath, ...(options.preload ? ['--import', options.preload] : []), BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const command = ['sh', '-c', `umask 000; exec ${node}`];
  const [file, ...rest] = [...(options.wrap ?? []), ...command];
  return spawnSync(file!, rest, { env: { ...env, ...options.extraEnv }, encoding: 'utf8', input: '' });
}

function walk(dir: string): { path: string; mode: number; dir: boolean }[] {
  const out: { path: string; mode: number; dir: boolean }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    out.push({ path, mode: statSync(path).mode & 0o777, dir: entry.isDirectory() });
    if (entry.isDirectory()) out.push(...walk(path));
  }
  return out;
}

describe('files on disk', () => {
  it('with umask 000, every file under data/config/cache is 0600 and every folder 0700', () => {
    const h = home();
    const keys = keyFiles();
    mkdirSync(join(h.env.XDG_CONFIG_HOME, 'sop-runner'), { recursive: true, mode: 0o700 });
    writeFileSync(join(h.env.XDG_CONFIG_HOME, 'sop-runner', 'config.yaml'), `public_key: ${keys.pub}\n`, { mode: 0o600 });
    expect(sop(h.env, ['run', 'confide', '--sops', FIXTURES, '--answers', h.answers]).status).toBe(0);
    expect(sop(h.env, ['validate', join(ROOT, 'sops')]).status).toBe(0);
    const id = readJournal(h.dataDir, 'live').sessions[0]!.id;
    expect(sop(h.env, ['log', 'export', id, '--redact', '-o', join(h.dir, 'call.jsonl')]).status).toBe(0);
    expect(sop(h.env, ['log', 'purge', '--older-than', '90d']).status).toBe(0);
    const entries = [h.env.XDG_DATA_HOME, h.env.XDG_CONFIG_HOME, h.env.XDG_CACHE_HOME].flatMap((dir) => [{ path: dir, mode: statSync(dir).mode & 0o777, dir: true }, ...walk(dir)]);
    expect(entries.filter((e) => e.path.endsWith('.jsonl')).length).toBeGreaterThan(0);
    expect(entries.filter((e) => e.path.includes('cache')).length).toBeGreaterThan(2);
    expect(entries.filter((e) => e.mode !== (e.dir ? 0o700 : 0o600)).map((e) => `${e.path} ${e.mode.toString(8)}`)).toEqual([]);
    expect(statSync(join(h.dir, 'call.jsonl')).mode & 0o777).toBe(0o600);
    // sop keys generate: the private key 0600 in a 0700 folder, the public key 0644.
    const out = join(h.dir, 'supervisor');
    expect(sop(h.env, ['keys', 'generate', '-o', out]).status).toBe(0);
    expect([statSync(out).mode & 0o777, statSync(join(out, 'supervisor.key.pem')).mode & 0o777, statSync(join(out, 'supervisor.pub.pem')).mode & 0o777]).toEqual([0o700, 0o600, 0o644]);
    const again = sop(h.env, ['keys', 'generate', '-o', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('never overwrites a key');
  });

  it('a data dir other users can reach gets a warning (the call still runs)', () => {
    const h = home();
    mkdirSync(h.dataDir, { recursive: true });
    chmodSync(h.dataDir, 0o755);
    const result = sop(h.env, ['run', 'confide', '--sops', FIXTURES, '--answers', h.answers]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`warning: ${h.dataDir} can be reached by other users of this computer (mode 0755). Fix: chmod 700`);
    chmodSync(h.dataDir, 0o700);
    expect(sop(h.env, ['run', 'confide', '--sops', FIXTURES, '--answers', h.answers]).stderr).not.toContain('warning');
  });

  it('a file where the data dir should be: the call does not start; a clear message, exit 2', () => {
    const h = home();
    mkdirSync(join(h.dir, 'data'), { recursive: true });
    writeFileSync(h.dataDir, 'not a folder');
    const result = sop(h.env, ['run', 'confide', '--sops', FIXTURES, '--answers', h.answers]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Cannot write the journal .*Note this call on paper/s);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a read-only disk (bind mount in a private namespace): refused before the call, journal untouched', () => {
    const h = home();
    expect(sop(h.env, ['run', 'confide', '--sops', FIXTURES, '--answers', h.answers]).status).toBe(0);
    const file = join(h.dataDir, 'journal', 'calls', readdirSync(join(h.dataDir, 'journal', 'calls')).find((n) => n.endsWith('.jsonl'))!);
    const before = readFileSync(file);
    const probe = spawnSync('unshare', ['-m', 'true']);
    if (probe.status !== 0) {
      console.log('read-only disk: unshare is not available here; simulated by the other cases only');
      return;
    }
    const quoted = h.dataDir.replace(/'/g, `'\\''`);
    const inner = `mount --bind '${quoted}' '${quoted}' && mount -o remount,bind,ro '${quoted}' && exec "$@"`;
    const result = sop(h.env, ['run', 'confide', '--sops', FIXTURES, '--answers', h.answers], { wrap: ['unshare', '-m', 'sh', '-c', inner, 'sh'] });
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/read-only.*Note this call on paper/s);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a disk that fills up mid-call (ENOSPC): headless, the call stops with the paper message; nothing half-written', () => {
    const h = home();
    const result = sop(h.env, ['run', 'confide', '--sops', FIXTURES, '--answers', h.answers], { preload: DISK_FULL, extraEnv: { SOP_TEST_FULL_AFTER: '2' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/the disk is full\. Note this call on paper/);
    expect(verifyJournal(h.dataDir, 'en').breaks).toEqual([]);
    const [session] = readJournal(h.dataDir, 'live').sessions;
    expect(session?.lines.map((l) => l.type)).toEqual(['session-start']);
  });

  it('a disk that fills up mid-call in a terminal: the counsellor sees the paper message before the next step; every earlier answer is kept', async () => {
    const h = home();
    const pty = spawnSop(['run', 'confide', '--sops', FIXTURES], {
      env: { ...h.env, SOP_TEST_FULL_AFTER: '4', NODE_OPTIONS: `--import=${DISK_FULL}` },
    });
    try {
      await pty.waitFor('Greet the caller');
      await pty.press(KEY.enter); // journal write 3: the greeting's answer
      await pty.waitFor('What should we call you?');
      await pty.type('Nadia');
      await pty.press(KEY.enter); // journal write 4 fails
      await pty.waitFor(/paper/i, { inOutput: true });
      expect(pty.output()).not.toContain('Where are you now?');
      expect(await pty.exited()).toBe(2);
    } finally {
      pty.kill();
    }
    const [session] = readJournal(h.dataDir, 'live').sessions;
    const answers = session!.lines.flatMap((line) => (line.type === 'answer' ? [line.step] : []));
    expect(answers).toEqual(['confide/greet']);
    expect(verifyJournal(h.dataDir, 'en').breaks).toEqual([]);
  });
});
