import { describe, expect, it } from 'vitest';
import { answerFromScripted } from '../../src/core/engine/answer-from-scripted.js';
import { drive } from '../../src/core/engine/drive.js';
import type { Command, DriveView } from '../../src/core/engine/types.js';
import { fixtureLibrary } from './library.js';
import { go, ofType, pick, play, tick, type } from './helpers.js';

const library = fixtureLibrary('basic');

/** A callback that gives the scripted answers by step id, like an answers file. */
function script(answers: Record<string, unknown>): (view: DriveView) => Command | undefined {
  return ({ current }) => {
    if (!(current.stepId in answers)) return undefined;
    return { type: 'answer', answer: answerFromScripted(current.step, answers[current.stepId]) };
  };
}

describe('drive', () => {
  it('runs a call to its end from scripted answers, like stepping by hand', () => {
    const result = drive(library, 'basic', script({ greet: null, kind: 'other', signs: ['locked'], age: 15 }));
    expect(result.stop).toBe('ended');
    expect(result.state.outcome).toBe('basic/referred');
    expect(result.refusals).toEqual([]);
    const byHand = play(library, 'basic', go, pick('other'), tick('locked'), type('15'));
    expect(result.events).toEqual(byHand.events);
    expect(result.state.path).toEqual(byHand.state.path);
  });

  it('stops where the callback has no command, with the call still active', () => {
    const result = drive(library, 'basic', script({ greet: null }));
    expect(result).toMatchObject({ stop: 'no-command', state: { status: 'active' } });
    expect(ofType(result.events, 'step-shown').at(-1)?.step).toBe('basic/kind');
  });

  it('collects refusals and shows the last one to the callback, which may correct itself', () => {
    const seen: (string | undefined)[] = [];
    const result = drive(library, 'basic', (view) => {
      seen.push(view.refusal?.code);
      if (view.current.stepId === 'greet') return go;
      if (view.current.stepId === 'kind') return view.refusal ? pick('info') : pick('wrong');
      return undefined;
    });
    expect(result.stop).toBe('ended');
    expect(result.refusals.map((refusal) => refusal.code)).toEqual(['unknown-option']);
    expect(seen).toEqual([undefined, undefined, 'unknown-option']);
  });

  it('never hangs on a callback that keeps giving refused commands', () => {
    const result = drive(library, 'basic', () => pick('wrong'), { maxCommands: 50 });
    expect(result.stop).toBe('command-limit');
    expect(result.refusals).toHaveLength(50);
  });

  it('reports a call that cannot start', () => {
    const result = drive(library, 'missing', () => go);
    expect(result).toMatchObject({ stop: 'start-refused', state: { status: 'ended', frames: [], path: [] }, events: [] });
    expect(result.state.outcome).toBeUndefined();
    expect(result.refusals[0]?.code).toBe('unknown-sop');
  });

  it('passes start variables', () => {
    const result = drive(library, 'basic', script({ greet: null, kind: 'other', signs: ['docs', 'debt'], age: '' }), { vars: { urgent: true } });
    expect(result.stop).toBe('no-command');
    expect(result.state.path.at(-1)).toBe('basic/danger'); // urgent (from vars) && two signs
    const without = drive(library, 'basic', script({ greet: null, kind: 'other', signs: ['docs', 'debt'], age: '' }));
    expect(without.state.outcome).toBe('basic/referred');
  });
});
