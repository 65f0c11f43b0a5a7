import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toHandbook } from '../../src/core/render/to-handbook.js';
import type { Directory } from '../../src/core/model/directory.js';
import type { Sop } from '../../src/core/model/sop.js';
import { parseMermaid } from '../graph/parse-diagrams.js';

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));
const tricky = parse(readFileSync(here('../graph/fixtures/tricky.sop.yaml'), 'utf8')) as Sop;
const directory = parse(readFileSync(here('fixtures/directory.yaml'), 'utf8')) as Directory;
const titlesIn = (lang: string) => new Map([['helper', lang === 'uk' ? 'Перевірка пропозиції роботи' : 'Check a job offer']]);

function expectFile(actual: string, name: string): void {
  if (process.env['UPDATE_FIXTURES']) writeFileSync(here(`fixtures/${name}`), actual);
  expect(actual).toBe(readFileSync(here(`fixtures/${name}`), 'utf8'));
}

describe('handbook', () => {
  for (const lang of ['en', 'uk']) {
    const text = toHandbook(tricky, { lang, directory, titles: titlesIn(lang), file: 'test/graph/fixtures/tricky.sop.yaml' });
    it(`(${lang}) matches the fixture`, () => expectFile(text, `tricky.${lang}.md`));
    it(`(${lang}) embeds a mermaid diagram that Mermaid parses`, async () => {
      const diagram = /```mermaid\n([\s\S]*?)```/.exec(text)?.[1];
      expect(diagram).toBeDefined();
      await expect(parseMermaid(diagram!)).resolves.toBe('flowchart-v2');
    });
    it(`(${lang}) links only to anchors it defines`, () => {
      const anchors = new Set([...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
      const links = [...text.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
      expect(links.length).toBeGreaterThan(10);
      for (const link of links) expect(anchors).toContain(link);
    });
  }

  it('lists every step once: the main path first, then side branches with the step they come from', () => {
    const text = toHandbook(tricky, { lang: 'en' });
    const ids = [...text.matchAll(/<a id="step-([^"]+)"><\/a>/g)].map((m) => m[1]);
    expect(ids).toEqual(['greet', 'safe', 'age', 'route', 'signs', 'check-offer', 'more', 'refer', 'call-back', 'danger', 'child', 'close', 'orphan']);
    const callBack = text.slice(text.indexOf('<a id="step-call-back">'), text.indexOf('<a id="step-danger">'));
    expect(callBack).toContain('↩ side branch, from [2.');
  });

  it('says languages in words and never says "tail call"', () => {
    expect(toHandbook(tricky, { lang: 'uk' })).toContain('| Мови | англійська, українська |');
    expect(toHandbook(tricky, { lang: 'en' })).not.toMatch(/tail call/i);
    expect(toHandbook(tricky, { lang: 'uk' })).not.toMatch(/хвостовий/i);
  });

  it('gives a referral contact with phone, hours, last-verified date and its unverified remark', () => {
    const text = toHandbook(tricky, { lang: 'en', directory });
    const section = text.slice(text.indexOf('## Referral contacts'));
    expect(section).toContain('`0 800 000 000`, `116 000`');
    expect(section).toContain('Mon–Fri 9:00–18:00');
    expect(section).toContain('**Last verified:** 2026-01-15');
    expect(section).toContain('⚠ **Not verified:** Weekend hours not confirmed.');
    expect(section).toContain('Partner NGO \\<legal aid\\>');
  });

  it('flags a referral missing from the directory instead of inventing it', () => {
    const text = toHandbook(tricky, { lang: 'en' });
    expect(text).toContain('`partner` (not in the directory: add it to directory.yaml)');
  });
});
