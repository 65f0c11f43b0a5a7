import type { Library } from '../model/library.js';
import { makeState } from './call-state.js';
import { currentStep } from './current-step.js';
import { startCall } from './start-call.js';
import { step } from './step.js';
import type { Command, DriveOptions, DriveResult, DriveView, EngineEvent, Refusal } from './types.js';

/**
 * A headless call, and the one loop around the engine: starts `sopId`, then asks `next` for a
 * command at each step until the call ends or `next` returns undefined. A refused command is
 * collected in `refusals` and `next` is asked again with the refusal in its view. Deterministic,
 * no I/O. Every driver that is not a counsellor at a keyboard feeds it: `sop run --answers`
 * (answers from a file), `sop test` and training's expert run (a scenario, check/run-scenario.ts),
 * resume, replay, `sop replay --check` and training's scoring (a recording, record/feed-recording.ts).
 */
export function drive(
  library: Library,
  sopId: string,
  next: (view: DriveView) => Command | undefined,
  options?: DriveOptions,
): DriveResult {
  const started = startCall(library, sopId, options);
  if (!started.ok) {
    const state = makeState({ root: sopId, frames: [], status: 'ended', referrals: [] }, undefined, undefined);
    return { state, events: [], refusals: [started.refusal], stop: 'start-refused' };
  }
  const limit = options?.maxCommands ?? 100_000;
  const events: EngineEvent[] = [...started.events];
  const refusals: Refusal[] = [];
  let state = started.state;
  let refusal: Refusal | undefined;
  for (let commands = 0; ; commands++) {
    const current = currentStep(library, state);
    if (current === undefined) return { state, events, refusals, stop: 'ended' };
    if (commands >= limit) return { state, events, refusals, stop: 'command-limit' };
    const eventCount = events.length;
    const command = next(refusal === undefined ? { state, current, commands, eventCount } : { state, current, commands, eventCount, refusal });
    if (command === undefined) return { state, events, refusals, stop: 'no-command' };
    const result = step(library, state, command);
    if (result.ok) {
      state = result.state;
      for (const event of result.events) events.push(event);
      refusal = undefined;
    } else {
      refusal = result.refusal;
      refusals.push(refusal);
    }
  }
}
