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
