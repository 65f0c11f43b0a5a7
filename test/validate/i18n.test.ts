/**
 * The words of findings that come from elsewhere: the schemas' pattern descriptions and the YAML
 * parser's errors have a Ukrainian side too. (Every finding of every fixture is checked for both
 * languages in fixtures.test.ts; the loader fuzz test does the same for random input.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { yamlErrorText } from '../../src/core/load/yaml-error-text.js';
import { PATTERN_MEANING_UK } from '../../src/core/load/schema-findings.js';

const schemas = ['sop', 'directory', 'scenario'].map((name) => JSON.parse(readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8')) as unknown);

/** The description of every schema node that has a pattern. */
function patternDescriptions(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) patternDescriptions(item, into);
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record['pattern'] === 'string' && typeof record['description'] === 'string') into.add(record['description']);
    for (const value of Object.values(record)) patternDescriptions(value, into);
  }
  return into;
}

describe('words from elsewhere, in Ukrainian too', () => {
  it('every pattern the schemas describe has its meaning in Ukrainian', () => {
    const descriptions = new Set<string>();
    for (const schema of schemas) patternDescriptions(schema, descriptions);
    expect(descriptions.size).toBeGreaterThan(5);
    expect([...descriptions].filter((description) => PATTERN_MEANING_UK[description] === undefined)).toEqual([]);
  });

  it('YAML errors: the common ones said in Ukrainian, any other described by its code with the parser\'s words', () => {
    expect(yamlErrorText('MISSING_CHAR', 'missing closing "quote')).toEqual({ en: 'missing closing "quote', uk: 'бракує закривальної лапки "' });
    expect(yamlErrorText('BAD_SCALAR_START', 'plain value cannot start with @')).toEqual({ en: 'plain value cannot start with @', uk: 'значення без лапок не може починатися з @' });
    expect(yamlErrorText('BAD_INDENT', 'block scalar lines must not be less indented than their first line')).toEqual({
      en: 'block scalar lines must not be less indented than their first line',
      uk: 'неправильний відступ (block scalar lines must not be less indented than their first line)',
    });
    expect(yamlErrorText('SOMETHING_NEW', 'a new complaint').uk).toBe('помилка синтаксису YAML (a new complaint)');
  });
});
