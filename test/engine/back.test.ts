import { describe, expect, it } from 'vitest';
import { startCall } from '../../src/core/engine/start-call.js';
import { step } from '../../src/core/engine/step.js';
import { fixtureLibrary } from './library.js';
import { at, back, go, note, ofType, ok, pick, play, press, refused, tick } from './helpers.js';

const library = fixtureLibrary('basic');

describe('back', () => {
  it('restores the state before the last answer and emits back {from, to}', () => {
    const before = play(library, 'basic', go, pick('work'));
    const { state, events } = ok(step(library, before.state, back));
    expect(events).toEqual([{ type: 'back', from: 'basic/signs', to: 'basic/kind' }]);
    expect(at(state)).toBe('basic/kind');
    expect(state.path).toEqual(['basic/greet', 'basic/kind']);
    expect(state.frames).toEqual(before.state.previous!.frames); // the option's set is undone too
    expect(state.frames[0]!.vars).not.toHaveProperty('urgent');
  });

  it('makes the next answer at that step an amend carrying the original', () => {
    const { events, state } = play(library, 'basic', go, pick('work'), back, pick('other'));
    const amends = ofType(events, 'amend');
    expect(amends).toEqual([
      {
        type: 'amend',
        step: 'basic/kind',
        answer: { kind: 'option', option: 'other' },
        value: 'other',
        sensitive: false,
        stat: 'call-type',
        original: { step: 'basic/kind', answer: { kind: 'option', option: 'work' }, value: 'work', sensitive: false, stat: 'call-type' },
      },
    ]);
    expect(state.undone).toBeUndefined();
    expect(state.frames[0]!.vars).toEqual({ age: 30, kind: 'other' });
  });

  it('only the first answer after back is an amend', () => {
    const { events } = play(library, 'basic', go, pick('work'), back, pick('other'), tick());
    expect(ofType(events, 'amend')).toHaveLength(1);
    expect(ofType(events, 'answer').map((event) => event.step)).toEqual(['basic/greet', 'basic/kind', 'basic/signs']);
  });

  it('can go back several steps; each undone answer is amended when answered again', () => {
    const { events, state } = play(library, 'basic', go, pick('work'), tick('docs'), back, back, pick('work'), tick('debt'));
    expect(ofType(events, 'back').map((event) => `${event.from}>${event.to}`)).toEqual(['basic/age>basic/signs', 'basic/signs>basic/kind']);
    // "work" given again unchanged is an answer, not an amend; the ticks changed: an amend.
    expect(ofType(events, 'amend').map((event) => [event.step, event.original.value, event.value])).toEqual([['basic/signs', ['docs'], ['debt']]]);
    expect(ofType(events, 'answer').map((event) => event.step)).toEqual(['basic/greet', 'basic/kind', 'basic/signs', 'basic/kind']);
    expect(state.path).toEqual(['basic/greet', 'basic/kind', 'basic/signs', 'basic/age']);
  });

  it('going back over an amend and answering again amends the amended answer', () => {
    const { events } = play(library, 'basic', go, pick('work'), back, pick('other'), back, pick('info'));
    expect(ofType(events, 'amend').map((event) => [event.original.value, event.value])).toEqual([
      ['work', 'other'],
      ['other', 'info'],
    ]);
  });

  it('a fresh answer elsewhere forgets what back undid: a step reached again later is answered, not amended', () => {
    const menu = fixtureLibrary('menu');
    // rights, back to the menu, choose shelter instead (amend), continue, menu again: rights.
    const { events } = play(menu, 'menu', pick('rights'), go, back, back, pick('shelter'), go, pick('rights'), go, pick('done'));
    expect(ofType(events, 'amend').map((event) => [event.step, event.original.value, event.value])).toEqual([['menu/menu', 'rights', 'shelter']]);
    expect(ofType(events, 'answer').map((event) => event.step)).toEqual(['menu/menu', 'menu/rights', 'menu/shelter', 'menu/menu', 'menu/rights', 'menu/menu']);
  });

  it('is refused at the first step, with nothing to undo', () => {
    const { state } = ok(startCall(library, 'basic'));
    expect(refused(step(library, state, back)).code).toBe('nothing-to-undo');
  });

  it('undoes an interrupt: returns where the call was, with no amend afterwards', () => {
    const { state, events } = play(library, 'basic', go, pick('other'), press('!'), back);
    expect(ofType(events, 'back')).toEqual([{ type: 'back', from: 'basic/danger', to: 'basic/signs' }]);
    expect(at(state)).toBe('basic/signs');
    expect(state.undone).toBeUndefined();
    const after = ok(step(library, state, tick()));
    expect(ofType(after.events, 'answer')).toHaveLength(1);
  });

  it('does not stop at notes: notes create no back point', () => {
    const { state } = play(library, 'basic', go, note('caller is calm'), note('second note'), back);
    expect(at(state)).toBe('basic/greet');
  });

  it('is refused on an ended call', () => {
    const { state } = play(library, 'basic', go, pick('info'));
    expect(refused(step(library, state, back)).code).toBe('call-ended');
  });
});

describe('notes', () => {
  it('emit a note at the current step and change nothing else', () => {
    const { state } = play(library, 'basic', go);
    const result = ok(step(library, state, note('speaks Ukrainian')));
    expect(result.events).toEqual([{ type: 'note', step: 'basic/kind', text: 'speaks Ukrainian' }]);
    expect(result.state).toBe(state);
  });
});
