import { describe, expect, it } from 'vitest';
import { MAX_AUTOMATIC_TRANSITIONS } from '../../src/core/engine/settle.js';
import { startCall } from '../../src/core/engine/start-call.js';
import { step } from '../../src/core/engine/step.js';
import type { Command } from '../../src/core/engine/types.js';
import { fixtureLibrary } from './library.js';
import { go, ok, pick, play, refused, tick, type } from './helpers.js';

const basic = fixtureLibrary('basic');

describe('answers that do not fit the step are refused, the state untouched', () => {
  const cases: [string, string[], Command, string][] = [
    ['an option at a say step', [], pick('info'), 'wrong-answer-kind'],
    ['continue at an ask step', ['go'], go, 'wrong-answer-kind'],
    ['an unknown option', ['go'], pick('nope'), 'unknown-option'],
    ['ticks at an ask step', ['go'], tick('info'), 'wrong-answer-kind'],
    ['an unknown checklist item', ['go', 'other'], tick('docs', 'nope'), 'unknown-option'],
    ['the same item ticked twice', ['go', 'other'], tick('docs', 'docs'), 'duplicate-option'],
    ['a typed value at a checklist', ['go', 'other'], type('docs'), 'wrong-answer-kind'],
    ['an option at an input step', ['go', 'other', ''], pick('12'), 'wrong-answer-kind'],
    ['an age over max', ['go', 'other', ''], type('121'), 'out-of-range'],
  ];
  it.each(cases)('%s', (_name, before, command, code) => {
    const commands = before.map((entry) => (entry === 'go' ? go : entry === '' ? tick() : pick(entry)));
    const { state } = play(basic, 'basic', ...commands);
    const snapshot = JSON.stringify(state);
    expect(refused(step(basic, state, command)).code).toBe(code);
    expect(JSON.stringify(state)).toBe(snapshot);
  });

  it('names the valid options in the message', () => {
    const { state } = play(basic, 'basic', go);
    const refusal = refused(step(basic, state, pick('nope')));
    expect(refusal.message.en).toContain('info, work, other');
    expect(refusal.message.uk).toContain('info, work, other');
  });

  it('refuses every command on an ended call', () => {
    const { state } = play(basic, 'basic', go, pick('info'));
    for (const command of [go, pick('info'), { type: 'note', text: 'x' } as const, { type: 'interrupt', key: '!' } as const]) {
      expect(refused(step(basic, state, command)).code).toBe('call-ended');
    }
  });

  it('refuses to start an unknown SOP', () => {
    expect(refused(startCall(basic, 'nope')).code).toBe('unknown-sop');
  });
});

describe('a broken library is refused, never a crash', () => {
  const broken = fixtureLibrary('broken');
  const at = (option: string) => step(broken, ok(startCall(broken, 'broken')).state, pick(option));
  it.each([
    ['no-branch', 'no-branch'],
    ['bad-type', 'condition-failed'],
    ['bad-expr', 'condition-failed'],
    ['missing-step', 'unknown-step'],
    ['missing-constructor', 'unknown-step'],
    ['missing-sop', 'unknown-sop'],
    ['no-next', 'no-branch'],
  ])('%s -> %s', (option, code) => {
    expect(refused(at(option)).code).toBe(code);
  });

  it('names the condition and the step in the message', () => {
    expect(refused(at('bad-type')).message.en).toMatch(/"n > 5" at broken\/menu/);
  });
});

describe('the automatic-transition cap', () => {
  it('refuses a decide cycle with no question instead of hanging', () => {
    const loop = fixtureLibrary('loop');
    const refusal = refused(step(loop, ok(startCall(loop, 'loop')).state, go));
    expect(refusal.code).toBe('too-many-automatic-steps');
    expect(refusal.message.en).toContain(String(MAX_AUTOMATIC_TRANSITIONS));
  });

  it('refuses endless recursion through call steps at the start', () => {
    const recursive = fixtureLibrary('recursive');
    expect(refused(startCall(recursive, 'recursive')).code).toBe('too-many-automatic-steps');
  });

  it('lets long but finite chains of decide steps through', () => {
    const steps: [string, object][] = Array.from({ length: MAX_AUTOMATIC_TRANSITIONS - 2 }, (_, i) => [`d${i}`, { kind: 'decide', next: [{ goto: `d${i + 1}` }] }]);
    steps.push([`d${MAX_AUTOMATIC_TRANSITIONS - 2}`, { kind: 'end', outcome: 'done' }]);
    const library = {
      sops: new Map([
        ['chain', { file: 'chain', sha256: '', positionOf: () => undefined, sop: { sop: 'chain', version: '1.0.0', title: 'Chain', languages: ['en'], start: 'd0', steps: Object.fromEntries(steps) } }],
      ]),
    } as unknown as Parameters<typeof startCall>[0];
    expect(ok(startCall(library, 'chain')).state.outcome).toBe('chain/done');
  });
});

describe('start variables', () => {
  it('are refused when the SOP does not declare them or the type does not fit', () => {
    expect(refused(startCall(basic, 'basic', { vars: { nope: true } })).code).toBe('bad-start-variable');
    expect(refused(startCall(basic, 'basic', { vars: { urgent: 'yes' } })).message.en).toContain('bool');
    expect(refused(startCall(basic, 'basic', { vars: { age: 1.5 } })).code).toBe('bad-start-variable');
    expect(refused(startCall(basic, 'basic', { vars: { indicators: ['a', 1 as unknown as string] } })).code).toBe('bad-start-variable');
    expect(ok(startCall(basic, 'basic', { vars: { indicators: ['docs'], age: 12, kind: 'x', urgent: false } })).state.status).toBe('active');
  });
});
