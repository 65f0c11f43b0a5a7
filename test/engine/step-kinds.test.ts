import { describe, expect, it } from 'vitest';
import { currentStep } from '../../src/core/engine/current-step.js';
import { startCall } from '../../src/core/engine/start-call.js';
import { fixtureLibrary } from './library.js';
import { at, go, ofType, ok, pick, play, tick, type } from './helpers.js';

const library = fixtureLibrary('basic');

describe('startCall', () => {
  it('enters the root SOP and shows its first interactive step', () => {
    const { state, events } = ok(startCall(library, 'basic'));
    expect(events).toEqual([
      { type: 'sop-entered', sop: 'basic', from: '' },
      { type: 'step-shown', step: 'basic/greet', kind: 'say' },
    ]);
    expect(state).toMatchObject({ root: 'basic', status: 'active', path: ['basic/greet'], referrals: [] });
    expect(state.frames).toEqual([{ sop: 'basic', step: 'greet', vars: { age: 30 } }]);
    expect(state.previous).toBeUndefined();
  });

  it('takes initial variables', () => {
    const { state } = ok(startCall(library, 'basic', { vars: { urgent: true } }));
    expect(state.frames[0]!.vars).toEqual({ age: 30, urgent: true });
  });

  it('passes through decide steps before the first question', () => {
    const { state, events } = ok(startCall(fixtureLibrary('child', 'leaf'), 'child', { vars: { place: 'kyiv', level: 5 } }));
    expect(at(state)).toBe('child/urgent');
    expect(ofType(events, 'decision')).toEqual([{ type: 'decision', step: 'child/check', branch: 0, to: 'child/urgent' }]);
  });
});

describe('currentStep', () => {
  it('describes the step the call waits at', () => {
    const { state } = play(library, 'basic', go);
    const current = currentStep(library, state);
    expect(current).toMatchObject({ stepId: 'kind', qualified: 'basic/kind', depth: 0, step: { kind: 'ask' } });
    expect(current?.sop.sop.sop).toBe('basic');
  });

  it('is undefined once the call has ended', () => {
    const { state } = play(library, 'basic', go, pick('info'));
    expect(currentStep(library, state)).toBeUndefined();
  });
});

describe('say', () => {
  it('continues to next and records a null value', () => {
    const { state, events } = play(library, 'basic', go);
    expect(at(state)).toBe('basic/kind');
    expect(ofType(events, 'answer')).toEqual([
      { type: 'answer', step: 'basic/greet', answer: { kind: 'continue' }, value: null, sensitive: false },
    ]);
  });
});

describe('ask', () => {
  it("follows the chosen option's own next and saves the option id", () => {
    const { state, events } = play(library, 'basic', go, pick('info'));
    expect(state).toMatchObject({ status: 'ended', outcome: 'basic/informed', frames: [] });
    expect(ofType(events, 'answer').at(-1)).toEqual({
      type: 'answer',
      step: 'basic/kind',
      answer: { kind: 'option', option: 'info' },
      value: 'info',
      sensitive: false,
      stat: 'call-type',
    });
  });

  it("falls back to the step's next, and applies the option's set", () => {
    const { state } = play(library, 'basic', go, pick('work'));
    expect(at(state)).toBe('basic/signs');
    expect(state.frames[0]!.vars).toEqual({ age: 30, kind: 'work', urgent: true });
  });
});

describe('checklist', () => {
  it('saves the ticked ids in option order, not click order, and marks the answer sensitive', () => {
    const { state, events } = play(library, 'basic', go, pick('other'), tick('locked', 'docs'));
    expect(state.frames[0]!.vars['indicators']).toEqual(['docs', 'locked']);
    expect(ofType(events, 'answer').at(-1)).toMatchObject({ value: ['docs', 'locked'], sensitive: true });
  });

  it('accepts nothing ticked', () => {
    const { state } = play(library, 'basic', go, pick('other'), tick());
    expect(state.frames[0]!.vars['indicators']).toEqual([]);
    expect(at(state)).toBe('basic/age');
  });
});

describe('input and decide', () => {
  it('saves the parsed int and routes on it', () => {
    const { state, events } = play(library, 'basic', go, pick('other'), tick('docs'), type(' 15 '));
    expect(ofType(events, 'answer').at(-1)).toMatchObject({ answer: { kind: 'value', raw: ' 15 ' }, value: 15 });
    expect(ofType(events, 'decision')).toEqual([{ type: 'decision', step: 'basic/route', branch: 1, to: 'basic/minor' }]);
    expect(state).toMatchObject({ status: 'ended', outcome: 'basic/referred', referrals: ['child-line'] });
  });

  it('takes the first true branch in order', () => {
    const { state, events } = play(library, 'basic', go, pick('work'), tick('docs', 'debt'), type('15'));
    expect(ofType(events, 'decision')[0]).toMatchObject({ branch: 0, to: 'basic/danger' });
    expect(at(state)).toBe('basic/danger');
  });

  it('takes the default branch when no condition holds', () => {
    const { state, events } = play(library, 'basic', go, pick('other'), tick(), type('40'));
    expect(ofType(events, 'decision')[0]).toMatchObject({ branch: 2, to: 'basic/refer' });
    expect(state).toMatchObject({ outcome: 'basic/referred', referrals: ['la-strada'] });
  });

  it('an optional input left empty keeps the variable unset, so its default applies', () => {
    const { state, events } = play(library, 'basic', go, pick('other'), tick(), type(''));
    expect(ofType(events, 'answer').at(-1)).toMatchObject({ value: null });
    expect(ofType(events, 'decision')[0]).toMatchObject({ to: 'basic/refer' }); // age default 30: not a minor
    expect(state.outcome).toBe('basic/referred');
  });
});

describe('end', () => {
  it('ends the call with sop/outcome and the referrals, emitting call-ended', () => {
    const { state, events } = play(library, 'basic', go, pick('work'), tick('docs', 'debt'), type('33'), go);
    expect(state).toMatchObject({ status: 'ended', outcome: 'basic/emergency', referrals: ['police'], frames: [] });
    expect(events.at(-1)).toEqual({ type: 'call-ended', outcome: 'basic/emergency', referrals: ['police'] });
    expect(state.path).toEqual(['basic/greet', 'basic/kind', 'basic/signs', 'basic/age', 'basic/danger']);
  });

  it('emits step-shown for every interactive step reached, and nothing else is "shown"', () => {
    const { events } = play(library, 'basic', go, pick('other'), tick(), type('40'));
    expect(ofType(events, 'step-shown').map((event) => `${event.step}:${event.kind}`)).toEqual([
      'basic/greet:say',
      'basic/kind:ask',
      'basic/signs:checklist',
      'basic/age:input',
    ]);
  });
});

describe('unset variables', () => {
  it('read as their default, else the zero value of their type', () => {
    const { state } = play(fixtureLibrary('defaults'), 'defaults', go);
    expect(state.outcome).toBe('defaults/zeros');
  });
});
