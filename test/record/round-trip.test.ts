/**
 * A call played through the engine, recorded by the real writer, read back: the commands
 * rebuilt from the journal replay to the same events (sensitive ones are marked redacted).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startCall } from '../../src/core/engine/start-call.js';
import { step } from '../../src/core/engine/step.js';
import type { Command, EngineEvent } from '../../src/core/engine/types.js';
import type { Library } from '../../src/core/model/library.js';
import { commandsFromEvents } from '../../src/core/record/commands-from-events.js';
import { summarise } from '../../src/core/record/summarise.js';
import { protect } from '../../src/shell/journal/protect.js';
import { readJournal } from '../../src/shell/journal/reader.js';
import { readLibrary } from '../../src/shell/library/read-library.js';
import { startPayload, tempDir, writerFor } from '../journal/helpers.js';

let library: Library;
beforeAll(async () => {
  library = (await readLibrary([join(import.meta.dirname, 'fixtures')], { cache: false })).library;
});

const go: Command = { type: 'answer', answer: { kind: 'continue' } };
const pick = (option: string): Command => ({ type: 'answer', answer: { kind: 'option', option } });

/** Plays `commands` from the start of `sop`; each must be accepted. Events per command (start first). */
function play(commands: readonly Command[], sop = 'intake'): EngineEvent[][] {
  const started = startCall(library, sop);
  if (!started.ok) throw new Error(started.refusal.code);
  let state = started.state;
  const batches: EngineEvent[][] = [[...started.events]];
  for (const command of commands) {
    const result = step(library, state, command);
    if (!result.ok) throw new Error(`${command.type}: ${result.refusal.code}`);
    state = result.state;
    batches.push([...result.events]);
  }
  return batches;
}

/** Records the batches as one session and reads it back. */
async function record(batches: EngineEvent[][], end: boolean) {
  const dataDir = tempDir();
  const writer = await writerFor(dataDir);
  writer.append('session-start', startPayload({ sop: 'intake', version: '2.1.0' }));
  for (const batch of batches) writer.appendEvents(batch);
  if (end) {
    const ended = batches.flat().find((e) => e.type === 'call-ended');
    if (ended?.type !== 'call-ended') throw new Error('the call did not end');
    writer.append('session-end', { outcome: ended.outcome, referrals: ended.referrals, durationMs: 60_000 });
  } else {
    writer.append('interrupted', { reason: 'sigint', at: 'intake/signs' });
  }
  writer.close();
  const { sessions, notices } = readJournal(dataDir, 'live');
  expect(notices).toEqual([]);
  expect(sessions).toHaveLength(1);
  return sessions[0]!;
}

const call: Command[] = [
  go,
  pick('abroad'),
  { type: 'back' },
  pick('home'), // an amendment of a sensitive answer
  { type: 'answer', answer: { kind: 'value', raw: '17' } },
  { type: 'note', text: 'Caller named Ivan' },
  { type: 'answer', answer: { kind: 'checked', options: ['documents', 'debt'] } },
  pick('no'),
];

describe('commandsFromEvents on a recorded call', () => {
  it('gives back every command, marking the redacted ones', async () => {
    const session = await record(play(call), true);
    const commands = commandsFromEvents(session.events);
    expect(commands.map((c) => c.command)).toEqual(
      call.map((command, i) => ([1, 3, 4].includes(i) ? expect.anything() : i === 5 ? { type: 'note', text: '[redacted]' } : command)),
    );
    expect(commands.map((c) => c.redacted)).toEqual([false, true, false, true, true, true, false, false]);
    expect(commands.map((c) => c.step)).toEqual([
      'intake/greet',
      'intake/where',
      'intake/age',
      'intake/where',
      'intake/age',
      'intake/signs',
      'intake/signs',
      'closing/anything-else',
    ]);
  });

  it('replays to the same events as were recorded (with the originals where redacted)', async () => {
    const batches = play(call);
    const session = await record(batches, true);
    const rebuilt = commandsFromEvents(session.events).map((c, i) => (c.redacted ? call[i]! : c.command));
    const replayed = play(rebuilt).flat().map(protect);
    const recorded = session.events.map(({ v: _v, session: _s, seq: _q, at: _a, ms: _m, prev: _p, ...event }) => event);
    expect(recorded).toEqual(replayed);
    expect(summarise(session)).toMatchObject({
      status: 'completed',
      outcome: 'intake/referred',
      referrals: ['la-strada'],
      amendments: 1,
      notes: 1,
      interrupts: 0,
      durationMs: 60_000,
    });
  });

  it('rebuilds an interrupted call up to where it stopped, interrupts included', async () => {
    const partial: Command[] = [go, { type: 'interrupt', key: '!' }];
    const session = await record(play(partial), false);
    expect(session.status).toBe('interrupted');
    const commands = commandsFromEvents(session.events);
    expect(commands.map((c) => c.command)).toEqual(partial);
    expect(commands.every((c) => !c.redacted)).toBe(true);
    const again = play(commands.map((c) => c.command)).flat();
    expect(again.at(-1)).toMatchObject({ type: 'call-ended', outcome: 'intake/danger', referrals: ['police'] });
  });
});
