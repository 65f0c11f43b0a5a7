/**
 * The training fixtures (a small library and its scenarios, in fixtures/sops), and training
 * sessions made by driving the real engine with a trainee's commands, each after a given pause.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptedAnswer } from '../../src/core/engine/answer-from-scripted.js';
import { currentStep } from '../../src/core/engine/current-step.js';
import { startCall } from '../../src/core/engine/start-call.js';
import { step } from '../../src/core/engine/step.js';
import type { Command, EngineEvent } from '../../src/core/engine/types.js';
import { loadScenario, type LoadedScenario } from '../../src/core/load/load-scenario.js';
import type { Library } from '../../src/core/model/library.js';
import type { JournalLine } from '../../src/core/record/journal-line.js';
import type { TrainingSession } from '../../src/core/training/debrief-session.js';
import { loadFixtureLibrary, sourceFile as source } from '../fixture-files.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SOPS = join(ROOT, 'test', 'train', 'fixtures', 'sops');
export const SCENARIOS = join(SOPS, 'scenarios');

export function trainingLibrary(): Library {
  const files = readdirSync(SOPS).filter((name) => name.endsWith('.yaml')).sort();
  return loadFixtureLibrary(files.map((name) => source(join(SOPS, name))), 'training fixtures');
}

export function trainingScenario(name: string): LoadedScenario {
  const { loaded, findings } = loadScenario(source(join(SCENARIOS, `${name}.scenario.yaml`)));
  if (!loaded) throw new Error(`scenario ${name} does not load: ${JSON.stringify(findings, null, 2)}`);
  return loaded;
}

/** What the trainee does: an answer as a scenario would write it, back, an interrupt key; after `seconds`. */
export type Move = { readonly answer: unknown; readonly seconds?: number } | { readonly back: true; readonly seconds?: number } | { readonly key: string; readonly seconds?: number };

/**
 * A session as the journal would hold it (protection aside): session-start, then the engine's
 * events of each move, `ms` advancing by each move's seconds; session-end when the call ended.
 */
export function trainingSession(library: Library, sop: string, moves: readonly Move[], options: { id?: string; scenario?: string; trainee?: string; at?: string } = {}): TrainingSession {
  const id = options.id ?? '20261101-1000-aaaa';
  const started = startCall(library, sop);
  if (!started.ok) throw new Error(started.refusal.message.en);
  let state = started.state;
  let ms = 0;
  let seq = 0;
  const base = new Date(options.at ?? '2026-11-01T10:00:00.000Z').getTime();
  const lines: JournalLine[] = [];
  const push = (event: Record<string, unknown>): void => {
    lines.push({ v: 1, session: id, seq: seq++, at: new Date(base + ms).toISOString(), ms, ...event, prev: '0'.repeat(64) } as unknown as JournalLine);
  };
  push({ type: 'session-start', sop, version: '1.0.0', files: [], operator: 'tester', lang: 'en', tool: 'test', mode: 'training', scenario: options.scenario ?? 'two-signs', trainee: options.trainee ?? 'anna' });
  const record = (events: readonly EngineEvent[]): void => {
    for (const event of events) push(event as unknown as Record<string, unknown>);
  };
  record(started.events);
  for (const move of moves) {
    ms += (move.seconds ?? 1) * 1000;
    let command: Command;
    if ('back' in move) command = { type: 'back' };
    else if ('key' in move) command = { type: 'interrupt', key: move.key };
    else {
      const current = currentStep(library, state);
      if (!current) throw new Error('the call already ended');
      const scripted = scriptedAnswer(current.step, move.answer);
      if (!scripted.ok) throw new Error(scripted.refusal.message.en);
      command = { type: 'answer', answer: scripted.answer };
    }
    const result = step(library, state, command);
    if (!result.ok) throw new Error(`${JSON.stringify(command)}: ${result.refusal.message.en}`);
    record(result.events);
    state = result.state;
  }
  if (state.status === 'ended') push({ type: 'session-end', outcome: state.outcome, referrals: state.referrals, durationMs: ms });
  return { id, lines, status: state.status === 'ended' ? 'completed' : 'interrupted' };
}

/** Writes sessions (as trainingSession makes them) to a training journal through the real journal writer. */
export async function writeTrainingJournal(dataDir: string, sessions: readonly TrainingSession[]): Promise<void> {
  const { openSessionWriter } = await import('../../src/shell/journal/writer.js');
  for (const session of sessions) {
    let current = session.lines[0];
    const writer = await openSessionWriter({
      dataDir,
      mode: 'training',
      now: () => new Date(current?.at ?? 0),
      monotonic: () => current?.ms ?? 0,
    });
    try {
      for (const line of session.lines) {
        current = line;
        const { v: _v, session: _s, seq: _q, at: _a, ms: _m, prev: _p, redacted: _r, type, ...payload } = line as JournalLine & { redacted?: true };
        writer.append(type, payload as never);
      }
    } finally {
      writer.close();
    }
  }
}

/** A session that is exactly the expert's call (the scenario's own engine events, a second per step). */
export function sessionOfEvents(events: readonly EngineEvent[], id = 'expert'): TrainingSession {
  let ms = 0;
  const lines = events.map((event, seq) => {
    if (event.type === 'step-shown') ms += 1000;
    return { v: 1, session: id, seq, at: new Date(ms).toISOString(), ms, ...event, prev: '0'.repeat(64) } as unknown as JournalLine;
  });
  return { id, lines, status: 'completed' };
}
