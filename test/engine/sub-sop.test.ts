import { describe, expect, it } from 'vitest';
import { currentStep } from '../../src/core/engine/current-step.js';
import { fixtureLibrary } from './library.js';
import { at, go, ofType, pick, play } from './helpers.js';

const library = fixtureLibrary('parent', 'child', 'leaf');

describe('call', () => {
  it('pushes a frame for the callee with its defaults and the `with` copies, emitting sop-entered', () => {
    const { state, events } = play(library, 'parent', pick('low'));
    expect(ofType(events, 'sop-entered')).toEqual([
      { type: 'sop-entered', sop: 'parent', from: '' },
      { type: 'sop-entered', sop: 'child', from: 'parent/assess' },
    ]);
    expect(state.frames).toEqual([
      { sop: 'parent', step: 'assess', vars: { region: 'kyiv' } },
      { sop: 'child', step: 'more', vars: { place: 'kyiv', level: 1 } }, // risk unset in the parent: child's default stays
    ]);
    expect(currentStep(library, state)).toMatchObject({ qualified: 'child/more', depth: 1 });
  });

  it('`with` copies set caller variables, which conditions in the callee then see', () => {
    const { state } = play(library, 'parent', pick('high'));
    expect(state.frames[1]).toEqual({ sop: 'child', step: 'urgent', vars: { place: 'kyiv', level: 5 } });
  });

  it("on the callee's end: sop-returned, its referrals kept, then the call step's next in the caller's frame", () => {
    const { state, events } = play(library, 'parent', pick('high'), go);
    expect(ofType(events, 'sop-returned')).toEqual([
      { type: 'sop-returned', sop: 'child', outcome: 'child/urgent', to: 'parent/after-risky', branch: 0 }, // the call step's next[0]
    ]);
    expect(at(state)).toBe('parent/after-risky'); // branch on the parent's own risk
    expect(state.referrals).toEqual(['police']);
    expect(state.frames).toHaveLength(1);
  });

  it('nests: a sub-SOP that calls another returns through both levels', () => {
    const { state, events } = play(library, 'parent', pick('low'), pick('yes'));
    expect(currentStep(library, state)).toMatchObject({ qualified: 'leaf/l-say', depth: 2 });
    const after = play(library, 'parent', pick('low'), pick('yes'), go);
    expect(ofType(after.events, 'sop-returned')).toEqual([
      { type: 'sop-returned', sop: 'leaf', outcome: 'leaf/fine', to: 'child/done' },
      { type: 'sop-returned', sop: 'child', outcome: 'child/ok', to: 'parent/after', branch: 1 },
    ]);
    expect(after.state.referrals).toEqual(['hotline-a', 'hotline-b']); // first-seen order, no repeats
    expect(events.at(-1)).toEqual({ type: 'step-shown', step: 'leaf/l-say', kind: 'say' });
  });

  it("without next, the callee's outcome ends the caller too (a tail call)", () => {
    const { state, events } = play(library, 'parent', pick('low'), pick('no'), pick('more'), go);
    expect(ofType(events, 'sop-returned').at(-1)).toEqual({ type: 'sop-returned', sop: 'leaf', outcome: 'leaf/fine' });
    expect(state).toMatchObject({ status: 'ended', outcome: 'leaf/fine', referrals: ['hotline-a', 'hotline-b'] });
    expect(events.at(-1)).toEqual({ type: 'call-ended', outcome: 'leaf/fine', referrals: ['hotline-a', 'hotline-b'] });
  });

  it('the path lists the qualified steps shown across SOPs', () => {
    const { state } = play(library, 'parent', pick('low'), pick('yes'), go, pick('finish'));
    expect(state.path).toEqual(['parent/risk', 'child/more', 'leaf/l-say', 'parent/after']);
    expect(state.outcome).toBe('parent/done');
  });
});

describe('tail calls propagate through several levels', () => {
  it('an outcome climbs every call without next', () => {
    const top = `
sop: top
version: 1.0.0
title: Top
languages: [en]
start: go-mid
steps:
  go-mid: { kind: call, sop: mid }
`;
    const mid = `
sop: mid
version: 1.0.0
title: Mid
languages: [en]
start: go-leaf
steps:
  go-leaf: { kind: call, sop: leaf }
`;
    return import('./library.js').then(({ libraryOf, sopFromYaml }) => {
      const lib = libraryOf(sopFromYaml(top), sopFromYaml(mid), ...library.sops.values());
      const { state, events } = play(lib, 'top', go);
      expect(ofType(events, 'sop-returned')).toEqual([
        { type: 'sop-returned', sop: 'leaf', outcome: 'leaf/fine' },
        { type: 'sop-returned', sop: 'mid', outcome: 'leaf/fine' },
      ]);
      expect(state).toMatchObject({ status: 'ended', outcome: 'leaf/fine' });
    });
  });
});

describe('call with save', () => {
  const returning = fixtureLibrary('returns', 'child', 'leaf');

  it("stores the callee's outcome id in the caller's variable before its next is evaluated", () => {
    const { state, events } = play(returning, 'returns', pick('high'), go);
    expect(ofType(events, 'sop-returned')).toEqual([
      { type: 'sop-returned', sop: 'child', outcome: 'child/urgent', to: 'returns/r-urgent', branch: 0 },
    ]);
    expect(state.outcome).toBe('returns/was-urgent');
  });

  it('saves the outcome of the end actually reached, whatever the path through the callee', () => {
    const { state } = play(returning, 'returns', pick('low'), pick('no'));
    expect(state.outcome).toBe('returns/was-ok');
  });
});
