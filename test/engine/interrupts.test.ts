import { describe, expect, it } from 'vitest';
import { availableInterrupts } from '../../src/core/engine/available-interrupts.js';
import { step } from '../../src/core/engine/step.js';
import { fixtureLibrary } from './library.js';
import { at, back, go, ofType, pick, play, press, refused } from './helpers.js';

const basic = fixtureLibrary('basic');
const nested = fixtureLibrary('parent', 'child', 'leaf');

describe('interrupts', () => {
  it('jump to the goto step, emitting interrupt {key, from, to}', () => {
    const { state, events } = play(basic, 'basic', go, press('!'));
    expect(ofType(events, 'interrupt')).toEqual([{ type: 'interrupt', key: '!', from: 'basic/kind', to: 'basic/danger' }]);
    expect(at(state)).toBe('basic/danger');
    expect(state.path).toEqual(['basic/greet', 'basic/kind', 'basic/danger']);
    expect(state.previous && at(state.previous)).toBe('basic/kind');
  });

  it('are refused for an unknown key, listing the available ones', () => {
    const { state } = play(basic, 'basic', go);
    const refusal = refused(step(basic, state, press('%')));
    expect(refusal.code).toBe('unknown-interrupt');
    expect(refusal.message.en).toContain('!');
  });

  it('are refused on an ended call (an interrupt that ends the call cannot be undone)', () => {
    const { state } = play(basic, 'basic', go, pick('info'));
    expect(refused(step(basic, state, press('!'))).code).toBe('call-ended');
  });
});

describe('availableInterrupts', () => {
  it("lists the root SOP's interrupts", () => {
    const { state } = play(basic, 'basic');
    expect(availableInterrupts(basic, state)).toEqual([{ key: '!', label: { en: 'Danger', uk: 'Небезпека' }, sop: 'basic', goto: 'danger' }]);
  });

  it('lists those of every SOP on the stack; the outermost declaration of a key wins', () => {
    const { state } = play(nested, 'parent', pick('low'));
    expect(at(state)).toBe('child/more');
    expect(availableInterrupts(nested, state)).toEqual([
      { key: '!', label: 'Parent danger', sop: 'parent', goto: 'p-danger' },
      { key: '~', label: 'Caller hung up', sop: 'parent', goto: 'p-dropped' },
      { key: '#', label: 'Child info', sop: 'child', goto: 'c-info' },
    ]);
  });

  it('is empty once the call has ended', () => {
    const { state } = play(basic, 'basic', go, pick('info'));
    expect(availableInterrupts(basic, state)).toEqual([]);
  });
});

describe('interrupts inside a sub-SOP', () => {
  it('an outer key leaves the sub-SOPs and continues in the SOP that declared it', () => {
    const { state, events } = play(nested, 'parent', pick('low'), pick('yes'), press('~'));
    expect(ofType(events, 'interrupt')).toEqual([{ type: 'interrupt', key: '~', from: 'leaf/l-say', to: 'parent/p-dropped' }]);
    expect(state).toMatchObject({ status: 'ended', outcome: 'parent/dropped', frames: [] });
    expect(ofType(events, 'sop-returned')).toEqual([]);
  });

  it('an inner key stays in the inner SOP, whose end returns to the caller', () => {
    const { state, events } = play(nested, 'parent', pick('low'), press('#'), go);
    expect(ofType(events, 'interrupt')[0]).toMatchObject({ from: 'child/more', to: 'child/c-info' });
    expect(ofType(events, 'sop-returned')).toEqual([{ type: 'sop-returned', sop: 'child', outcome: 'child/ok', to: 'parent/after', branch: 1 }]);
    expect(at(state)).toBe('parent/after');
  });

  it('the outermost declaration of a shared key is the one taken, so the whole call ends there', () => {
    // The child's own '!' would end only the child and let the parent carry on as if nothing
    // happened; the parent's '!' leaves the child and ends the call as an emergency.
    const { state, events } = play(nested, 'parent', pick('low'), press('!'));
    expect(ofType(events, 'interrupt')).toEqual([{ type: 'interrupt', key: '!', from: 'child/more', to: 'parent/p-danger' }]);
    expect(state).toMatchObject({ status: 'ended', outcome: 'parent/danger', frames: [] });
  });

  it('a sub-SOP run on its own still offers its own declaration of the key', () => {
    const { state } = play(nested, 'child');
    expect(availableInterrupts(nested, state).find((offer) => offer.key === '!')).toMatchObject({ sop: 'child', goto: 'c-danger' });
  });

  it('back after an interrupt from a sub-SOP restores the whole stack', () => {
    const before = play(nested, 'parent', pick('low'), pick('yes'));
    const jumped = play(nested, 'parent', pick('low'), pick('yes'), press('#'));
    expect(jumped.state.frames.map((frame) => frame.sop)).toEqual(['parent', 'child']);
    const { state } = play(nested, 'parent', pick('low'), pick('yes'), press('#'), back);
    expect(state.frames).toEqual(before.state.frames);
    expect(state.path).toEqual(before.state.path);
  });
});
