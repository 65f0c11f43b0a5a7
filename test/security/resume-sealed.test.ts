/**
 * A sealed call interrupted (Ctrl+C) after its sensitive answer and note, then resumed in a real
 * terminal: the resumed part carries a new wrapped key on its first line, the redacted answer is
 * asked again, and the supervisor's key opens both parts. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, KEY, ROOT, spawnSop } from '../e2e/pty.js';
import { homeEnv, keyFiles, tempDir } from './helpers.js';

const SOPS = join(ROOT, 'test', 'security', 'fixtures', 'sops');

describe('a sealed call, interrupted and resumed', () => {
  it('both parts are sealed (a key on each part\'s first line) and open with the supervisor\'s key', async () => {
    const keys = keyFiles();
    const dir = tempDir('sop-resume-sealed-');
    const env = homeEnv(dir);
    mkdirSync(join(env.XDG_CONFIG_HOME, 'sop-runner'), { recursive: true });
    writeFileSync(join(env.XDG_CONFIG_HOME, 'sop-runner', 'config.yaml'), `public_key: ${keys.pub}\n`);

    const first = spawnSop(['run', 'confide', '--sops', SOPS], { env });
    try {
      await first.waitFor('Greet the caller');
      await first.press(KEY.enter);
      await first.waitFor('What should we call you?');
      await first.type('Oksana FIRST-PART');
      await first.press(KEY.enter);
      await first.waitFor('Where are you now?');
      await first.press(KEY.ctrlC);
      expect(await first.exited()).toBe(130);
    } finally {
      first.kill();
    }
    const calls = join(dir, 'data', 'sop-runner', 'journal', 'calls');
    const file = join(calls, readdirSync(calls).find((n) => n.endsWith('.jsonl'))!);
    const id = (JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!) as { session: string }).session;

    const again = spawnSop(['resume', id, '--sops', SOPS], { env });
    try {
      // The name was sensitive: asked again.
      await again.waitFor('What should we call you?');
      await again.type('Oksana SECOND-PART');
      await again.press(KEY.enter);
      await again.waitFor('Where are you now?');
      await again.press('n');
      await again.waitFor('Note (one line');
      await again.type('resumed NOTE-PART');
      await again.press(KEY.enter);
      await again.waitFor('Note saved.');
      await again.press('2', KEY.enter);
      await again.waitFor('Which signs are present?');
      await again.press(KEY.enter);
      expect(await again.exited()).toBe(0);
    } finally {
      again.kill();
    }
    const text = readFileSync(file, 'utf8');
    for (const secret of ['FIRST-PART', 'SECOND-PART', 'NOTE-PART']) expect(text).not.toContain(secret);
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const keyLines = lines.filter((line) => line['seal'] !== undefined).map((line) => line['seq']);
    expect(keyLines).toHaveLength(2);
    expect(keyLines[0]).toBe(0);
    const shown = spawnSync(process.execPath, [BIN, 'log', 'show', id, '--sops', SOPS, '--key', keys.key], { env, encoding: 'utf8' });
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('"Oksana FIRST-PART"');
    expect(shown.stdout).toContain('"Oksana SECOND-PART"');
    expect(shown.stdout).toContain('note: resumed NOTE-PART');
    expect(shown.stdout).toContain('Abroad (abroad)');
    expect(spawnSync(process.execPath, [BIN, 'log', 'verify'], { env, encoding: 'utf8' }).status).toBe(0);
  }, 60_000);
});
