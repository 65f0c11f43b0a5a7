import { describe, expect, it } from 'vitest';
import { fitTable } from '../../src/shell/format/fit-table.js';

const rows = [
  ['DATE', 'SESSION', 'SOP', 'OUTCOME', 'OPERATOR'],
  ['2026-12-07 11:24', '20261207-1124-sx7x', 'possible-victim', 'possible-victim/reported-with-consent-to-the-police', 'counsellor-7'],
  ['2026-12-07 11:30', '20261207-1130-xhg9', 'domestic-violence', 'interrupted at domestic-violence/risk-check', 'анна'],
];

describe('fitTable', () => {
  it('keeps whole values without a width (piped, --wide)', () => {
    expect(fitTable(rows, undefined, [3])).toContain('possible-victim/reported-with-consent-to-the-police  counsellor-7');
  });

  it('fits 80 columns: the outcome gives way with "…", the other columns stay whole', () => {
    const lines = fitTable(rows, 80, [3, 2]).split('\n');
    expect(lines.every((l) => [...l].length <= 80)).toBe(true);
    expect(lines[1]).toContain('20261207-1124-sx7x');
    expect(lines[1]).toMatch(/…/);
    expect(lines[1]).toMatch(/counsellor-7$/);
  });

  it('stacks the rows below 60 columns', () => {
    const text = fitTable(rows, 50, [3]);
    expect(text.split('\n').every((l) => [...l].length <= 50)).toBe(true);
    expect(text).toContain('SESSION   20261207-1124-sx7x');
  });

  it('shares the cut out over the shrinkable columns, widest first', () => {
    const wide = [['A', 'B', 'C'], ['x'.repeat(40), 'y'.repeat(40), 'z'.repeat(10)]];
    const [, line] = fitTable(wide, 70, [0, 1]).split('\n');
    expect([...line!].length).toBe(70);
    const [a, b] = line!.split(/ {2,}/);
    expect(Math.abs([...a!].length - [...b!].length)).toBeLessThanOrEqual(1);
  });

  it('stacks when even the cut columns cannot fit', () => {
    const fixed = [['A', 'B', 'C'], ['x'.repeat(30), 'y'.repeat(30), 'z'.repeat(30)]];
    const text = fitTable(fixed, 64, [2]);
    expect(text.split('\n').every((l) => [...l].length <= 64)).toBe(true);
    expect(text).toContain(`A  ${'x'.repeat(30)}`);
  });
});
