/**
 * Which language the tool speaks: --lang, the config file's `language`, LC_ALL / LC_MESSAGES /
 * LANG; a locale or tag gets the nearest language there is (pl_PL.UTF-8 -> pl, pt_BR -> pt-BR,
 * else pt); one there is none for is a usage error (exit 2) listing those available. The
 * functions for the matching, the built binary for the rest.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableLanguages, langFromEnv, resolveLang } from '../../src/shell/i18n.js';
import { sop } from '../cli-test/run-sop.js';
import { tempDirForFile } from '../temp-dirs.js';

const LISTED = /Languages available: en \(English\), (pl \(polski\), )?uk \(українська\)/;

describe('matching a wanted language to those there are', () => {
  const some = ['en', 'pl', 'pt', 'pt-BR', 'uk'];

  it('reads the language of a POSIX locale, the first variable set, C and POSIX passed over', () => {
    expect(langFromEnv({ LANG: 'pl_PL.UTF-8' }, some)).toBe('pl');
    expect(langFromEnv({ LANG: 'pt_BR.UTF-8' }, some)).toBe('pt-BR');
    expect(langFromEnv({ LANG: 'pt_BR.UTF-8' }, ['en', 'pt'])).toBe('pt');
    expect(langFromEnv({ LANG: 'pt_PT' }, some)).toBe('pt');
    expect(langFromEnv({ LC_ALL: 'uk_UA.UTF-8', LANG: 'pl_PL.UTF-8' }, some)).toBe('uk');
    expect(langFromEnv({ LC_MESSAGES: 'pl_PL.UTF-8', LANG: 'uk_UA.UTF-8' }, some)).toBe('pl');
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'uk_UA.UTF-8' }, some)).toBe('uk');
    expect(langFromEnv({ LC_ALL: 'POSIX', LC_MESSAGES: 'sr_RS@latin' }, ['en', 'sr'])).toBe('sr');
    // A locale the tool does not speak means the default, not a variable further down.
    expect(langFromEnv({ LC_ALL: 'de_DE.UTF-8', LANG: 'uk_UA.UTF-8' }, some)).toBeUndefined();
    expect(langFromEnv({}, some)).toBeUndefined();
  });

  it('takes a tag in any case or with _ for -, and a more specific one than there is', () => {
    expect(resolveLang('PL', some)).toBe('pl');
    expect(resolveLang('pt_br', some)).toBe('pt-BR');
    expect(resolveLang('uk-UA', some)).toBe('uk');
    expect(resolveLang('de', some)).toBeUndefined();
    expect(resolveLang('not a tag', some)).toBeUndefined();
  });

  it('speaks the languages it has catalogues for, English and Ukrainian among them', () => {
    expect(availableLanguages()).toEqual(expect.arrayContaining(['en', 'uk']));
  });
});

describe('choosing the language of a command', () => {
  it('--lang with a language there is none for: exit 2, the languages available listed', () => {
    for (const args of [['validate', '--lang', 'de', 'test/e2e/fixtures/three-languages'], ['--lang', 'de', 'validate', 'test/e2e/fixtures/three-languages']]) {
      const result = sop(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^error: option '--lang <lang>' argument 'de' is invalid\. /);
      expect(result.stderr).toMatch(LISTED);
      expect(result.stdout).toBe('');
    }
  });

  it('says so in the language of LANG', () => {
    const result = sop(['validate', '--lang', 'de', 'test/e2e/fixtures/three-languages'], { env: { LANG: 'uk_UA.UTF-8' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^помилка: значення 'de' параметра '--lang <lang>' недійсне\. Доступні мови: en \(English\), /);
  });

  it('takes a regional tag for its language: --lang uk-UA, LANG=uk_UA.UTF-8', () => {
    expect(sop(['validate', '--lang', 'uk-UA', 'test/e2e/fixtures/three-languages']).stderr).toMatch(/^Проблем не знайдено/);
    expect(sop(['validate', 'test/e2e/fixtures/three-languages'], { env: { LANG: 'uk_UA.UTF-8' } }).stderr).toMatch(/^Проблем не знайдено/);
    expect(sop(['validate', 'test/e2e/fixtures/three-languages'], { env: { LANG: 'de_DE.UTF-8' } }).stderr).toMatch(/^No problems found/);
  });

  it('a config file language there is none for: exit 2 at its line, the languages available listed', () => {
    const config = join(tempDirForFile('sop-lang-config-'), 'config');
    mkdirSync(join(config, 'sop-runner'), { recursive: true });
    writeFileSync(join(config, 'sop-runner', 'config.yaml'), 'operator: tester\nlanguage: de\n');
    const result = sop(['config'], { env: { XDG_CONFIG_HOME: config } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('config.yaml:2:11: language "de" is not supported.');
    expect(result.stderr).toMatch(LISTED);
    writeFileSync(join(config, 'sop-runner', 'config.yaml'), 'language: uk-UA\n');
    expect(sop(['config'], { env: { XDG_CONFIG_HOME: config } }).stdout).toMatch(/^мова +uk +\(файл налаштувань /m);
  });
});

describe('help in a third language', () => {
  it("sop run --help --lang pl: commander's own words (headings, placeholders, notes) from the Polish catalogue too", () => {
    const result = sop(['run', '--help', '--lang', 'pl']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Użycie: sop run \[opcje\] \[sop\]\n/);
    expect(result.stdout).toContain('\nArgumenty:\n');
    expect(result.stdout).toContain('\nOpcje:\n');
    expect(result.stdout).toMatch(/\(dozwolone wartości: "en",\s+"pl", "uk"\)/);
    expect(result.stdout).toContain('Klawisze podczas rozmowy:');
  });
});
