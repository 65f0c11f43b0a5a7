/** `sop replay --check`'s pretty report fitted to a terminal: side by side when it fits, else one path below the other. */
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatCheckPretty, type CheckedCall } from '../../src/shell/replay/format-check.js';

const plain = new Chalk({ level: 0 });
const diverged: CheckedCall = {
  session: '20261207-1124-sx7x',
  sop: 'possible-victim',
  file: '/home/olena/.local/share/sop-runner/journal-2026-12.jsonl',
  startedAt: '2026-12-07T11:24:00.000Z',
  status: 'diverged',
  oldPath: ['possible-victim/listen', 'possible-victim/consent-to-report-to-the-police', 'possible-victim/end-reported-with-consent-abroad'],
  newPath: ['possible-victim/listen', 'possible-victim/consent-to-report-to-the-police', 'possible-victim/end-reported-to-the-national-police'],
  oldOutcome: 'possible-victim/reported-with-consent-abroad',
  divergence: { kind: 'outcome', at: 'possible-victim/consent-to-report-to-the-police', message: { en: 'the same answer now leads to another end', uk: 'та сама відповідь тепер веде до іншого завершення' } },
  changedSops: ['possible-victim'],
};

describe('formatCheckPretty at a width', () => {
  it('keeps the paths side by side and every line whole when piped (no width)', () => {
    const text = formatCheckPretty([diverged], 'en', plain);
    expect(text).toMatch(/≠ possible-victim\/end-reported-with-consent-abroad +possible-victim\/end-reported-to-the-national-police/);
    expect(text).toContain(`(${diverged.file}, possible-victim)`);
  });

  for (const columns of [80, 60]) {
    it(`at ${columns} columns: one path below the other, the parting step marked in both, nothing wider`, () => {
      const lines = formatCheckPretty([diverged], 'en', plain, columns).trimEnd().split('\n');
      for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
      const recorded = lines.findIndex((line) => line.trim() === 'recorded path');
      const now = lines.findIndex((line) => line.trim() === 'path now');
      expect(recorded).toBeGreaterThan(0);
      expect(now).toBeGreaterThan(recorded);
      expect(lines.slice(recorded, now).filter((line) => line.includes('≠'))).toHaveLength(1);
      expect(lines.slice(now).filter((line) => line.includes('≠'))).toHaveLength(1);
      // The session and the file it was read from are both there, the file whole (wrapped if need be).
      expect(lines[0]).toMatch(/^✗ 20261207-1124-sx7x/);
      expect(lines.slice(0, 3).join('').replace(/\s+/g, '')).toContain(diverged.file);
    });
  }
});
