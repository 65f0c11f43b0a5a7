import { describe, expect, it } from 'vitest';
import { startCall } from '../../src/core/engine/start-call.js';
import { step } from '../../src/core/engine/step.js';
import { fixtureLibrary } from './library.js';
import { ofType, ok, play, refused, type } from './helpers.js';

const library = fixtureLibrary('inputs');

/** The refusal code (or 'accepted') for typing `raw` at the given input step of the inputs SOP. */
function typing(before: string[], raw: string): string {
  const { state } = play(library, 'inputs', ...before.map(type));
  const result = step(library, state, type(raw));
  return result.ok ? 'accepted' : refused(result).code;
}

describe('int input', () => {
  it.each([
    ['12', 'accepted'],
    ['+7', 'accepted'],
    ['1', 'accepted'],
    ['50', 'accepted'],
    ['0', 'out-of-range'],
    ['51', 'out-of-range'],
    ['-3', 'out-of-range'],
    ['twelve', 'not-an-int'],
    ['1.5', 'not-an-int'],
    ['1e3', 'not-an-int'],
    ['99999999999999999999', 'out-of-range'],
    ['', 'required'],
    ['   ', 'required'],
  ])('%j -> %s', (raw, expected) => {
    expect(typing([], raw)).toBe(expected);
  });

  it('says what range is allowed, in both languages', () => {
    const refusal = refused(step(library, ok(startCall(library, 'inputs')).state, type('51')));
    expect(refusal.message.en).toContain('from 1 to 50');
    expect(refusal.message.uk).toContain('від 1 до 50');
  });
});

describe('string input', () => {
  it.each([
    ['AB-12', 'accepted'],
    ['AB-123', 'accepted'],
    ['AB-1234', 'too-long'],
    ['ab-12', 'pattern-mismatch'],
    ['xAB-12', 'pattern-mismatch'], // the whole answer must match, not a part
    ['AB-12x', 'pattern-mismatch'],
    ['', 'required'],
  ])('%j -> %s', (raw, expected) => {
    expect(typing(['12'], raw)).toBe(expected);
  });

  it('counts characters, not UTF-16 units, for maxLength', () => {
    const lib = fixtureLibrary('inputs');
    const { state } = play(lib, 'inputs', type('12'), type('AB-12'), type('так'));
    expect(step(lib, state, type('Оля')).ok).toBe(true);
  });
});

describe('bool input', () => {
  it.each([
    ['yes', true],
    ['No', false],
    ['TRUE', true],
    ['false', false],
    ['так', true],
    ['Ні', false],
  ])('%j -> %s', (raw, value) => {
    const { state } = play(library, 'inputs', type('12'), type('AB-12'));
    const { events } = ok(step(library, state, type(raw)));
    expect(ofType(events, 'answer')[0]?.value).toBe(value);
  });

  it('refuses anything else', () => {
    expect(typing(['12', 'AB-12'], 'maybe')).toBe('not-a-bool');
    expect(typing(['12', 'AB-12'], '1')).toBe('not-a-bool');
  });
});

describe('saved values', () => {
  it('reach conditions with their types; an empty optional input leaves the default', () => {
    const { state, events } = play(library, 'inputs', type('12'), type('AB-12'), type('так'), type(''));
    expect(state.outcome).toBe('inputs/checked');
    const answers = ofType(events, 'answer');
    expect(answers.map((answer) => answer.value)).toEqual([12, 'AB-12', true, null]);
    expect(answers[0]).toMatchObject({ stat: 'group-size', sensitive: false });
    expect(answers[1]).toMatchObject({ sensitive: true });
    expect(answers[1]).not.toHaveProperty('stat');
  });

  it('a typed optional value replaces the default', () => {
    const { state } = play(library, 'inputs', type('12'), type('AB-12'), type('yes'), type('Olia'));
    expect(state.outcome).toBe('inputs/other');
    expect(state.frames).toEqual([]);
  });
});
