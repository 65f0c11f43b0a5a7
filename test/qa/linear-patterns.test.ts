/**
 * QA: no pattern or condition can freeze a call. Input patterns and matches() run on a
 * linear-time engine (RE2); what it cannot run is SOP206; a condition over the cost budget is
 * SOP208; and at run time a condition over budget on the values it gets is never started.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCondition, estimateConditionCost } from '../../src/core/conditions/compile-condition.js';
import { CONDITION_BUDGET } from '../../src/core/conditions/condition-cost.js';
import { sopBounds } from '../../src/core/conditions/size-bounds.js';
import { parseInput } from '../../src/core/engine/parse-input.js';
import type { Sop } from '../../src/core/model/sop.js';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { ROOT, sop } from './sop.js';

const fixture = (name: string) => join(ROOT, 'test/qa/fixtures', name);

describe('input patterns on the linear-time engine', () => {
  it('(\\w|\\d)+ refuses 40 digits and "!" at once, through the built binary (headless run)', () => {
    const started = Date.now();
    const result = sop(['run', 'linear', '--sops', fixture('linear-pattern'), '--answers', '-'], { input: `a: "${'1'.repeat(40)}!"\nb: "x"\n` });
    expect(Date.now() - started).toBeLessThan(5_000); // process start included; the match itself is below
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/linear\/a was refused: .*expected form/);
  }, 10_000);

  it.each([
    ['(\\w|\\d)+', `${'1'.repeat(40)}!`],
    ['(a|a)+', `${'a'.repeat(5000)}!`],
    ['(a+)+', `${'a'.repeat(5000)}!`],
    ['([a-z]+)*@', 'a'.repeat(5000)],
  ])('%s on a hostile answer takes under 50 ms', (pattern, answer) => {
    const started = performance.now();
    const parsed = parseInput({ type: 'string', pattern }, answer);
    expect(performance.now() - started).toBeLessThan(50);
    expect(parsed.ok).toBe(false);
  });

  it('still matches what the pattern means (anchored, Unicode)', () => {
    expect(parseInput({ type: 'string', pattern: '[А-Я][а-яії]+' }, 'Київ').ok).toBe(true);
    expect(parseInput({ type: 'string', pattern: '\\d{3}' }, '1234').ok).toBe(false);
    expect(parseInput({ type: 'string', pattern: '(?<code>\\d{3})-\\u0041' }, '123-A').ok).toBe(true);
  });

  it('without maxLength, a string answer is bounded by the default the cost estimate assumes', () => {
    expect(parseInput({ type: 'string' }, 'a'.repeat(10_001)).ok).toBe(false);
    expect(parseInput({ type: 'string' }, 'a'.repeat(10_000)).ok).toBe(true);
  });

  it('the hostile patterns validate clean: nothing left to warn about', () => {
    const result = sop(['validate', fixture('linear-pattern')]);
    expect(result.code).toBe(0);
  });

  it('sop validate reports a back-reference and a lookahead (SOP206, exit 1), and sop run refuses the library', () => {
    const result = sop(['validate', fixture('backreference')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/backreference\.sop\.yaml:17:\d+: error: the pattern uses what the linear-time matcher cannot run .*SOP206 invalid-pattern/);
    expect(result.stdout).toMatch(/backreference\.sop\.yaml:20:\d+: error: .*matches\(\) pattern uses what the linear-time matcher cannot run .*SOP206/);
    const run = sop(['run', 'backreference', '--sops', fixture('backreference'), '--answers', '-'], { input: 'a: "aa"\n' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/SOP206/);
  }, 10_000);
});

describe('conditions within a cost budget', () => {
  it('nm.matches("^(a|a)+$") on 5,000 a\'s and "!" takes under 50 ms', () => {
    const condition = compileCondition('nm.matches("^(a|a)+$")', { nm: { type: 'string' } });
    const started = performance.now();
    expect(condition.evaluate({ nm: `${'a'.repeat(5000)}!` })).toBe(false);
    expect(condition.evaluate({ nm: 'aaaa' })).toBe(true);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('sop validate rejects five nested exists() over a 60-option checklist with its estimated cost (SOP208, exit 1)', () => {
    const started = Date.now();
    const result = sop(['validate', fixture('costly-condition')]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/costly\.sop\.yaml:83:\d+: error: condition 'l\.exists\(a, l\.exists\(b.* could cost about \d{8,} units of work .*budget is 100000.*SOP208 condition-cost/);
    // Two nested exists() over 60 options are well within the budget: only one finding.
    expect(result.stdout.match(/SOP208/g)).toHaveLength(1);
  });

  it('Ukrainian too', () => {
    const result = sop(['validate', fixture('costly-condition'), '--lang', 'uk']);
    expect(result.stdout).toMatch(/може коштувати близько \d+ одиниць роботи.*SOP208/);
  });

  it('the estimate takes the checklist\'s options as the list bound, and any condition within the budget runs under 50 ms at that bound', () => {
    const costly = parse(readFileSync(join(fixture('costly-condition'), 'costly.sop.yaml'), 'utf8')) as Sop;
    const bounds = sopBounds(costly);
    expect(bounds.l).toEqual({ length: 60, element: 3 });
    const decls = { l: { type: 'list' as const } };
    const widest = Array.from({ length: 300 }, (_, i) => `o${i}`);
    const two = 'l.exists(a, l.exists(b, a == b + "x"))';
    // at 300 elements two nested exists() are near the budget's edge: the estimate admits them
    // only if they run fast enough.
    const cost = estimateConditionCost(two, decls, { l: { length: widest.length, element: 4 } });
    const condition = compileCondition(two, decls);
    if (cost <= CONDITION_BUDGET) {
      const started = performance.now();
      condition.evaluate({ l: widest });
      expect(performance.now() - started).toBeLessThan(50);
    } else {
      expect(() => condition.evaluate({ l: widest })).toThrow(/budget/);
    }
  });

  it('at run time, a condition over budget on the values it gets is not started (the backstop)', () => {
    const condition = compileCondition('l.exists(a, l.exists(b, l.exists(c, a + b + c == "x")))', { l: { type: 'list' } });
    expect(condition.evaluate({ l: ['a', 'b'] })).toBe(false);
    const started = performance.now();
    expect(() => condition.evaluate({ l: Array.from({ length: 1000 }, (_, i) => `o${i}`) })).toThrow(/would cost about \d+ units of work .*budget is 100000/);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('split("") of a long string, iterated twice, is over budget; once is not', () => {
    const decls = { s: { type: 'string' as const } };
    const bounds = { s: { length: 1_000 } };
    expect(estimateConditionCost('s.split("").exists(a, a == "b")', decls, bounds)).toBeLessThanOrEqual(CONDITION_BUDGET);
    expect(estimateConditionCost('s.split("").exists(a, s.split("").exists(b, a == b))', decls, bounds)).toBeGreaterThan(CONDITION_BUDGET);
  });
});
