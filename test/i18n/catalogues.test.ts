/**
 * The catalogues of the tool's words (locales/*.ftl) are complete and agree with the code: every
 * key in every catalogue, no unused key, the same placeholders in every language and in every
 * msg() call. The check itself is shown to fail on a planted missing key, an extra key, a renamed
 * placeholder and a key the code does not have.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { msg, say } from '../../src/core/model/message.js';
import { checkCatalogues, messageUses, readCatalogue } from './catalogue-check.js';
import { ROOT } from '../cli-test/run-sop.js';
import { tempDirForFile } from '../temp-dirs.js';

const LOCALES = join(ROOT, 'locales');
const uses = messageUses(join(ROOT, 'src'), ROOT);
const translations = readdirSync(LOCALES)
  .filter((name) => name.endsWith('.ftl') && name !== 'en.ftl')
  .map((name) => name.slice(0, -'.ftl'.length));

/** A copy of the catalogues with `edit` applied to one of them. */
function planted(lang: string, edit: (text: string) => string): string {
  const dir = tempDirForFile('sop-catalogues-');
  cpSync(LOCALES, dir, { recursive: true });
  const file = join(dir, `${lang}.ftl`);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

describe('the catalogues', () => {
  it('have every key in every language, no unused key, and the same placeholders as English and the code', () => {
    expect(uses.length).toBeGreaterThan(150);
    expect(checkCatalogues(LOCALES, uses)).toEqual([]);
  });

  it('hold English, Ukrainian and Polish, the Polish marked as a draft for native speakers to review', () => {
    expect(translations).toEqual(expect.arrayContaining(['pl', 'uk']));
    expect(readCatalogue(join(LOCALES, 'en.ftl')).size).toBeGreaterThan(150);
    expect(readFileSync(join(LOCALES, 'pl.ftl'), 'utf8')).toMatch(/^# [^\n]*DRAFT[^\n]*\n(#[^\n]*\n)*# [^\n]*native speakers/);
  });

  it('Polish chooses its words by number (one, few, many); a number is shown as written', () => {
    const limit = (maxLength: number): string => say('pl', msg('tui-render-step-up-to-characters', { maxLength }));
    expect([1, 3, 5, 22, 25, 1000].map(limit)).toEqual([
      'najwyżej 1 znak',
      'najwyżej 3 znaki',
      'najwyżej 5 znaków',
      'najwyżej 22 znaki',
      'najwyżej 25 znaków',
      'najwyżej 1000 znaków',
    ]);
    expect(say('en', msg('tui-render-step-up-to-characters', { maxLength: 1000 }))).toBe('up to 1000 characters');
  });

  it('a key a catalogue lacks is said in English; a broader tag is tried first', () => {
    expect(say('pl-PL', msg('tui-note-saved'))).toBe('Notatkę zapisano.');
    expect(say('de', msg('tui-note-saved'))).toBe('Note saved.');
  });

  it.each(translations)('the check fails on a key planted missing from %s.ftl, and names it', (lang) => {
    const dir = planted(lang, (text) => text.replace(/^tui-note-saved = .*\n/m, ''));
    expect(checkCatalogues(dir, uses)).toEqual([`${lang}.ftl: missing key 'tui-note-saved'`]);
  });

  it('the check fails on a key English lacks, a renamed placeholder and a message Fluent cannot read', () => {
    const dir = planted('uk', (text) => `${text.replace('{ $maxLength }', '{ $max }')}tui-extra = зайве\ntui-broken = { $\n`);
    expect(checkCatalogues(dir, uses)).toEqual([
      `${join(dir, 'uk.ftl')}: 'tui-broken' cannot be read as Fluent`,
      "uk.ftl: 'tui-render-step-up-to-characters' has placeholders max, English has maxLength",
      "uk.ftl: key 'tui-extra' is not in en.ftl",
    ]);
  });

  it('the check fails on a key the code uses that English lacks, and on one English has that no code uses', () => {
    const dir = planted('en', (text) => `${text.replace(/^tui-note-saved = .*\n/m, '')}tui-never-said = Never said\n`);
    const problems = checkCatalogues(dir, uses);
    expect(problems).toContain("en.ftl: key 'tui-never-said' is used nowhere in the code");
    for (const lang of translations) expect(problems).toContain(`${lang}.ftl: key 'tui-note-saved' is not in en.ftl`);
    expect(problems.some((problem) => /^src\/shell\/tui\/words\.ts:\d+: key 'tui-note-saved' is not in en\.ftl$/.test(problem))).toBe(true);
  });
});
