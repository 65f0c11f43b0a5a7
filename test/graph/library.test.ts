/**
 * Every SOP shipped in sops/ draws: Mermaid's parser accepts its diagram, Graphviz lays out its
 * DOT, and its handbook links only to anchors it defines. Guards the renderers against whatever
 * the library's authors write next.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/render/build-graph.js';
import { toDot } from '../../src/core/render/to-dot.js';
import { toHandbook } from '../../src/core/render/to-handbook.js';
import { toMermaid } from '../../src/core/render/to-mermaid.js';
import { toText } from '../../src/core/render/to-text.js';
import { readLibrary } from '../../src/shell/library/read-library.js';
import { graphvizErrors, parseMermaid } from './parse-diagrams.js';
import { ROOT } from './run-sop.js';

const { library } = await readLibrary([join(ROOT, 'sops')], { cache: false });
const ids = [...library.sops.keys()].sort();

describe('the shipped library draws', () => {
  it('has SOPs to draw', () => expect(ids.length).toBeGreaterThan(0));
  for (const id of ids) {
    for (const lang of ['en', 'uk']) {
      it(`${id} (${lang}): mermaid parses, dot lays out, every step is in the text tree, handbook links resolve`, async () => {
        const sop = library.sops.get(id)!.sop;
        const graph = buildGraph(sop, { lang });
        await expect(parseMermaid(toMermaid(graph, lang))).resolves.toBe('flowchart-v2');
        expect(await graphvizErrors(toDot(graph, lang))).toEqual([]);
        const text = toText(graph, lang);
        for (const step of Object.keys(sop.steps)) expect(text).toMatch(new RegExp(`(^|[─ ])${step}( ·| \\[)`, 'm'));
        const handbook = toHandbook(sop, { lang, ...(library.directory ? { directory: library.directory } : {}) });
        const anchors = new Set([...handbook.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
        for (const [, target] of handbook.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors).toContain(target);
        expect(handbook).not.toContain('not in the directory');
      });
    }
  }
});
