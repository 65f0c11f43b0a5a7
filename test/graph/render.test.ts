import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/render/build-graph.js';
import { mermaidText, toMermaid } from '../../src/core/render/to-mermaid.js';
import { toDot } from '../../src/core/render/to-dot.js';
import { toHandbook } from '../../src/core/render/to-handbook.js';
import { toText } from '../../src/core/render/to-text.js';
import type { Sop } from '../../src/core/model/sop.js';
import { graphvizErrors, parseMermaid } from './parse-diagrams.js';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const tricky = parse(readFileSync(fixture('tricky.sop.yaml'), 'utf8')) as Sop;
const titlesIn = (lang: string) => new Map([['helper', lang === 'uk' ? 'Перевірка пропозиції роботи' : 'Check a job offer']]);
const titles = titlesIn('en');

/** Compares with the expected file beside the fixture; UPDATE_FIXTURES=1 rewrites it. */
function expectFile(actual: string, name: string): void {
  if (process.env['UPDATE_FIXTURES']) writeFileSync(fixture(name), actual);
  expect(actual).toBe(readFileSync(fixture(name), 'utf8'));
}

describe('graph renderers on the tricky fixture', () => {
  for (const lang of ['en', 'uk']) {
    const graph = buildGraph(tricky, { lang, titles: titlesIn(lang) });
    it(`mermaid (${lang}) matches the fixture and Mermaid's own parser accepts it`, async () => {
      const text = toMermaid(graph, lang);
      expectFile(text, `tricky.${lang}.mmd`);
      await expect(parseMermaid(text)).resolves.toBe('flowchart-v2');
    });
    it(`dot (${lang}) matches the fixture and Graphviz lays it out`, async () => {
      const text = toDot(graph, lang);
      expectFile(text, `tricky.${lang}.dot`);
      expect(await graphvizErrors(text)).toEqual([]);
    });
    it(`text (${lang}) matches the fixture`, () => {
      expectFile(toText(graph, lang), `tricky.${lang}.txt`);
    });
  }

  it('is deterministic', () => {
    const a = toMermaid(buildGraph(tricky, { lang: 'en', titles }), 'en');
    const b = toMermaid(buildGraph(structuredClone(tricky), { lang: 'en', titles }), 'en');
    expect(a).toBe(b);
  });

  it('labels branches with option labels, branch labels and conditions, and marks the default', () => {
    const edges = buildGraph(tricky, { lang: 'en' }).edges;
    const from = (id: string) => edges.filter((e) => e.from === id).map((e) => `${e.label} -> ${e.to}`);
    expect(from('safe')).toEqual(['Yes -> age', 'No — call back later -> call-back', 'In danger -> danger']);
    expect(from('route')).toEqual(['a child (<18) -> child', 'danger -> danger', 'otherwise -> signs']);
    expect(from('interrupt:!')).toEqual([' -> danger']);
  });

  it('shows cycles as "back to" and repeated nodes as references in the text tree', () => {
    const text = toText(buildGraph(tricky, { lang: 'en' }), 'en');
    expect(text).toContain('Start over → ↻ back to safe');
    expect(text).toMatch(/In danger → danger \(see above\)|→ danger · Call 112/);
    expect(text.match(/^.*danger · Call 112.*$/gm)).toHaveLength(1);
  });
});

describe('mermaid escaping', () => {
  const awkward = ['"quoted"', '[brackets]', '{braces}', '(parens)', 'a | b', 'x < y > z', '#hash; &amp;', '`code`', '100% sure', 'end', 'A --> B', 'semi; colon: ok', 'tab\tnew\nline', "it's"];
  for (const text of awkward) {
    it(`keeps ${JSON.stringify(text)} parseable as node and edge labels`, async () => {
      const label = mermaidText(text);
      const diagram = `flowchart TD\n  s_a["${label}"] -->|"${label}"| s_b{"${label}"}\n`;
      await expect(parseMermaid(diagram)).resolves.toBe('flowchart-v2');
    });
  }
  it('a broken label really is rejected by the parser (the check can fail)', async () => {
    await expect(parseMermaid('flowchart TD\n  a["unclosed] --> b\n')).rejects.toThrow(/Parse error/);
    await expect(parseMermaid('flowchart TD\n  a["x"] --> b{"a"b"}\n')).rejects.toThrow(/Parse error/);
    // Why step ids get a prefix: a step called "end" would be Mermaid's keyword.
    await expect(parseMermaid('flowchart TD\n  end --> b\n')).rejects.toThrow(/Parse error/);
  });
});

describe('dot escaping', () => {
  it('a broken DOT text really is rejected (the check can fail)', async () => {
    expect((await graphvizErrors('digraph { "a -> b }')).length).toBeGreaterThan(0);
  });
});

describe('a step named like a property of every object', () => {
  const sop = parse(readFileSync(new URL('broken/missing-constructor.sop.yaml', import.meta.url), 'utf8')) as Sop;
  it('is drawn as a missing step when the SOP lacks it, not taken from Object.prototype', () => {
    const graph = buildGraph(sop, { lang: 'en' });
    expect(toMermaid(graph, 'en')).toContain('missing_constructor["? constructor"]');
    expect(toDot(graph, 'en')).toContain('"? constructor"');
  });
  it('is a missing link in the handbook, and a missing contact among the referrals', () => {
    const handbook = toHandbook(sop, { lang: 'en', directory: { directory: 'test', contacts: {} } });
    expect(handbook).toContain('`constructor` (?)');
    expect(handbook).toContain('`constructor` (not in the directory: add it to directory.yaml)');
    expect(handbook).not.toContain('Object');
  });
});
