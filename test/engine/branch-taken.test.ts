/** The events that leave a step by a conditional `next` say which branch the engine took. */
import { describe, expect, it } from 'vitest';
import { fixtureLibrary } from './library.js';
import { back, go, ofType, pick, play, type } from './helpers.js';

// sop-returned carries the call step's branch too: see sub-sop.test.ts.
const library = fixtureLibrary('branches');

describe('branch taken', () => {
  it('an answer carries the index of the branch taken, also when another branch leads to the same step', () => {
    for (const [age, branch] of [['10', 0], ['15', 1], ['30', 2]] as const) {
      const [answer] = ofType(play(library, 'branches', type(age)).events, 'answer');
      expect(answer, age).toEqual({ type: 'answer', step: 'branches/age', answer: { kind: 'value', raw: age }, value: Number(age), sensitive: false, branch });
    }
  });

  it("at an ask option with its own next, the index is in the option's list; a plain next has none", () => {
    const { events } = play(library, 'branches', type('30'), go, pick('work'));
    const [, adult, topic] = ofType(events, 'answer');
    expect(adult).not.toHaveProperty('branch');
    expect(topic).toMatchObject({ step: 'branches/topic', branch: 1 });
    const other = ofType(play(library, 'branches', type('15'), pick('other')).events, 'answer')[1];
    expect(other).toMatchObject({ step: 'branches/topic' });
    expect(other).not.toHaveProperty('branch');
  });

  it('an amendment carries the branch of the new answer', () => {
    const { events } = play(library, 'branches', type('15'), back, type('10'));
    expect(ofType(events, 'amend')).toEqual([expect.objectContaining({ step: 'branches/age', value: 10, branch: 0 })]);
  });
});
