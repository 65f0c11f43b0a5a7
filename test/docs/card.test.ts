/**
 * `sop docs ID --card` (the built binary: run `npm run build` first): a pocket card of one page
 * for every shipped SOP in both languages — at most 66 rows (an A4 page of 10 pt monospace) of at
 * most 80 columns — with the main path, the keys, the duty-to-act rule where the SOP can come to
 * it, and the directory's numbers with their hours.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repo = new URL('../../', import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), 'sop-card-'));
const env = { ...process.env, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, XDG_DATA_HOME: home, LANG: 'C' };
const ids = readdirSync(join(repo, 'sops')).filter((f) => f.endsWith('.sop.yaml')).map((f) => f.replace('.sop.yaml', ''));

function card(id: string, lang: string) {
  const result = spawnSync(process.execPath, [join(repo, 'bin/sop.cjs'), 'docs', id, '--card', '--lang', lang], { env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sop docs --card', () => {
  it('fits one page for every shipped SOP, in English and Ukrainian', () => {
    for (const id of ids) {
      for (const lang of ['en', 'uk']) {
        const { code, stdout } = card(id, lang);
        expect(code, `${id} ${lang}`).toBe(0);
        const rows = stdout.trimEnd().split('\n');
        expect(rows.length, `${id} ${lang}: rows`).toBeLessThanOrEqual(66);
        for (const row of rows) expect(stringWidth(row), `${id} ${lang}: ${row}`).toBeLessThanOrEqual(80);
        expect(stdout).toMatch(lang === 'uk' ? /## Основний шлях\n\n1\. / : /## The main path\n\n1\. /);
        expect(stdout).toContain('- `!` ');
      }
    }
  }, 180_000);

  it('emergency: the duty-to-act rule and the police number with its hours; the start step first', () => {
    const { stdout } = card('emergency', 'en');
    expect(stdout).toContain('## Acting without the caller’s consent');
    expect(stdout).toContain('a child (under');
    expect(stdout).toMatch(/\*\*Police \(emergency\)\*\*: 102 — 24\/7/);
    const sop = parse(readFileSync(join(repo, 'sops/emergency.sop.yaml'), 'utf8')) as { start: string; steps: Record<string, { title?: { en: string }; text: { en: string } }> };
    const first = sop.steps[sop.start]!;
    const expected = (first.title?.en ?? first.text.en).replace(/\s+/g, ' ').slice(0, 30);
    expect(stdout).toContain(`1. ${expected}`);
  });

  it('a procedure that cannot come to the duty-to-act rule has no such section', () => {
    const { stdout } = card('silent-caller', 'en');
    expect(stdout).not.toContain('Acting without');
  });

  it('an unknown SOP id is a usage error with a suggestion', () => {
    const result = card('emergancy', 'en');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Did you mean "emergency"?');
  });
});
