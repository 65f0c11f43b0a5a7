/**
 * Canary: a call through the BUILT binary types a sensitive answer and a note holding a unique
 * string. Afterwards it is found nowhere in clear (UTF-8, UTF-16LE, UTF-16BE) under the data,
 * config, cache and temp dirs (TMPDIR is pointed inside the test home) — with and without a
 * supervisor's key configured; with the key, `sop log show --key` recovers it.
 * Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, KEY, ROOT, spawnSop, tempHomePerTest } from '../e2e/pty.js';
import { keyFiles, tempDir } from './helpers.js';

const SOPS = join(ROOT, 'test', 'security', 'fixtures', 'sops');
const tempHome = tempHomePerTest();

function setup(pub?: string) {
  const home = tempHome();
  const tmp = join(home.dir, 'tmp');
  mkdirSync(tmp);
  if (pub) {
    mkdirSync(join(home.env['XDG_CONFIG_HOME']!, 'sop-runner'), { recursive: true });
    writeFileSync(join(home.env['XDG_CONFIG_HOME']!, 'sop-runner', 'config.yaml'), `public_key: ${pub}\n`);
  }
  // The answers file is the user's own, kept outside the searched home (made before any snapshot).
  const answersDir = tempDir('sop-answers-');
  return { ...home, answersDir, env: { ...home.env, TMPDIR: tmp } };
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out; // vanished meanwhile (other tests' temp dirs)
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Files (and which encodings) holding `canary` in clear. */
function findCanary(dir: string, canary: string, only?: (path: string) => boolean): string[] {
  const needles: [string, Buffer][] = [
    ['utf8', Buffer.from(canary, 'utf8')],
    ['utf16le', Buffer.from(canary, 'utf16le')],
    ['utf16be', Buffer.from(canary, 'utf16le').swap16()],
  ];
  const hits: string[] = [];
  for (const file of filesUnder(dir)) {
    if (only && !only(file)) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    for (const [name, needle] of needles) if (bytes.includes(needle)) hits.push(`${file} (${name})`);
  }
  return hits;
}

async function callInTerminal(home: ReturnType<typeof setup>, canary: string): Promise<void> {
  const pty = spawnSop(['run', 'confide', '--sops', SOPS, '--operator', 'tester'], { env: home.env });
  try {
    await pty.waitFor('Greet the caller');
    await pty.press('n');
    await pty.waitFor('Note (one line');
    await pty.type(`call-back ${canary}`);
    await pty.press(KEY.enter);
    await pty.waitFor('Note saved.');
    await pty.press(KEY.enter);
    await pty.waitFor('What should we call you?');
    await pty.type(`Oksana ${canary}`);
    await pty.press(KEY.enter);
    await pty.waitFor('Where are you now?');
    await pty.press('2', KEY.enter);
    await pty.waitFor('Which signs are present?');
    await pty.press(KEY.enter);
    await pty.waitFor('Call summary', { inOutput: true });
    expect(await pty.exited()).toBe(0);
  } finally {
    pty.kill();
  }
}

function callHeadless(home: ReturnType<typeof setup>, canary: string): void {
  const answers = join(home.answersDir, 'answers.yaml');
  writeFileSync(answers, `greet: continue\nname: "Petro ${canary}"\nwhere: home\nsigns: []\n`);
  const result = spawnSync(process.execPath, [BIN, 'run', 'confide', '--sops', SOPS, '--answers', answers], { env: { PATH: process.env['PATH'] ?? '', ...home.env }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

function sessionIds(home: ReturnType<typeof setup>): string[] {
  const result = spawnSync(process.execPath, [BIN, 'log', 'list', '--format', 'json'], { env: { PATH: process.env['PATH'] ?? '', ...home.env }, encoding: 'utf8' });
  return (JSON.parse(result.stdout) as { id: string }[]).map((s) => s.id);
}

describe('canary: sensitive answers and notes never reach the disk in clear', () => {
  it('without a key: not in clear anywhere under the data, config, cache and temp dirs', async () => {
    const canary = `CANARY-${randomBytes(6).toString('hex')}`;
    const home = setup();
    const before = new Set(readdirSync(tmpdir()));
    await callInTerminal(home, canary);
    callHeadless(home, canary);
    expect(statSync(home.dataDir).isDirectory()).toBe(true);
    expect(findCanary(home.dir, canary)).toEqual([]);
    // In case something ignored TMPDIR: whatever appeared in the system temp dir meanwhile.
    const appeared = readdirSync(tmpdir()).filter((name) => !before.has(name) && !home.dir.startsWith(join(tmpdir(), name)));
    expect(appeared.flatMap((name) => findCanary(join(tmpdir(), name), canary))).toEqual([]);
  }, 60_000);

  it('with a key: not in clear either; sop log show --key and sop replay --key recover the answer and the note', async () => {
    const canary = `CANARY-${randomBytes(6).toString('hex')}`;
    const keys = keyFiles();
    const home = setup(keys.pub);
    await callInTerminal(home, canary);
    callHeadless(home, canary);
    expect(findCanary(home.dir, canary)).toEqual([]);
    const journal = readFileSync(filesUnder(home.dataDir).find((f) => f.endsWith('.jsonl'))!, 'utf8');
    expect(journal).toContain('"sealed"');
    const [first, second] = sessionIds(home);
    const show = (id: string, ...extra: string[]) =>
      spawnSync(process.execPath, [BIN, 'log', 'show', id!, '--sops', SOPS, ...extra], { env: { PATH: process.env['PATH'] ?? '', ...home.env }, encoding: 'utf8' });
    const opened = show(first!, '--key', keys.key);
    expect(opened.status, opened.stderr).toBe(0);
    expect(opened.stdout).toContain(`"Oksana ${canary}"`);
    expect(opened.stdout).toContain(`note: call-back ${canary}`);
    expect(opened.stdout).toContain('Abroad (abroad)');
    expect(show(second!, '--key', keys.key).stdout).toContain(`"Petro ${canary}"`);
    const replay = (...extra: string[]) =>
      spawnSync(process.execPath, [BIN, 'replay', first!, '--sops', SOPS, ...extra], { env: { PATH: process.env['PATH'] ?? '', ...home.env }, encoding: 'utf8' });
    const replayed = replay('--key', keys.key);
    expect(replayed.status, replayed.stderr).toBe(0);
    expect(replayed.stdout).toContain(`Oksana ${canary}`);
    expect(replayed.stdout).toContain(`call-back ${canary}`);
    expect(replay().stdout).not.toContain(canary);
    // Without the key, the transcript shows [redacted]; the JSON lines hold no clear text.
    const plain = show(first!);
    expect(plain.stdout).not.toContain(canary);
    expect(plain.stdout).toContain('[redacted]');
    expect(show(first!, '--format', 'json').stdout).not.toContain(canary);
    // A wrong key: exit 2, a message naming the session, and no clear text.
    const wrong = show(first!, '--key', keyFiles().key);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain(first!);
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
    expect(wrong.stdout).toBe('');
  }, 60_000);
});
