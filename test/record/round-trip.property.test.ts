/**
 * Property: for any call a counsellor can make on the fixture SOP (answers, backs, amendments,
 * notes, interrupts, in any order the engine accepts), the journal keeps enough to rebuild it:
 * commandsFromEvents gives back the accepted commands (the redacted ones marked), and replaying
 * them reproduces the recorded events exactly.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentStep } from '../../src/core/engine/current-step.js';
import { startCall } from '../../src/core/engine/start-call.js';
import { step } from '../../src/core/engine/step.js';
import type { CallState, Command, EngineEvent } from '../../src/core/engine/types.js';
import type { Library } from '../../src/core/model/library.js';
import { commandsFromEvents } from '../../src/core/record/commands-from-events.js';
import { protect } from '../../src/shell/journal/protect.js';
import { readJournal } from '../../src/shell/journal/reader.js';
import { readLibrary } from '../../src/shell/library/read-library.js';
import { startPayload, tempDir, writerFor } from '../journal/helpers.js';

let library: Library;
beforeAll(async () => {
  library = (await readLibrary([join(import.meta.dirname, 'fixtures')], { cache: false })).library;
});

/** Turns random numbers into commands the engine accepts, stopping when the call ends. */
function playRandom(choices: readonly number[]): { accepted: Command[]; batches: EngineEvent[][]; state: CallState } {
  const started = startCall(library, 'intake');
  if (!started.ok) throw new Error(started.refusal.code);
  let state = started.state;
  const batches: EngineEvent[][] = [[...started.events]];
  const accepted: Command[] = [];
  for (const r of choices) {
    const current = currentStep(library, state);
    if (!current) break;
    let command: Command;
    if (r % 7 === 0) command = { type: 'back' };
    else if (r % 7 === 1) command = { type: 'note', text: `note ${r}` };
    else if (r % 11 === 2) command = { type: 'interrupt', key: '!' };
    else {
      const s = current.step;
      if (s.kind === 'say') command = { type: 'answer', answer: { kind: 'continue' } };
      else if (s.kind === 'ask') command = { type: 'answer', answer: { kind: 'option', option: s.options[r % s.options.length]!.id } };
      else if (s.kind === 'checklist') command = { type: 'answer', answer: { kind: 'checked', options: s.options.filter((_, i) => (r >> i) & 1).map((o) => o.id) } };
      else command = { type: 'answer', answer: { kind: 'value', raw: ['', '5', '200', 'x', '42'][r % 5]! } };
    }
    const result = step(library, state, command);
    if (!result.ok) continue;
    state = result.state;
    accepted.push(command);
    batches.push([...result.events]);
  }
  return { accepted, batches, state };
}

describe('record round trip (property)', () => {
  it('rebuilds any call from its journal', async () => {
    const dataDir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }), async (choices) => {
        const { accepted, batches, state } = playRandom(choices);
        // fsync is the disk's business, not this property's: skip it to keep the test fast.
        const writer = await writerFor(dataDir, 'live', { fs: { fsyncSync: () => {} } });
        writer.append('session-start', startPayload({ sop: 'intake' }));
        for (const batch of batches) writer.appendEvents(batch);
        if (state.status === 'ended') writer.append('session-end', { outcome: state.outcome!, referrals: state.referrals, durationMs: 1 });
        else writer.append('interrupted', { reason: 'quit', at: state.path[state.path.length - 1] ?? '' });
        writer.close();
        const session = readJournal(dataDir, 'live').sessions.find((s) => s.id === writer.sessionId)!;
        expect(session.status).toBe(state.status === 'ended' ? 'completed' : 'interrupted');

        const rebuilt = commandsFromEvents(session.events);
        expect(rebuilt).toHaveLength(accepted.length);
        rebuilt.forEach((r, i) => {
          if (!r.redacted) expect(r.command).toEqual(accepted[i]);
        });
        const replayed = playCommands(rebuilt.map((r, i) => (r.redacted ? accepted[i]! : r.command)));
        const recorded = session.events.map(({ v: _v, session: _s, seq: _q, at: _a, ms: _m, prev: _p, ...event }) => event);
        expect(recorded).toEqual(replayed.map((event) => protect(event)));
      }),
      { numRuns: 60 },
    );
  });
});

function playCommands(commands: readonly Command[]): EngineEvent[] {
  const started = startCall(library, 'intake');
  if (!started.ok) throw new Error(started.refusal.code);
  let state = started.state;
  const events = [...started.events];
  for (const command of commands) {
    const result = step(library, state, command);
    if (!result.ok) throw new Error(`replay refused ${command.type}: ${result.refusal.code}`);
    state = result.state;
    events.push(...result.events);
  }
  return events;
}
