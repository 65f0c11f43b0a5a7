/**
 * Terminal safety: ANSI escapes and control characters in SOP texts, answers and journal content
 * (clear screen, window title, OSC 52 clipboard, conceal, 8-bit CSI, bell, backspace) are
 * neutralised before they reach a screen: run (in a real terminal and headless), log show,
 * log list, replay, replay --check, stats, graph (text, Mermaid, DOT), docs, validate pretty.
 * Hostile fixtures: test/security/fixtures/hostile*. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, KEY, ROOT, spawnSop } from '../e2e/pty.js';
import { tempDir } from './helpers.js';

const HOSTILE = join(ROOT, 'test', 'security', 'fixtures', 'hostile');
const HOSTILE_INVALID = join(ROOT, 'test', 'security', 'fixtures', 'hostile-invalid');
/** ESC, 8-bit CSI/OSC (as UTF-8), BEL, backspace: none may be printed when colour is off. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function sop(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...env }, encoding: 'utf8', input: '' });
}

function expectClean(result: ReturnType<typeof sop>, what: string): void {
  expect([0, 1, 2], `${what}: ${result.stderr}`).toContain(result.status);
  expect(CONTROL.test(result.stdout), `${what} stdout: ${JSON.stringify(result.stdout.match(CONTROL))}`).toBe(false);
  expect(CONTROL.test(result.stderr), `${what} stderr: ${JSON.stringify(result.stderr.match(CONTROL))}`).toBe(false);
}

describe('terminal safety: hostile text never reaches the screen as control sequences', () => {
  it('graph (text, mermaid, dot), docs and validate on hostile SOPs', () => {
    for (const format of ['text', 'mermaid', 'dot']) expectClean(sop(['graph', 'hostile', '--sops', HOSTILE, '--format', format]), `graph ${format}`);
    const out = join(tempDir(), 'hostile.txt');
    expectClean(sop(['graph', 'hostile', '--sops', HOSTILE, '--format', 'text', '-o', out]), 'graph -o');
    expectClean(sop(['docs', 'hostile', '--sops', HOSTILE]), 'docs');
    expectClean(sop(['docs', 'hostile', '--sops', HOSTILE, '--lang', 'uk']), 'docs uk');
    const invalid = sop(['validate', HOSTILE_INVALID]);
    expect(invalid.status).toBe(1);
    expect(invalid.stdout + invalid.stderr).toContain('steps.greet.next');
    expectClean(invalid, 'validate pretty');
    // A raw ESC byte in the file itself: the validator shows the line, never the byte.
    const dir = tempDir();
    writeFileSync(join(dir, 'raw.sop.yaml'), 'sop: raw\nversion: 1.0.0\ntitle: "x \u001b]0;PWNED\u0007 \u009b2J"\nstart: a\nsteps: {}\n');
    expectClean(sop(['validate', dir]), 'validate raw bytes');
  });

  it('a headless call with a hostile typed answer, then log show, log list, replay, replay --check, stats', () => {
    const dir = tempDir();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'greet: continue\nask: one\ntyped: "typed \\e]0;PWNED-TITLE\\a \\e[31mRED \\x9b2J \\b\\b"\n');
    const data = join(dir, 'data');
    expectClean(sop(['run', 'hostile', '--sops', HOSTILE, '--answers', answers, '--data-dir', data]), 'run --answers');
    const file = join(data, 'journal', 'calls', readdirSync(join(data, 'journal', 'calls')).find((n) => n.endsWith('.jsonl'))!);
    const shown = sop(['log', 'show', '2026', '--data-dir', data, '--sops', HOSTILE]);
    expect(shown.stdout).toContain('typed');
    expectClean(shown, 'log show');
    expectClean(sop(['log', 'list', '--data-dir', data]), 'log list');
    expectClean(sop(['replay', file, '--sops', HOSTILE]), 'replay');
    expectClean(sop(['replay', file, '--sops', HOSTILE, '--check']), 'replay --check');
    expectClean(sop(['stats', '--data-dir', data]), 'stats');
  });

  it('a live call in a real terminal: no hostile sequence from the SOP is ever written', async () => {
    const dir = tempDir();
    const pty = spawnSop(['run', 'hostile', '--sops', HOSTILE, '--data-dir', join(dir, 'data')]);
    try {
      await pty.waitFor('Greet');
      await pty.press('?');
      await pty.waitFor('Guide');
      await pty.press(KEY.enter);
      await pty.waitFor('Choose');
      await pty.press('1', KEY.enter);
      await pty.waitFor('Type');
      await pty.type('ok');
      await pty.press(KEY.enter);
      await pty.waitFor('Call summary', { inOutput: true });
      await pty.exited();
    } finally {
      pty.kill();
    }
    const raw = pty.raw();
    for (const hostile of ['PWNED', '\u001b]52', '\u001b[8m', '\u001b[5m', '\u001b[31mRED', '\u009b', '\u0007', '\b']) {
      expect(raw.includes(hostile), JSON.stringify(hostile)).toBe(false);
    }
    expect(raw).toContain('Greet');
  }, 30_000);
});
