/**
 * One fixture folder per rule (test/validate/fixtures/<rule-name>/): the SOP files and the
 * expected findings in the pretty format (no colour), in English in expected.txt and in Ukrainian
 * in expected.uk.txt. UPDATE_EXPECTED=1 rewrites the expected files (review the diff before
 * committing).
 */
import { Chalk } from 'chalk';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/model/message.js';
import type { Finding } from '../../src/core/findings/finding.js';
import { ALL_RULES } from '../../src/core/findings/rules.js';
import { validatePaths } from '../../src/shell/library/validate-paths.js';
import { formatPretty } from '../../src/shell/format/findings-pretty.js';
import type { Lang } from '../../src/shell/i18n.js';
import { say } from '../../src/core/model/message.js';

const root = new URL('./fixtures/', import.meta.url).pathname;
const folders = readdirSync(root).sort();
const TODAY = '2026-06-01';
/** Rules that need the file system arranged at test time (see hostile-input.test.ts). */
const RUNTIME_ONLY = new Set(['file-too-large', 'unreadable', 'symlink-loop', 'symlink-outside']);
const EXPECTED: Record<'en' | 'uk', string> = { en: 'expected.txt', uk: 'expected.uk.txt' };

const runs = new Map<string, Promise<{ findings: Finding[]; pretty: Record<'en' | 'uk', string> }>>();

/** Validates a fixture folder once; the pretty output in both languages, paths relative to it. */
function render(folder: string): Promise<{ findings: Finding[]; pretty: Record<'en' | 'uk', string> }> {
  let run = runs.get(folder);
  if (run === undefined) {
    const dir = join(root, folder);
    run = validatePaths([dir], { today: TODAY, cache: false }).then(({ findings, texts }) => {
      const pretty = (lang: Lang): string =>
        formatPretty(findings, { chalk: new Chalk({ level: 0 }), lang, sourceOf: (file) => texts.get(file) })
          .split(`${dir}/`)
          .join('');
      return { findings, pretty: { en: pretty('en'), uk: pretty('uk') } };
    });
    runs.set(folder, run);
  }
  return run;
}

describe('a fixture per rule', () => {
  describe.each(['en', 'uk'] as const)('%s', (lang) => {
    it.each(folders)('%s', async (folder) => {
      const { findings, pretty } = await render(folder);
      const expectedFile = join(root, folder, EXPECTED[lang]);
      // UPDATE_EXPECTED=1 rewrites the expected files on purpose; a missing one is a failure (a
      // deleted file must not quietly become whatever the code prints today).
      if (process.env['UPDATE_EXPECTED']) writeFileSync(expectedFile, pretty[lang]);
      expect(existsSync(expectedFile), `${folder}/${EXPECTED[lang]} is missing; write it with UPDATE_EXPECTED=1 and review it`).toBe(true);
      expect(pretty[lang]).toBe(readFileSync(expectedFile, 'utf8'));
      if (ALL_RULES.some((rule) => rule.name === folder)) expect(findings.map((f) => f.name)).toContain(folder);
      if (folder === 'valid') expect(pretty[lang]).toBe('');
    });
  });

  it('covers every rule', () => {
    const missing = ALL_RULES.map((rule) => rule.name).filter((name) => !folders.includes(name) && !RUNTIME_ONLY.has(name));
    expect(missing).toEqual([]);
  });
});

/** Letters left once quoted names and values ('x', «x», *alias, &anchor) and code-like words are taken out. */
function words(text: string): string {
  return text
    .replace(/'[^']*'|«[^»]*»|"[^"]*"|[*&][\w-]+/g, '')
    .replace(/\b[\w.-]*[_.:/\d\[\]][\w.:/\[\]-]*/g, '')
    .replace(/[^\p{L}]+/gu, '');
}

/** Both languages said, and said differently unless the text is only names, values and code. */
function bilingual(message: Message, where: string): void {
  const en = say('en', message);
  const uk = say('uk', message);
  expect(en.trim(), `${where}: English`).not.toBe('');
  expect(uk.trim(), `${where}: Ukrainian`).not.toBe('');
  if (words(en) === '') return;
  expect(uk, `${where}: the Ukrainian is the English`).not.toBe(en);
  expect(uk, `${where}: no Ukrainian words`).toMatch(/[а-яєіїґ]/i);
}

describe('every message in both languages', () => {
  it('every finding of every fixture: message and hint', async () => {
    let count = 0;
    for (const folder of folders) {
      for (const finding of (await render(folder)).findings) {
        const where = `${folder}: ${finding.rule} ${say('en', finding.message)}`;
        bilingual(finding.message, where);
        if (finding.hint !== undefined) bilingual(finding.hint, `${where} (hint)`);
        count++;
      }
    }
    expect(count).toBeGreaterThan(80);
  });

  it('every rule explained in both languages', () => {
    for (const rule of ALL_RULES) bilingual(rule.summary, rule.code);
  });

  it('the Ukrainian pretty format: the English layout, the words in Ukrainian', async () => {
    const { pretty } = await render('unknown-contact');
    expect(pretty.uk.split('\n').slice(0, 5)).toEqual([
      'demo.sop.yaml:17:21: помилка: «sheltr» немає в довіднику [SOP304 unknown-contact]',
      '   |',
      '17 |     refer: [police, sheltr]',
      '   |                     ^~~~~~',
      '   = можливо, ви мали на увазі «shelter»?',
    ]);
  });

  it('a code-only text may be the same in both languages', () => {
    expect(words("'sheltr'")).toBe('');
    expect(words('min 5 is above max 2')).not.toBe('');
  });
});
