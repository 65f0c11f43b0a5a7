/**
 * SOP texts in any language an SOP declares (BCP 47 tags): the three-language fixture
 * (test/e2e/fixtures/three-languages) validates; a malformed tag and a missing translation are
 * findings at file:line:col (through the built binary); a reader's language is matched by tag,
 * then English, then the SOP's first language (through the loader and textIn).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Localized } from '../../src/core/model/sop.js';
import { textIn } from '../../src/core/model/localize.js';
import { sop, ROOT } from '../cli-test/run-sop.js';
import { loadFixtureLibrary, sourceFile } from '../fixture-files.js';
import { tempDirForFile } from '../temp-dirs.js';

const FIXTURE = join(ROOT, 'test/e2e/fixtures/three-languages');
const WELCOME = join(FIXTURE, 'welcome.sop.yaml');

/** A copy of the fixture SOP with `edit` applied, in a folder of its own. */
function edited(edit: (text: string) => string): string {
  const dir = tempDirForFile('sop-languages-');
  cpSync(FIXTURE, dir, { recursive: true });
  const file = join(dir, 'welcome.sop.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

const libraryOf = (dir: string) => loadFixtureLibrary([sourceFile(join(dir, 'welcome.sop.yaml'))], dir);

describe('SOP texts in any language', () => {
  it('the three-language fixture (en, uk, pl) has no findings', () => {
    const result = sop(['validate', FIXTURE]);
    expect(result.stderr).toMatch(/^No problems found in 1 file/);
    expect(result.status).toBe(0);
  });

  it('a malformed tag is SOP404 at its place, with the canonical form to write', () => {
    const dir = edited((text) => text.replace('languages: [en, uk, pl]', 'languages: [en, uk, pl, pt_br]'));
    const result = sop(['validate', dir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/welcome\.sop\.yaml:9:25: error: 'pt_br' is not written as a BCP 47 language tag \[SOP404 malformed-language-tag\]/);
    expect(result.stdout).toContain("= write 'pt-BR'");
    expect(result.stderr).toMatch(/1 error, 0 warnings in 1 file/);
  });

  it('a tag that is no language at all is SOP404 too, and so is one keying a text', () => {
    const dir = edited((text) => text.replace('languages: [en, uk, pl]', 'languages: [en, uk, pl, en-US-US]').replace('pl: Rozmowa powitalna', 'pl: Rozmowa powitalna, PL: Rozmowa'));
    const result = sop(['validate', dir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/:9:25: error: 'en-US-US' is not a BCP 47 language tag \[SOP404 malformed-language-tag\]/);
    expect(result.stdout).toMatch(/:8:78: error: 'PL' is not written as a BCP 47 language tag \[SOP404 malformed-language-tag\]/);
  });

  it('a missing translation is SOP401 for the declared language that lacks it', () => {
    const dir = edited((text) => text.replace(', pl: Przywitaj rozmówcę', ''));
    const result = sop(['validate', dir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/:21:5: error: the text has no 'pl' translation \(the SOP declares languages en, uk, pl\) \[SOP401 missing-translation\]/);
  });

  it('a reader gets the chosen language, a broader tag, then English, then the SOP\'s first language', () => {
    const title = libraryOf(FIXTURE).sops.get('welcome')?.sop.title;
    expect(textIn(title, 'pl')).toBe('Rozmowa powitalna');
    expect(textIn(title, 'uk')).toBe('Вітальний дзвінок');
    expect(textIn(title, 'de')).toBe('Welcome call');
    // No English: the SOP's first language (pl), whatever order the text was written in.
    const noEnglish = edited((text) =>
      text
        .replace('languages: [en, uk, pl]', 'languages: [pl, uk]')
        .replace(/en: [^,]+, (uk: [^,]+), (pl: [^}]+)/g, '$1, $2')
        .replace(/\n {6}en: .*/g, ''),
    );
    const translated = libraryOf(noEnglish).sops.get('welcome')?.sop;
    expect(Object.keys(translated?.title as object)).toEqual(['pl', 'uk']);
    expect(textIn(translated?.title, 'de')).toBe('Rozmowa powitalna');
    expect(textIn(translated?.title, 'uk')).toBe('Вітальний дзвінок');
  });

  it('a regional tag falls back to its language: pt-BR reads pt', () => {
    const text: Localized = { en: 'Hello', pt: 'Olá', 'pt-PT': 'Olá (PT)' };
    expect(textIn(text, 'pt-BR')).toBe('Olá');
    expect(textIn(text, 'pt-PT')).toBe('Olá (PT)');
    expect(textIn(text, 'pt')).toBe('Olá');
  });
});
