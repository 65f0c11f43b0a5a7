import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasDotProgram } from './parse-diagrams.js';
import { isolatedEnv, ROOT, runSop } from './run-sop.js';

const FIX = 'test/graph/fixtures';
const TRICKY = `${FIX}/tricky.sop.yaml`;
const expected = (name: string): string => readFileSync(join(ROOT, FIX, name), 'utf8');
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

describe('sop graph (built binary)', () => {
  it('prints Mermaid for a path: the fixture exactly, nothing on stderr, exit 0', () => {
    const run = runSop(['graph', TRICKY, '--sops', FIX, '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(expected('tricky.en.mmd'));
  });

  it('finds an SOP by id in the library, in Ukrainian, as dot and as text', () => {
    expect(runSop(['graph', 'tricky', '--sops', FIX, '--lang', 'uk', '--format', 'dot']).stdout).toBe(expected('tricky.uk.dot'));
    const text = runSop(['graph', 'tricky', '--sops', FIX, '--lang', 'uk', '--format', 'text']);
    expect(text.stdout).toBe(expected('tricky.uk.txt'));
    expect(text.stdout).not.toMatch(ANSI);
  });

  it('takes the language from the config file when no --lang is given', () => {
    const env = isolatedEnv({ LANG: 'uk_UA.UTF-8' });
    expect(runSop(['graph', 'tricky', '--sops', FIX, '--format', 'text'], { env }).stdout).toBe(expected('tricky.uk.txt'));
  });

  it('reads the SOP from stdin with "-"', () => {
    const run = runSop(['graph', '-', '--sops', FIX, '--lang', 'en'], { input: readFileSync(join(ROOT, TRICKY), 'utf8') });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(expected('tricky.en.mmd'));
  });

  it('writes -o FILE and says so on stderr, leaving stdout empty', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sop-graph-')), 'tricky.mmd');
    const run = runSop(['graph', 'tricky', '--sops', FIX, '--lang', 'en', '-o', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(out);
    expect(readFileSync(out, 'utf8')).toBe(expected('tricky.en.mmd'));
  });

  it('an unknown id: exit 2, a suggestion, the known ids, nothing on stdout', () => {
    const run = runSop(['graph', 'trcky', '--sops', FIX]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no SOP with id "trcky"');
    expect(run.stderr).toContain('Did you mean "tricky"?');
    expect(run.stderr).toContain('helper, tricky');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a broken SOP file: exit 2 with file:line:col', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sop-graph-'));
    const bad = join(dir, 'bad.sop.yaml');
    writeFileSync(bad, 'sop: bad\nversion: 1.0.0\ntitle: Bad\nlanguages: [en]\nstart: a\nsteps:\n  a:\n    kind: say\n');
    const run = runSop(['graph', bad, '--sops', FIX]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad\.sop\.yaml:\d+:\d+: /);
    expect(run.stderr).toContain('sop validate');
  });

  it('an unknown format is a usage error (exit 2)', () => {
    const run = runSop(['graph', 'tricky', '--sops', FIX, '--format', 'gif']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/gif/);
  });

  it('--format svg draws without Graphviz installed (Graphviz in WebAssembly), labels in either language', () => {
    for (const [lang, label] of [['en', 'Call 112 with the caller'], ['uk', 'Зателефонуйте 112 за згодою абонента']] as const) {
      const svg = runSop(['graph', 'tricky', '--sops', FIX, '--format', 'svg', '--lang', lang], { env: isolatedEnv({ PATH: '' }) });
      expect(svg.stderr).toBe('');
      expect(svg.status).toBe(0);
      expect(svg.stdout).toMatch(/^<\?xml[\s\S]*<svg [\s\S]*<\/svg>\n$/);
      expect(svg.stdout).toContain(`>${label}`);
    }
  });

  it('the WebAssembly Graphviz (1.2 MB) is read only when an SVG is drawn, not by other commands', () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'dist', 'bundle.json'), 'utf8')) as { file: string };
    // A property name of @viz-js/viz's own code, which minifying keeps.
    expect(readFileSync(join(ROOT, 'dist', bundle.file), 'latin1')).not.toContain('agerrMessages');
    const loads = (args: string[]): boolean => {
      const run = runSop(args, { env: isolatedEnv({ NODE_DEBUG: 'module' }) });
      expect(run.status).toBe(0);
      return /graphviz\.cjs/.test(run.stderr);
    };
    expect(loads(['--version'])).toBe(false);
    expect(loads(['graph', 'tricky', '--sops', FIX, '--format', 'dot'])).toBe(false);
    expect(loads(['graph', 'tricky', '--sops', FIX, '--format', 'svg'])).toBe(true);
  });

  it('--format png without Graphviz on PATH: exit 2 with a clear message, at once', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sop-graph-')), 'tricky.png');
    const run = runSop(['graph', 'tricky', '--sops', FIX, '--format', 'png', '-o', out], { env: isolatedEnv({ PATH: '' }) });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--format png needs Graphviz\'s "dot" program, which is not on PATH');
    expect(run.stderr).toContain('--format svg (drawn without it)');
    expect(existsSync(out)).toBe(false);
    expect(run.ms).toBeLessThan(10_000);
  });

  it.skipIf(!hasDotProgram())('--format png draws through Graphviz (skipped where no "dot" is on PATH)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sop-graph-')), 'tricky.png');
    const png = runSop(['graph', 'tricky', '--sops', FIX, '--format', 'png', '-o', out]);
    expect(png.status).toBe(0);
    expect(existsSync(out) && statSync(out).size).toBeGreaterThan(1000);
    expect(readFileSync(out).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('sop docs (built binary)', () => {
  it('prints the handbook with the library directory: the fixture exactly', () => {
    for (const lang of ['en', 'uk']) {
      const run = runSop(['docs', TRICKY, '--sops', 'test/docs/fixtures', '--lang', lang]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(readFileSync(join(ROOT, 'test/docs/fixtures', `tricky.${lang}.md`), 'utf8'));
    }
  });

  it('writes -o FILE readable by all (no call data in it)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sop-docs-')), 'handbook.md');
    const run = runSop(['docs', TRICKY, '--sops', 'test/docs/fixtures', '-o', out]);
    expect(run.status).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o644);
    expect(readFileSync(out, 'utf8')).toContain('## Referral contacts');
  });

  it('--help shows examples', () => {
    const run = runSop(['docs', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Examples:');
  });
});
