/**
 * `sop graph --format text` on a terminal: every shipped SOP's tree, in both languages, fits 80
 * and 60 columns with every step still named, and wrapped lines keep the tree's guides.
 */
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/render/build-graph.js';
import { toText } from '../../src/core/render/to-text.js';
import { fitTree } from '../../src/shell/format/fit-tree.js';
import { readLibrary } from '../../src/shell/library/read-library.js';

const ROOT = join(import.meta.dirname, '..', '..');
const { library } = await readLibrary([join(ROOT, 'sops')], { cache: false });
const ids = [...library.sops.keys()].sort();

describe('fitTree', () => {
  it('keeps every line whole without a width (piped, --wide)', () => {
    const text = toText(buildGraph(library.sops.get('first-contact')!.sop, { lang: 'en' }), 'en');
    expect(fitTree(text, undefined)).toBe(text);
    expect(Math.max(...text.split('\n').map((line) => stringWidth(line)))).toBeGreaterThan(80);
  });

  it('wraps a long line under its own guides', () => {
    const tree = ['root', '├─ a branch whose label is long enough to wrap at forty columns → step', '│  └─ child', '└─ last'].join('\n');
    expect(fitTree(tree, 40).split('\n')).toEqual([
      'root',
      '├─ a branch whose label is long enough',
      '│    to wrap at forty columns → step',
      '│  └─ child',
      '└─ last',
    ]);
  });

  it('shows only the innermost guides after "⋯" where the whole guides would leave too little room', () => {
    const deep = `${'│  '.repeat(14)}└─ a step nested far too deep for this terminal`;
    const lines = fitTree(deep, 50).split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(50);
    expect(lines[0]).toMatch(/^⋯[│ ]+└─ a step/);
    expect(lines.map((line) => line.replace(/^⋯?[│├└─ ]*/u, '')).join(' ')).toBe('a step nested far too deep for this terminal');
  });

  for (const id of ids) {
    for (const lang of ['en', 'uk']) {
      it(`${id} (${lang}) fits 80 and 60 columns; at 80 every step is still in the tree`, () => {
        const sop = library.sops.get(id)!.sop;
        const text = toText(buildGraph(sop, { lang }), lang);
        for (const columns of [80, 60]) {
          const fitted = fitTree(text, columns);
          for (const line of fitted.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
          // Joined back, the wrapped text still names every step.
          const joined = fitted.replace(/\n⋯?[│ ]*(?=[^│├└ ⋯])/gu, ' ');
          if (columns === 80) for (const step of Object.keys(sop.steps)) expect(joined).toMatch(new RegExp(`(^|[─ ])${step}( ·| \\[|…)`, 'm'));
        }
      });
    }
  }
});
