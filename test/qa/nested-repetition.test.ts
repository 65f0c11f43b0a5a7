/** QA: the nested-repetition check behind SOP206 — what it flags and what it leaves alone. */
import { describe, expect, it } from 'vitest';
import { nestedRepetition } from '../../src/core/validate/nested-repetition.js';
import { slowMatchesIn } from '../../src/core/validate/slow-matches.js';

describe('nestedRepetition', () => {
  it.each([
    ['(a+)+', '(a+)+'],
    ['(\\w*)*', '(\\w*)*'],
    ['x(y+z?){2,}', '(y+z?){2,}'],
    ['([a-z]+)*@', '([a-z]+)*'],
    ['((ab)+c)+', '((ab)+c)+'],
    ['(a{1,3})+', '(a{1,3})+'],
  ])('flags %s', (pattern, group) => {
    expect(nestedRepetition(pattern)).toBe(group);
  });

  it.each(['[A-Z]{2}-[0-9]+', '(\\d{3})-(\\d{4})', '(a|b)+', '((a)+)', '(a{2})+', '[(+]+', '\\(a+\\)+', '(?:ab)+c*', '[0-9+( ]+'])('leaves %s alone', (pattern) => {
    expect(nestedRepetition(pattern)).toBeUndefined();
  });
});

describe('slowMatchesIn', () => {
  it('finds a literal matches() pattern with nested repetition, method or function form', () => {
    expect(slowMatchesIn('s.matches("(x+x+)+y")')).toEqual({ group: '(x+x+)+', offset: 10 });
    expect(slowMatchesIn("age > 3 && matches(s, '(\\\\w*)*$')")?.group).toBe('(\\w*)*');
  });

  it('leaves other conditions alone', () => {
    expect(slowMatchesIn('s.matches("^[0-9]+$")')).toBeUndefined();
    expect(slowMatchesIn('s == "(a+)+"')).toBeUndefined();
  });
});
