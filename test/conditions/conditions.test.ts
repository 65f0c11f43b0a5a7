import { describe, expect, it } from 'vitest';
import { celNameProblem } from '../../src/core/conditions/cel-name-problem.js';
import { checkCondition } from '../../src/core/conditions/check-condition.js';
import { compileCondition, ConditionError } from '../../src/core/conditions/compile-condition.js';
import type { VariableDecl } from '../../src/core/model/sop.js';

const vars: Record<string, VariableDecl> = {
  indicators: { type: 'list' },
  age: { type: 'int' },
  adult_age: { type: 'int', default: 18 },
  urgent: { type: 'bool' },
  region: { type: 'string', default: 'kyiv' },
};

describe('checkCondition', () => {
  it('accepts a well-typed bool expression over declared variables', () => {
    expect(checkCondition('size(indicators) >= 2 && urgent', vars)).toEqual({ ok: true });
    expect(checkCondition('"docs" in indicators || region == "lviv"', vars)).toEqual({ ok: true });
    expect(checkCondition('indicators.exists(i, i == "debt") && age < adult_age', vars)).toEqual({ ok: true });
  });

  it('reports a syntax error with its offset', () => {
    const result = checkCondition('age >', vars);
    expect(result).toMatchObject({ ok: false, kind: 'syntax', offset: 5 });
    expect(result.ok || result.message).toMatch(/Unexpected token/);
  });

  it('reports comparing an int with a string as a type error', () => {
    const result = checkCondition('size(indicators) >= "2"', vars);
    expect(result).toMatchObject({ ok: false, kind: 'type' });
    expect(result.ok || result.message).toMatch(/int >= string/);
  });

  it('reports an undeclared variable as a type error at its offset', () => {
    expect(checkCondition('urgent && regoin == "x"', vars)).toMatchObject({ ok: false, kind: 'type', offset: 10 });
    const result = checkCondition('urgent && regoin == "x"', vars);
    expect(result.ok || result.message).toMatch(/regoin/);
  });

  it('refuses an expression that is not bool', () => {
    const result = checkCondition('age + 1', vars);
    expect(result).toMatchObject({ ok: false, kind: 'type' });
    expect(result.ok || result.message).toMatch(/must be bool.*int/);
  });

  it('works for a SOP without variables', () => {
    expect(checkCondition('1 < 2', undefined)).toEqual({ ok: true });
    expect(checkCondition('x', undefined)).toMatchObject({ ok: false, kind: 'type' });
  });
});

describe('compileCondition', () => {
  it('evaluates over the variables, converting ints at the boundary', () => {
    const condition = compileCondition('age < adult_age && size(indicators) >= 2', vars);
    expect(condition.evaluate({ age: 16, indicators: ['docs', 'debt'] })).toBe(true);
    expect(condition.evaluate({ age: 18, indicators: ['docs', 'debt'] })).toBe(false);
    expect(condition.evaluate({ age: 16, adult_age: 15, indicators: ['docs', 'debt'] })).toBe(false);
  });

  it('gives unset variables their default, else the zero value of their type', () => {
    expect(compileCondition('region == "kyiv"', vars).evaluate({})).toBe(true);
    expect(compileCondition('!urgent && age == 0 && size(indicators) == 0', vars).evaluate({})).toBe(true);
    expect(compileCondition('age < adult_age', vars).evaluate({})).toBe(true);
  });

  it('compiles each expression once per declaration set', () => {
    expect(compileCondition('urgent', vars)).toBe(compileCondition('urgent', vars));
    expect(compileCondition('urgent', vars)).not.toBe(compileCondition('urgent', { urgent: { type: 'bool' } }));
  });

  it('throws a ConditionError for an expression that does not check', () => {
    expect(() => compileCondition('age >', vars)).toThrow(ConditionError);
    try {
      compileCondition('age == "x"', vars);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ name: 'ConditionError', kind: 'type', expr: 'age == "x"' });
    }
  });

  it('throws an evaluation ConditionError when a value has the wrong type at run time', () => {
    const condition = compileCondition('age > 3', vars);
    expect(() => condition.evaluate({ age: 'seven' })).toThrow(ConditionError);
    expect(() => condition.evaluate({ age: 2.5 })).toThrow(/age/);
  });
});

describe('variable names CEL reserves', () => {
  const awkward: Record<string, VariableDecl> = {
    int: { type: 'int' },
    in: { type: 'bool' },
    package: { type: 'string' },
    type: { type: 'string' },
    fine: { type: 'bool' },
  };

  it('are named by celNameProblem; ordinary names are not', () => {
    for (const name of ['int', 'in', 'true', 'package', 'type', 'string', 'list', 'constructor', '__proto__']) expect(celNameProblem(name)).toMatch(/rename the variable/);
    for (const name of ['age', 'indicators', 'size_ok', 'region']) expect(celNameProblem(name)).toBeUndefined();
  });

  it('include constructor: a condition reading it does not check (unset, it would read Object\'s function)', () => {
    const decls: Record<string, VariableDecl> = Object.fromEntries([['constructor', { type: 'string' }]]);
    expect(checkCondition('constructor == ""', decls)).toMatchObject({ ok: false });
  });

  it('do not break checking or evaluating conditions over the other variables', () => {
    expect(checkCondition('fine', awkward)).toEqual({ ok: true });
    expect(compileCondition('!fine', awkward).evaluate({ int: 3, fine: false })).toBe(true);
    expect(checkCondition('package == "x"', awkward)).toMatchObject({ ok: false });
  });
});
