/**
 * One fixture folder per rule (test/validate/fixtures/<rule-name>/): the SOP files and the
 * expected findings in the pretty format (no colour) in expected.txt. UPDATE_EXPECTED=1
 * rewrites the expected files (review the diff before committing).
 */
import { Chalk } from 'chalk';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src/core/validate/rules.js';
import { validatePaths } from '../../src/shell/commands/validate.js';
import { formatPretty } from '../../src/shell/format/findings-pretty.js';

const root = new URL('./fixtures/', import.meta.url).pathname;
const folders = readdirSync(root).sort();
const TODAY = '2026-06-01';
/** Rules that need the file system arranged at test time (see hostile-input.test.ts). */
const RUNTIME_ONLY = new Set(['file-too-large', 'unreadable', 'symlink-loop']);

async function render(folder: string): Promise<{ text: string; names: Set<string> }> {
  const dir = join(root, folder);
  const run = await validatePaths([dir], { today: TODAY, cache: false });
  const pretty = formatPretty(run.findings, { chalk: new Chalk({ level: 0 }), sourceOf: (file) => run.texts.get(file) });
  return { text: pretty.split(`${dir}/`).join(''), names: new Set(run.findings.map((f) => f.name)) };
}

describe('a fixture per rule', () => {
  it.each(folders)('%s', async (folder) => {
    const { text, names } = await render(folder);
    const expectedFile = join(root, folder, 'expected.txt');
    if (process.env['UPDATE_EXPECTED'] || !existsSync(expectedFile)) writeFileSync(expectedFile, text);
    expect(text).toBe(readFileSync(expectedFile, 'utf8'));
    if (ALL_RULES.some((rule) => rule.name === folder)) expect(names).toContain(folder);
    if (folder === 'valid') expect(text).toBe('');
  });

  it('covers every rule', () => {
    const missing = ALL_RULES.map((rule) => rule.name).filter((name) => !folders.includes(name) && !RUNTIME_ONLY.has(name));
    expect(missing).toEqual([]);
  });
});

describe('pretty output in Ukrainian', () => {
  it('leads each finding with its rule explained in Ukrainian, the detail below', async () => {
    const dir = join(root, 'unknown-contact');
    const run = await validatePaths([dir], { today: TODAY, cache: false });
    const text = formatPretty(run.findings, { chalk: new Chalk({ level: 0 }), lang: 'uk', sourceOf: (file) => run.texts.get(file) }).split(`${dir}/`).join('');
    expect(text.split('\n').slice(0, 2)).toEqual([
      'demo.sop.yaml:17:21: помилка: refer називає контакт, якого немає в довіднику. [SOP304 unknown-contact]',
      "     'sheltr' is not in the directory",
    ]);
  });

  it('has a Ukrainian explanation for every rule', async () => {
    const { RULE_SUMMARY_UK } = await import('../../src/core/validate/rules-uk.js');
    expect(ALL_RULES.filter((rule) => !RULE_SUMMARY_UK[rule.code]).map((rule) => rule.code)).toEqual([]);
  });
});
