/**
 * `sop docs --format html|pdf` through the built binary (run `npm run build` first): one
 * self-contained printable file of an SOP or of the whole library, every SOP text escaped.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, isolatedEnv, runSop } from '../graph/run-sop.js';

type Text = string | { readonly en?: string; readonly uk?: string };

interface SopFile {
  readonly sop: string;
  readonly title: string | { readonly en: string };
  readonly steps: { readonly [id: string]: { readonly title?: Text } };
}

const inLang = (text: Text | undefined, lang: 'en' | 'uk'): string | undefined => (typeof text === 'string' ? text : (text?.[lang] ?? text?.en));
const english = (text: Text | undefined): string | undefined => inLang(text, 'en');
const escaped = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const shipped: SopFile[] = readdirSync(join(ROOT, 'sops'))
  .filter((name) => name.endsWith('.sop.yaml'))
  .map((name) => parse(readFileSync(join(ROOT, 'sops', name), 'utf8')) as SopFile)
  .sort((a, b) => (a.sop < b.sop ? -1 : 1));

/** The part of the HTML that is one SOP's section. */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section class="sop" id="sop-${id}">`);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The step headings of a section (those under a step's anchor), in order (tags stripped, entities kept). */
const headings = (section: string): string[] =>
  [...section.matchAll(/--step-[^"]+"><\/a>\s*<h3>([\s\S]*?)<\/h3>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

/** The lines of text of the section's diagram, as a reader sees them (Graphviz's escapes undone). */
function diagramText(section: string): string[] {
  const figure = /<figure class="diagram">(<svg[\s\S]*?<\/svg>)<\/figure>/.exec(section);
  expect(figure, 'the section has its diagram as inline SVG').not.toBeNull();
  return [...figure![1]!.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
      .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
}

/** The page's own tags (escaped text has none). */
const tags = (html: string): string[] => html.match(/<[a-zA-Z][^>]*>/g) ?? [];

function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/<script/i);
  for (const tag of tags(html)) {
    expect(tag).not.toMatch(/\s(?:src|href|xlink:href|action|srcset|poster|data)\s*=\s*["']?\s*(?:[a-z]+:)?\/\//i);
    expect(tag).not.toMatch(/\son\w+\s*=|javascript:/i);
  }
  expect(html).not.toMatch(/<link\b|@import|url\(/i);
  expect(html).toContain('@page { size: A4');
  expect(html).toMatch(/section\.sop \{ break-before: page/);
}

/** PATH without any Graphviz or Chromium (node is run by its full path). */
const BARE_PATH = mkdtempSync(join(tmpdir(), 'sop-bare-path-'));

describe('sop docs --format html (built binary)', () => {
  it('the whole shipped library: a contents page listing every SOP, each SOP with a heading for every step', () => {
    const run = runSop(['docs', '--format', 'html', '--lang', 'en'], { env: isolatedEnv({ PATH: BARE_PATH }) });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const html = run.stdout;
    expectSelfContained(html);
    const contents = html.slice(html.indexOf('<nav class="contents">'), html.indexOf('</nav>'));
    expect(shipped.length).toBeGreaterThan(5);
    for (const sop of shipped) {
      expect(contents).toContain(`<a href="#sop-${sop.sop}">${escaped(english(sop.title)!)}</a>`);
      const section = sectionOf(html, sop.sop);
      const found = headings(section);
      expect(found).toHaveLength(Object.keys(sop.steps).length);
      for (const [id, step] of Object.entries(sop.steps)) {
        const title = english(step.title);
        // Headed by the step's own title (long ones shortened), else by its id; with its anchor.
        const head = title ? escaped(title.replace(/\s+/g, ' ').trim()).slice(0, 40) : id;
        expect(found.some((h) => h.replace(/^\d+\. /, '').startsWith(head))).toBe(true);
        expect(section).toContain(`<a id="${sop.sop}--step-${id}"></a>`);
      }
      // No Graphviz on PATH, and the diagram is there all the same (drawn in WebAssembly).
      expect(section).toContain('<figure class="diagram"><svg ');
    }
    expect(html).not.toMatch(/<\?xml|<!DOCTYPE svg|class="diagram-note"/);
    // Every link goes to an anchor inside the file.
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(shipped.length * 5);
    for (const link of links) expect(ids).toContain(link);
    // Words to read aloud are set apart (a bordered block in the stylesheet).
    expect(html).toContain('<blockquote class="say">');
    expect(html).toMatch(/blockquote\.say \{ border: /);
  });

  it('one SOP: no contents page, the file written with -o', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sop-docs-html-')), 'closing.html');
    const run = runSop(['docs', 'closing', '--format', 'html', '-o', out], { env: isolatedEnv({ PATH: BARE_PATH }) });
    expect(run.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expectSelfContained(html);
    expect(html).not.toContain('<nav');
    expect(html.match(/<section class="sop"/g)).toHaveLength(1);
    expect(statSync(out).mode & 0o777).toBe(0o644);
  });

  it('escapes every SOP text: no markup from a text reaches the page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sop-docs-evil-'));
    const evil = '<script>alert(1)</script> <img src=http://example.org/x onerror=alert(2)> [x](javascript:alert(3)) https://example.org/';
    writeFileSync(
      join(dir, 'evil.sop.yaml'),
      [
        'sop: evil',
        'version: 1.0.0',
        `title: ${JSON.stringify(evil)}`,
        `description: ${JSON.stringify(evil)}`,
        'languages: [en]',
        'start: ask',
        'outcomes:',
        '  ok:',
        `    label: ${JSON.stringify(evil)}`,
        '    category: informed',
        'steps:',
        '  ask:',
        '    kind: ask',
        `    title: ${JSON.stringify(evil)}`,
        `    text: ${JSON.stringify(`${evil}\n\n<a id="step-x"></a></a>`)}`,
        `    say: ${JSON.stringify(evil)}`,
        `    guidance: ${JSON.stringify(evil)}`,
        '    options:',
        `      - { id: yes, label: ${JSON.stringify(evil)}, next: fin }`,
        '  fin:',
        '    kind: end',
        `    text: ${JSON.stringify(evil)}`,
        '    outcome: ok',
        '',
      ].join('\n'),
    );
    const run = runSop(['docs', '--format', 'html', '--sops', dir], { env: isolatedEnv({ PATH: BARE_PATH }) });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const html = run.stdout;
    expectSelfContained(html);
    expect(tags(html).filter((tag) => /^<(?:img|script|iframe)/i.test(tag))).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.split('&lt;script&gt;alert(1)&lt;/script&gt;').length).toBeGreaterThan(8);
    // The text's own anchor is text, not an anchor of the page.
    expect(html).not.toContain('<a id="step-x">');
    expect(html).not.toContain('<a id="evil--step-x">');
  });

  for (const lang of ['en', 'uk'] as const) {
    it(`every SOP's diagram is inline SVG with every step's title as a label, without Graphviz installed (${lang})`, () => {
      const run = runSop(['docs', '--format', 'html', '--lang', lang], { env: isolatedEnv({ PATH: BARE_PATH }) });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      for (const sop of shipped) {
        const lines = diagramText(sectionOf(run.stdout, sop.sop));
        for (const step of Object.values(sop.steps)) {
          // Titles are labels as written (none is long enough to be shortened), in the page's language.
          expect(lines, sop.sop).toContain(inLang(step.title, lang)!.replace(/\s+/g, ' ').trim());
        }
      }
      if (lang === 'uk') expect(diagramText(sectionOf(run.stdout, 'first-contact'))).toContain('Привітати абонента');
    });
  }

  it('Markdown needs an SOP; the whole library is html or pdf', () => {
    const run = runSop(['docs']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/name an SOP.*--format html or pdf/);
    const card = runSop(['docs', 'emergency', '--card', '--format', 'html']);
    expect(card.status).toBe(2);
    expect(card.stderr).toContain('--card writes a Markdown card: leave out --format.');
  });
});

describe('sop docs --format pdf', () => {
  it('needs -o FILE', () => {
    const run = runSop(['docs', 'closing', '--format', 'pdf']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--format pdf writes a file: give -o FILE.pdf.');
  });

  it('without Chromium: says what to install or to print the HTML, exit 2', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sop-docs-pdf-')), 'x.pdf');
    const run = runSop(['docs', 'closing', '--format', 'pdf', '-o', out], { env: isolatedEnv({ PATH: BARE_PATH }) });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/needs a headless Chromium[\s\S]*apt-get install chromium[\s\S]*--format html and print it from a browser/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('a Chromium that fails: a clear message, exit 2, its temp folder removed', () => {
    const bin = mkdtempSync(join(tmpdir(), 'sop-fake-chromium-'));
    writeFileSync(join(bin, 'chromium'), `#!/bin/sh\necho "$@" > "${bin}/args"\necho 'cannot open display' >&2\nexit 3\n`);
    chmodSync(join(bin, 'chromium'), 0o755);
    const out = join(bin, 'x.pdf');
    const run = runSop(['docs', 'closing', '--format', 'pdf', '-o', out], { env: isolatedEnv({ PATH: BARE_PATH, SOP_CHROMIUM: join(bin, 'chromium') }) });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/could not print the PDF: cannot open display[\s\S]*--format html/);
    const args = readFileSync(join(bin, 'args'), 'utf8');
    expect(args).toMatch(/--headless .*--print-to-pdf=\S*x\.pdf --no-pdf-header-footer file:\/\/\S+\.html/);
    const page = /file:\/\/(\S+\.html)/.exec(args)![1]!;
    expect(existsSync(decodeURIComponent(page))).toBe(false);
  });
});

function onPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}
const chromium = process.env['SOP_CHROMIUM'] ?? onPath('chromium') ?? onPath('chromium-browser') ?? onPath('google-chrome');
const pdftotext = onPath('pdftotext');

describe('sop docs --format pdf through Chromium', () => {
  it.skipIf(!chromium || !pdftotext)(
    `the whole library: a page per SOP at least, every step heading of an SOP and its diagram in the text${chromium && pdftotext ? '' : ' (skipped: needs chromium and pdftotext on PATH)'}`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'sop-docs-pdf-'));
      const out = join(dir, 'library.pdf');
      const env = isolatedEnv({ PATH: process.env['PATH'] ?? '' });
      const run = spawnSync(process.execPath, [BIN, 'docs', '--format', 'pdf', '--lang', 'en', '-o', out], { cwd: ROOT, env, encoding: 'utf8', timeout: 170_000 });
      expect(run.stderr).toContain(`sop: wrote ${out}`);
      expect(run.status).toBe(0);
      expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
      const text = spawnSync(pdftotext!, ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
      const pages = text.split('\f').filter((page) => page.trim() !== '').length;
      expect(pages).toBeGreaterThanOrEqual(shipped.length + 1);
      // The step headings of one SOP, as the HTML heads them, are in the printed text.
      const html = runSop(['docs', '--format', 'html', '--lang', 'en'], { env }).stdout;
      const flat = text.replace(/\s+/g, ' ');
      const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      const wanted = headings(sectionOf(html, 'first-contact')).map((h) => unescape(h).replace(/\s+/g, ' '));
      expect(wanted.length).toBeGreaterThan(5);
      for (const heading of wanted) expect(flat).toContain(heading);
      // So is its diagram: the SVG's own heading (the title with id and version) is nowhere else.
      const [diagramHeading] = diagramText(sectionOf(html, 'first-contact'));
      expect(diagramHeading).toMatch(/^First contact \(first-contact \d+\.\d+\.\d+\)$/);
      expect(flat).toContain(diagramHeading);
    },
    180_000,
  );
});
