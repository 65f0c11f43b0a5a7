/**
 * The directory's remarks (`unverified`), its `source`, and a step's `source` are translatable
 * texts: shown in the chosen language (handbook, end of call) and checked by `sop validate` for a
 * missing translation like every other text. Through the BUILT binary (run `npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'sop.cjs');
const FIXTURE = join(ROOT, 'test', 'train', 'fixtures', 'sealed');
const sop = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', HOME: tmpdir(), LANG: 'C.UTF-8', NO_COLOR: '1' } });

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the small sealed fixture library, with its directory and SOP edited. */
function library(edit: (files: { directory: string; sop: string }) => { directory: string; sop: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'sop-remarks-'));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  const files = edit({ directory: readFileSync(join(dir, 'directory.yaml'), 'utf8'), sop: readFileSync(join(dir, 'sealed.sop.yaml'), 'utf8') });
  writeFileSync(join(dir, 'directory.yaml'), files.directory);
  writeFileSync(join(dir, 'sealed.sop.yaml'), files.sop);
  return dir;
}

describe('translatable remarks and sources', () => {
  it('a uk handbook shows the shipped directory’s Ukrainian remark and source', () => {
    const uk = sop('docs', 'referral', '--lang', 'uk', '--sops', 'sops');
    expect(uk.status).toBe(0);
    expect(uk.stdout).toContain('Інші мови, крім української, не підтверджено');
    expect(uk.stdout).toContain('la-strada.org.ua; номер наведено на громадському сайті у 2025 році');
    expect(uk.stdout).not.toContain('Languages other than Ukrainian not confirmed');
    const en = sop('docs', 'referral', '--lang', 'en', '--sops', 'sops');
    expect(en.stdout).toContain('Languages other than Ukrainian not confirmed');
  });

  it('a step’s source and a contact’s remark show in the language asked for', () => {
    const dir = library(({ directory, sop: text }) => ({
      directory: directory.replace('    source: fixture\n', '    source: { en: Fixture list, uk: Тестовий перелік }\n    unverified: { en: Hours not checked, uk: Години роботи не перевірено }\n'),
      sop: text.replace('  done:\n    kind: end\n    outcome: coded', '  done:\n    kind: end\n    outcome: coded\n    refer: [partner]').replace('    stat: gender\n', '    stat: gender\n    source: { en: Call-coding rules, uk: Правила кодування дзвінків }\n'),
    }));
    const uk = sop('docs', join(dir, 'sealed.sop.yaml'), '--lang', 'uk', '--sops', dir);
    expect(uk.status, uk.stderr).toBe(0);
    expect(uk.stdout).toContain('Правила кодування дзвінків');
    expect(uk.stdout).toContain('Години роботи не перевірено');
    expect(uk.stdout).toContain('Тестовий перелік');
    expect(uk.stdout).not.toContain('Hours not checked');
    expect(sop('validate', dir).status).toBe(0);
  });

  it('sop validate reports a missing translation of a remark, a contact’s source and a step’s source (SOP401, exit 1)', () => {
    const dir = library(({ directory, sop: text }) => ({
      directory: directory.replace('    source: fixture\n', '    source: { en: Fixture list }\n    unverified: { en: Hours not checked }\n'),
      sop: text.replace('    stat: gender\n', '    stat: gender\n    source: { en: Call-coding rules }\n'),
    }));
    const result = sop('validate', dir);
    expect(result.status).toBe(1);
    const out = result.stdout + result.stderr;
    expect(out).toMatch(/directory\.yaml:\d+:\d+: error: contact 'partner': the source has no 'uk' translation.*\[SOP401 missing-translation\]/);
    expect(out).toMatch(/directory\.yaml:\d+:\d+: error: contact 'partner': the unverified has no 'uk' translation.*\[SOP401 missing-translation\]/);
    expect(out).toMatch(/sealed\.sop\.yaml:\d+:\d+: error: the text has no 'uk' translation.*\[SOP401 missing-translation\]/);
  });
});
