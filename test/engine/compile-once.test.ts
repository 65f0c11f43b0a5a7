import { Environment } from '@marcbachmann/cel-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareLibrary } from '../../src/core/engine/prepared-sop.js';
import { fixtureLibrary } from './library.js';
import { go, pick, play, tick, type } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('conditions are compiled once per library load', () => {
  it('prepareLibrary parses every condition; calls afterwards parse none', () => {
    const parse = vi.spyOn(Environment.prototype, 'parse');
    const library = fixtureLibrary('basic', 'parent', 'child', 'leaf');
    prepareLibrary(library);
    const compiled = parse.mock.calls.length;
    expect(compiled).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      play(library, 'basic', go, pick('work'), tick('docs', 'debt'), type('15'));
      play(library, 'parent', pick('high'), go);
    }
    expect(parse.mock.calls.length).toBe(compiled);
  });

  it('without prepareLibrary, a SOP is compiled the first time it is used, and only then', () => {
    const parse = vi.spyOn(Environment.prototype, 'parse');
    const library = fixtureLibrary('inputs');
    play(library, 'inputs', type('12'), type('AB-12'), type('yes'), type(''));
    const first = parse.mock.calls.length;
    expect(first).toBeGreaterThan(0);
    play(library, 'inputs', type('12'), type('AB-12'), type('yes'), type(''));
    expect(parse.mock.calls.length).toBe(first);
  });
});
