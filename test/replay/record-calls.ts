/**
 * Records scripted calls the way `sop run` does — the engine's events through the journal writer —
 * so replay fixtures are produced by driving the engine, never written by hand.
 */
import { startCall } from '../../src/core/engine/start-call.js';
import { step } from '../../src/core/engine/step.js';
import type { CallState, Command } from '../../src/core/engine/types.js';
import type { Library } from '../../src/core/model/library.js';
import { openSessionWriter } from '../../src/shell/journal/writer.js';

export interface ScriptedCall {
  readonly name: string;
  readonly sop: string;
  readonly commands: readonly Command[];
  /** Seconds spent before each command (the last value repeats). */
  readonly seconds?: readonly number[];
}

const say: Command = { type: 'answer', answer: { kind: 'continue' } };
const option = (id: string): Command => ({ type: 'answer', answer: { kind: 'option', option: id } });
const checked = (...ids: string[]): Command => ({ type: 'answer', answer: { kind: 'checked', options: ids } });
const value = (raw: string): Command => ({ type: 'answer', answer: { kind: 'value', raw } });

/** The calls of test/replay/fixtures/calls/, against the library in test/check/fixtures/lib/. */
export const FIXTURE_CALLS: readonly ScriptedCall[] = [
  { name: 'other-informed', sop: 'hotline', commands: [say, { type: 'note', text: 'caller sounded scared' }, option('other')], seconds: [8, 20, 5] },
  { name: 'job-no-signs', sop: 'hotline', commands: [say, option('job'), checked()], seconds: [6, 12, 40] },
  { name: 'danger-interrupt', sop: 'hotline', commands: [say, { type: 'interrupt', key: '!' }, say], seconds: [5, 3, 30] },
  { name: 'amended-topic', sop: 'hotline', commands: [say, option('job'), { type: 'back' }, option('other')], seconds: [5, 10, 4, 6] },
  { name: 'minor-unsafe', sop: 'hotline', commands: [say, option('job'), checked('passport', 'debt'), value('16'), option('unsafe')], seconds: [5, 9, 30, 12, 20] },
];

export { say, option, checked, value };

/** Runs one scripted call through the engine; throws if the engine refuses a command. */
export function driveScript(library: Library, call: ScriptedCall): { state: CallState; events: import('../../src/core/engine/types.js').EngineEvent[][] } {
  const started = startCall(library, call.sop);
  if (!started.ok) throw new Error(`${call.name}: ${started.refusal.message.en}`);
  let state = started.state;
  const events = [[...started.events]];
  for (const command of call.commands) {
    const result = step(library, state, command);
    if (!result.ok) throw new Error(`${call.name}: ${result.refusal.message.en}`);
    state = result.state;
    events.push([...result.events]);
  }
  return { state, events };
}

/** Records the calls into `dataDir`'s live journal with a fake clock (calls start an hour apart). */
export async function recordCalls(library: Library, calls: readonly ScriptedCall[], dataDir: string, start = Date.UTC(2026, 10, 2, 9, 0, 0)): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, call] of calls.entries()) {
    let clock = start + index * 3_600_000;
    let elapsed = 0;
    const writer = await openSessionWriter({ dataDir, mode: 'live', now: () => new Date(clock), monotonic: () => elapsed });
    const files = [...library.sops.values()].map((loaded) => ({ sop: loaded.sop.sop, file: loaded.file, sha256: loaded.sha256 }));
    const root = library.sops.get(call.sop);
    writer.append('session-start', {
      sop: call.sop,
      version: root?.sop.version ?? '0.0.0',
      files,
      operator: 'Olena Test-Operator',
      lang: 'uk',
      tool: 'test',
      mode: 'live',
    });
    const { state, events } = driveScript(library, call);
    for (const [at, batch] of events.entries()) {
      if (at > 0) {
        const spent = (call.seconds?.[at - 1] ?? call.seconds?.[call.seconds.length - 1] ?? 10) * 1000;
        elapsed += spent;
        clock += spent;
      }
      writer.appendEvents(batch);
    }
    if (state.status === 'ended') {
      writer.append('session-end', { outcome: state.outcome ?? '', referrals: state.referrals, durationMs: elapsed });
    }
    writer.close();
    ids.push(writer.sessionId);
  }
  return ids;
}

/** Records already-run calls (e.g. scenario runs): each event list as one session, 5 s per answer. */
export async function recordEventLists(
  library: Library,
  calls: readonly { readonly sop: string; readonly events: readonly import('../../src/core/engine/types.js').EngineEvent[] }[],
  dataDir: string,
): Promise<string[]> {
  const ids: string[] = [];
  const files = [...library.sops.values()].map((loaded) => ({ sop: loaded.sop.sop, file: loaded.file, sha256: loaded.sha256 }));
  for (const [index, call] of calls.entries()) {
    let elapsed = 0;
    const start = Date.UTC(2026, 10, 3, 8, 0, 0) + index * 60_000;
    const writer = await openSessionWriter({ dataDir, mode: 'live', now: () => new Date(start + elapsed), monotonic: () => elapsed });
    writer.append('session-start', { sop: call.sop, version: library.sops.get(call.sop)?.sop.version ?? '0.0.0', files, operator: 'test', lang: 'en', tool: 'test', mode: 'live' });
    for (const event of call.events) {
      if (event.type === 'answer' || event.type === 'amend') elapsed += 5_000;
      writer.appendEvents([event]);
    }
    const ended = call.events.find((event) => event.type === 'call-ended');
    if (ended && ended.type === 'call-ended') writer.append('session-end', { outcome: ended.outcome, referrals: ended.referrals, durationMs: elapsed });
    writer.close();
    ids.push(writer.sessionId);
  }
  return ids;
}
