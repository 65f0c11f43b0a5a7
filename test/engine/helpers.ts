/** Test helpers: short commands and a loop that applies them, failing loudly on a refusal. */
import { expect } from 'vitest';
import { startCall } from '../../src/core/engine/start-call.js';
import { step } from '../../src/core/engine/step.js';
import type { CallState, Command, EngineEvent, Refusal, StepResult } from '../../src/core/engine/types.js';
import type { Library } from '../../src/core/model/library.js';

export const go: Command = { type: 'answer', answer: { kind: 'continue' } };
export const back: Command = { type: 'back' };
export const pick = (option: string): Command => ({ type: 'answer', answer: { kind: 'option', option } });
export const tick = (...options: string[]): Command => ({ type: 'answer', answer: { kind: 'checked', options } });
export const type = (raw: string): Command => ({ type: 'answer', answer: { kind: 'value', raw } });
export const press = (key: string): Command => ({ type: 'interrupt', key });
export const note = (text: string): Command => ({ type: 'note', text });

export function ok(result: StepResult): { state: CallState; events: readonly EngineEvent[] } {
  if (!result.ok) throw new Error(`refused: ${result.refusal.code}: ${result.refusal.message.en}`);
  return result;
}

export function refused(result: StepResult): Refusal {
  if (result.ok) throw new Error(`expected a refusal, got events ${JSON.stringify(result.events)}`);
  expect(result.refusal.message.en).not.toBe('');
  expect(result.refusal.message.uk).not.toBe('');
  return result.refusal;
}

/** Starts `sop` and applies `commands`, all of which must be accepted. */
export function play(library: Library, sop: string, ...commands: Command[]): { state: CallState; events: EngineEvent[] } {
  const started = ok(startCall(library, sop));
  let state = started.state;
  const events = [...started.events];
  for (const command of commands) {
    const result = ok(step(library, state, command));
    state = result.state;
    events.push(...result.events);
  }
  return { state, events };
}

/** The step the call waits at (innermost frame), as sop/step. */
export function at(state: CallState): string | undefined {
  const top = state.frames.at(-1);
  return state.status === 'active' && top ? `${top.sop}/${top.step}` : undefined;
}

export function ofType<T extends EngineEvent['type']>(events: readonly EngineEvent[], type: T): Extract<EngineEvent, { type: T }>[] {
  return events.filter((event): event is Extract<EngineEvent, { type: T }> => event.type === type);
}
