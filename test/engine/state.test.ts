/**
 * Properties of the state model over random walks through the fixtures: states and events are
 * plain JSON, the engine is deterministic, back restores exactly the previous state, and the
 * path is the list of steps shown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentStep } from '../../src/core/engine/current-step.js';
import { startCall } from '../../src/core/engine/start-call.js';
import { step } from '../../src/core/engine/step.js';
import type { CallState, Command, EngineEvent } from '../../src/core/engine/types.js';
import type { Library } from '../../src/core/model/library.js';
import { fixtureLibrary } from './library.js';
import { ok } from './helpers.js';

const library = fixtureLibrary('basic', 'parent', 'child', 'leaf', 'inputs');

/** Turns a random number into a plausible command for the current step (sometimes an invalid one). */
function commandFor(lib: Library, state: CallState, choice: number): Command {
  const current = currentStep(lib, state)!;
  const kind = choice % 10;
  if (kind === 0) return { type: 'back' };
  if (kind === 1) return { type: 'interrupt', key: ['!', '~', '#', '%'][choice % 4]! };
  if (kind === 2) return { type: 'note', text: `note ${choice}` };
  const s = current.step;
  switch (s.kind) {
    case 'say':
      return { type: 'answer', answer: { kind: 'continue' } };
    case 'ask':
      return { type: 'answer', answer: { kind: 'option', option: s.options[choice % s.options.length]!.id } };
    case 'checklist':
      return { type: 'answer', answer: { kind: 'checked', options: s.options.filter((_, i) => (choice >> i) & 1).map((o) => o.id) } };
    case 'input':
      return { type: 'answer', answer: { kind: 'value', raw: ['12', 'AB-12', 'yes', '', '7', 'x'][choice % 6]! } };
  }
}

function walk(root: string, choices: number[]): { states: CallState[]; events: EngineEvent[]; refusals: number } {
  const started = ok(startCall(library, root));
  const states = [started.state];
  const events = [...started.events];
  let refusals = 0;
  for (const choice of choices) {
    const state = states.at(-1)!;
    if (state.status === 'ended') break;
    const result = step(library, state, commandFor(library, state, choice));
    if (!result.ok) {
      refusals++;
      continue;
    }
    states.push(result.state);
    events.push(...result.events);
  }
  return { states, events, refusals };
}

const roots = fc.constantFrom('basic', 'parent', 'inputs');
const choices = fc.array(fc.nat(1000), { maxLength: 40 });

describe('state model', () => {
  it('states and events survive a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(roots, choices, (root, list) => {
        const { states, events } = walk(root, list);
        expect(JSON.parse(JSON.stringify(events))).toEqual(events);
        const last = states.at(-1)!;
        const json = JSON.parse(JSON.stringify(last)) as Record<string, unknown>;
        expect(json['path']).toEqual(last.path);
        expect(json['frames']).toEqual(last.frames);
        expect(json['referrals']).toEqual(last.referrals);
        expect(json['outcome']).toEqual(last.outcome);
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic: the same commands give the same events and states', () => {
    fc.assert(
      fc.property(roots, choices, (root, list) => {
        const a = walk(root, list);
        const b = walk(root, list);
        expect(b.events).toEqual(a.events);
        expect(b.states.at(-1)!.path).toEqual(a.states.at(-1)!.path);
        expect(b.states.at(-1)!.frames).toEqual(a.states.at(-1)!.frames);
      }),
      { numRuns: 100 },
    );
  });

  it('back right after an answer or interrupt gives back the previous frames, path and referrals', () => {
    fc.assert(
      fc.property(roots, choices, (root, list) => {
        const { states } = walk(root, list);
        for (const state of states) {
          if (state.status !== 'active' || state.previous === undefined) continue;
          const undone = ok(step(library, state, { type: 'back' })).state;
          expect(undone.frames).toEqual(state.previous.frames);
          expect(undone.path).toEqual(state.previous.path);
          expect(undone.referrals).toEqual(state.previous.referrals);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the path of an active call ends at its current step and never has more entries than step-shown events', () => {
    fc.assert(
      fc.property(roots, choices, (root, list) => {
        const { states, events } = walk(root, list);
        const last = states.at(-1)!;
        const shown = events.filter((event) => event.type === 'step-shown').length;
        expect(last.path.length).toBeLessThanOrEqual(shown);
        if (last.status === 'active') expect(last.path.at(-1)).toBe(currentStep(library, last)!.qualified);
        else expect(last.outcome).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      }),
      { numRuns: 150 },
    );
  });

  it('a state rebuilt from its JSON (no previous) continues with its path', () => {
    const { state } = ok(startCall(library, 'basic'));
    const next = ok(step(library, state, { type: 'answer', answer: { kind: 'continue' } })).state;
    const { previous: _previous, ...rest } = JSON.parse(JSON.stringify(next)) as CallState;
    const after = ok(step(library, rest, { type: 'answer', answer: { kind: 'option', option: 'work' } })).state;
    expect(after.path).toEqual(['basic/greet', 'basic/kind', 'basic/signs']);
  });
});

describe('robustness', () => {
  const answer = fc.oneof(
    fc.constant({ kind: 'continue' as const }),
    fc.string({ maxLength: 8 }).map((option) => ({ kind: 'option' as const, option })),
    fc.array(fc.constantFrom('docs', 'debt', 'locked', 'yes', 'x', ''), { maxLength: 4 }).map((options) => ({ kind: 'checked' as const, options })),
    fc.string({ maxLength: 12 }).map((raw) => ({ kind: 'value' as const, raw })),
  );
  const command: fc.Arbitrary<Command> = fc.oneof(
    answer.map((a) => ({ type: 'answer' as const, answer: a })),
    fc.constant({ type: 'back' as const }),
    fc.string({ maxLength: 2 }).map((key) => ({ type: 'interrupt' as const, key })),
    fc.string({ maxLength: 5 }).map((text) => ({ type: 'note' as const, text })),
  );

  it('never throws on arbitrary commands: each is applied or refused with a message in both languages', () => {
    fc.assert(
      fc.property(roots, fc.array(command, { maxLength: 30 }), (root, commands) => {
        let state = ok(startCall(library, root)).state;
        for (const c of commands) {
          const result = step(library, state, c);
          if (result.ok) state = result.state;
          else expect(result.refusal.message.en.length * result.refusal.message.uk.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
