/**
 * A note being typed when the call is interrupted (Ctrl+C, a closed terminal, SIGTERM) is not
 * lost: what was typed is journalled as a `note` marked `"unfinished": true` — redacted, sealed
 * with a supervisor's key — before the `interrupted` line. Drives the BUILT binary in a
 * pseudo-terminal (run `npm run build` first); the fixture library is test/e2e/fixtures/sops.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFiles } from '../security/helpers.js';
import { expectChain, readLines } from './journal-lines.js';
import { BIN, KEY, ROOT, spawnSop, tempHomePerTest, type Pty, type TempHome } from './pty.js';

const SOPS = join(ROOT, 'test', 'e2e', 'fixtures', 'sops');
const TRAINING_SOPS = join(ROOT, 'test', 'train', 'fixtures', 'sops');
const home = tempHomePerTest();

/** A unique text typed into the note, to look for afterwards. */
const canary = (): string => `CANARY-${randomBytes(6).toString('hex')}`;

function withKey(h: TempHome): string {
  const keys = keyFiles();
  const dir = join(h.env['XDG_CONFIG_HOME']!, 'sop-runner');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), `public_key: ${keys.pub}\n`);
  return keys.key;
}

/** Files under `dir` holding `text` in clear (UTF-8). */
function filesHolding(dir: string, text: string): string[] {
  const hits: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (readFileSync(path).includes(Buffer.from(text, 'utf8'))) hits.push(path);
  }
  return hits;
}

function sop(h: TempHome, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { env: { ...h.env, PATH: process.env['PATH'] ?? '' }, encoding: 'utf8' });
}

/** Opens the note prompt and types `text` (without Enter), until it is on screen. */
async function startNote(pty: Pty, text: string): Promise<void> {
  await pty.press('n');
  await pty.waitFor('Note (one line');
  await pty.type(text);
  await pty.waitFor(`> ${text}`);
}

/** Starts a call, answers the greeting, and starts a note at "Can the caller talk safely?". */
async function typingANote(h: TempHome, text: string): Promise<Pty> {
  const pty = spawnSop(['run', 'intake', '--sops', SOPS, '--operator', 'tester'], { env: h.env });
  await pty.waitFor('Greet the caller');
  await pty.press(KEY.enter);
  await pty.waitFor('Can the caller talk safely?');
  await startNote(pty, text);
  return pty;
}

describe('a note being typed when the call is interrupted', () => {
  it('Ctrl+C: the note is journalled (redacted, marked unfinished) before the interruption, shown by sop log show, and the call resumes', async () => {
    const h = home();
    const secret = canary();
    const pty = await typingANote(h, `half a note ${secret}`);
    await pty.press(KEY.ctrlC);
    expect(await pty.exited()).toBe(130);
    const out = pty.output();
    expect(out).toContain('Call interrupted');
    expect(out).toContain('The note you were typing was kept in the journal, marked unfinished.');

    const lines = readLines(h.dataDir);
    expectChain(lines);
    expect(lines.slice(-2).map((l) => l.json)).toMatchObject([
      { type: 'note', step: 'intake/safe', text: '[redacted]', unfinished: true, redacted: true },
      { type: 'interrupted', reason: 'sigint', step: 'intake/safe' },
    ]);
    expect(filesHolding(h.dir, secret)).toEqual([]);

    const id = lines[0]?.json.session as string;
    const show = sop(h, 'log', 'show', id, '--sops', SOPS);
    expect(show.status, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/✉ note \(unfinished\): \[redacted\]\n.*⏸ interrupted \(sigint\) at intake\/safe/);
    expect(sop(h, 'log', 'show', id, '--lang', 'uk').stdout).toContain('✉ нотатка (незавершена): [redacted]');
    expect(sop(h, 'log', 'verify').status).toBe(0);

    // The call goes on from where it stopped.
    const again = spawnSop(['resume', id, '--sops', SOPS], { env: h.env });
    await again.waitFor('Can the caller talk safely?');
    await again.press('q', 'y');
    expect(await again.exited()).toBe(1);
    expectChain(readLines(h.dataDir));
  });

  it('with a supervisor key: sealed, never in clear on disk, and sop log show --key recovers the text', async () => {
    const h = home();
    const key = withKey(h);
    const secret = canary();
    const pty = await typingANote(h, `нотатка ${secret}`);
    await pty.press(KEY.ctrlC);
    expect(await pty.exited()).toBe(130);
    expect(pty.output()).toContain('The note you were typing was kept in the journal, marked unfinished.');

    const note = readLines(h.dataDir).at(-2)?.json;
    expect(note).toMatchObject({ type: 'note', text: '[redacted]', unfinished: true, redacted: true });
    expect(note?.['sealed']).toBeDefined();
    expect(filesHolding(h.dir, secret)).toEqual([]);

    const id = readLines(h.dataDir)[0]?.json.session as string;
    const opened = sop(h, 'log', 'show', id, '--sops', SOPS, '--key', key);
    expect(opened.status, opened.stderr).toBe(0);
    expect(opened.stdout).toContain(`✉ note (unfinished): нотатка ${secret}`);
    const plain = sop(h, 'log', 'show', id, '--sops', SOPS);
    expect(plain.stdout).not.toContain(secret);
  });

  it('a closed terminal (hang-up) and SIGTERM: the note is journalled before the interruption', async () => {
    for (const how of ['hang-up', 'SIGTERM'] as const) {
      const h = home();
      const secret = canary();
      const pty = await typingANote(h, `line lost ${secret}`);
      if (how === 'hang-up') await pty.hangUp();
      else {
        pty.kill('SIGTERM');
        await pty.exited();
      }
      const lines = readLines(h.dataDir);
      expectChain(lines);
      expect(lines.slice(-2).map((l) => l.json), how).toMatchObject([
        { type: 'note', step: 'intake/safe', text: '[redacted]', unfinished: true, redacted: true },
        { type: 'interrupted', reason: how === 'hang-up' ? 'sighup' : 'sigterm', step: 'intake/safe' },
      ]);
      expect(filesHolding(h.dir, secret), how).toEqual([]);
    }
  });

  it('an empty note prompt adds nothing; a note cancelled with Esc is not kept', async () => {
    const h = home();
    const pty = spawnSop(['run', 'intake', '--sops', SOPS], { env: h.env });
    await pty.waitFor('Greet the caller');
    await pty.press('n');
    await pty.waitFor('Note (one line');
    await pty.press(KEY.ctrlC);
    expect(await pty.exited()).toBe(130);
    expect(pty.output()).not.toContain('The note you were typing');
    expect(readLines(h.dataDir).map((l) => l.json.type)).not.toContain('note');
  });

  it('sop train: the same, in the training journal', async () => {
    const h = home();
    const secret = canary();
    const pty = spawnSop(['train', 'two-signs', '--sops', TRAINING_SOPS, '--operator', 'tester'], { env: h.env });
    await pty.waitFor('Start the call?', { inOutput: true });
    await pty.press(KEY.enter);
    await pty.waitFor('Hello, this is the training line.');
    await startNote(pty, secret);
    await pty.press(KEY.ctrlC);
    await pty.waitFor('Debrief', { inOutput: true });
    expect(await pty.exited()).toBe(130);
    const dir = join(h.dataDir, 'journal', 'training');
    const file = join(dir, readdirSync(dir).find((name) => name.endsWith('.jsonl'))!);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.slice(-2)).toMatchObject([
      { type: 'note', text: '[redacted]', unfinished: true },
      { type: 'interrupted', reason: 'sigint' },
    ]);
    expect(filesHolding(h.dir, secret)).toEqual([]);
  });
});
