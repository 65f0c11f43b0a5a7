import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/shell/tui/progress-bar.js';

function recorded(): { writes: string[]; stream: { write(text: string): void } } {
  const writes: string[] = [];
  return { writes, stream: { write: (text) => void writes.push(text) } };
}

describe('progressBar (replay --check on a terminal)', () => {
  it('redraws in place once per percent, with the calls so far, and erases itself when done', () => {
    const { writes, stream } = recorded();
    const progress = progressBar(1000, stream);
    progress(0, 0);
    progress(4, 1); // still 0 %: not redrawn
    progress(500, 120);
    progress(505, 121); // still 50 %
    progress(1000, 240);
    progress(1000, 240, true);
    expect(writes).toEqual([
      `\r[${' '.repeat(30)}] 0%  0`,
      `\r[${'#'.repeat(15)}${' '.repeat(15)}] 50%  120`,
      `\r[${'#'.repeat(30)}] 100%  240`,
      '\r\u001b[K',
    ]);
  });

  it('never passes 100 % or 80 columns, even when more is read than announced', () => {
    const { writes, stream } = recorded();
    progressBar(10, stream)(25, 9_999_999);
    expect(writes[0]).toContain('] 100%  9999999');
    expect(writes[0]!.length - 1).toBeLessThanOrEqual(80);
  });
});
