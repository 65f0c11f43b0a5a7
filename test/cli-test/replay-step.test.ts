/** `sop replay --step` in a real pseudo-terminal: n/→ next, p/← previous, g jump, q quit. */
import { describe, expect, it } from 'vitest';
import { KEY, spawnSop } from '../e2e/pty.js';

const ARGS = ['replay', 'test/replay/fixtures/calls/minor-unsafe.jsonl', '--sops', 'test/check/fixtures/lib', '--step'];

describe('sop replay --step', () => {
  it('walks forward, back, jumps to a step and to the end, and quits', async () => {
    const pty = spawnSop(ARGS, { env: { NO_COLOR: '1' } });
    try {
      await pty.waitFor('1/5  hotline/greet');
      await pty.press('n');
      await pty.waitFor('2/5  hotline/topic');
      await pty.press('\u001b[C'); // →
      await pty.waitFor('3/5  hotline/signs');
      await pty.press('p');
      await pty.waitFor('2/5  hotline/topic');
      await pty.press('\u001b[D'); // ←
      await pty.waitFor('1/5  hotline/greet');
      await pty.press('g', '5', KEY.enter);
      await pty.waitFor('5/5  safety/safe-now');
      await pty.press('n');
      await pty.waitFor('Outcome: hotline/referred');
      await pty.press('q');
      expect(await pty.exited()).toBe(0);
      // NO_COLOR is honoured on a terminal: no colour codes (SGR sequences ending in m).
      expect(pty.raw()).not.toMatch(/\u001b\[[0-9;]*m/);
    } finally {
      pty.kill();
    }
  });
});

describe('sop replay --check on a terminal', () => {
  it('shows a progress bar on stderr for a long run, then clears it before the summary', async () => {
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'sop-progress-'));
    try {
      // 2,000 copies of a fixture call (each its own session id): about 5.5 MB over 10 files.
      const call = readFileSync('test/replay/fixtures/calls/job-no-signs.jsonl', 'utf8');
      const id = /"session":"([^"]+)"/.exec(call)![1]!;
      for (let file = 0; file < 10; file++) {
        let text = '';
        for (let copy = 0; copy < 200; copy++) text += call.replaceAll(id, `20261102-1000-${String(file * 200 + copy).padStart(4, "0")}`);
        writeFileSync(join(dir, `part-${file}.jsonl`), text);
      }
      const pty = spawnSop(['replay', '--check', dir, '--sops', 'test/check/fixtures/lib', '--format', 'json'], { env: { SOP_REPLAY_WORKERS: '0' } });
      expect(await pty.exited(60_000)).toBe(0);
      const raw = pty.raw();
      expect(raw).toMatch(/\r\[#+ *\] \d+%  \d+/);
      expect(raw).toContain('\r\u001b[K');
      expect(raw).toContain('"total": 2000');
      expect(raw).toContain('"same": 2000');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
