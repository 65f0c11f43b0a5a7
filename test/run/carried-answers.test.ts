/**
 * Answers carried forward: a step's text shows an earlier answer ({address}) and a directory
 * contact ({contact:police}) on screen, while the journal holds only the answer as recorded.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startCall } from '../../src/core/engine/start-call.js';
import type { EngineEvent } from '../../src/core/engine/types.js';
import { runInteractiveCall } from '../../src/shell/tui/run-interactive-call.js';
import { loadFixtureLibrary, sourceFile } from '../fixture-files.js';
import { ENTER, fakeIO, typed } from './fake-io.js';

const FOLDER = new URL('./fixtures/references/', import.meta.url);
const library = loadFixtureLibrary(
  readdirSync(FOLDER).sort().map((name) => sourceFile(fileURLToPath(new URL(name, FOLDER)), `references/${name}`)),
  'references fixture',
);

/** The screen with its wrapped lines joined, to read a sentence across a line break. */
const flat = (screen: string | undefined): string => (screen ?? '').replace(/\s+/g, ' ');

async function call(lang: 'en' | 'uk', wall?: Date) {
  const started = startCall(library, 'briefing');
  if (!started.ok) throw new Error('cannot start');
  const io = fakeIO([...typed('5 Lypnia St, flat 9'), ENTER, ENTER]);
  const journal: EngineEvent[] = [];
  const end = await runInteractiveCall({
    library,
    state: started.state,
    lang,
    io,
    journal: { record: (events) => void journal.push(...events) },
    clock: { now: () => 1000, ...(wall ? { wall: () => wall } : {}) },
    tickMs: 0,
  });
  return { end, io, journal };
}

describe('answers carried forward on the call screen', () => {
  it('the briefing step shows the typed address and the police number', async () => {
    const { end, io } = await call('en', new Date('2026-12-07T10:00:00Z'));
    expect(end.kind).toBe('ended');
    const briefing = flat(io.screens.find((s) => s.includes('Give the address')));
    expect(briefing).toContain('Give the address: 5 Lypnia St, flat 9.');
    expect(briefing).toContain('Call Police: 102 (open 24/7) on another line.');
    expect(io.screens.join('\n')).not.toContain('{address}');
  });

  it('in Ukrainian too, and without a wall clock no opening state is claimed', async () => {
    const { io } = await call('uk');
    const briefing = flat(io.screens.find((s) => s.includes('Назвіть адресу')));
    expect(briefing).toContain('Назвіть адресу: 5 Lypnia St, flat 9.');
    expect(briefing).toContain('Зателефонуйте Поліція: 102 з іншої лінії.');
  });

  it('the rendered text is never recorded: the journal holds the answer event only', async () => {
    const { journal } = await call('en');
    expect(JSON.stringify(journal)).not.toContain('Give the address');
    expect(journal.find((e) => e.type === 'answer')).toMatchObject({ step: 'briefing/address', sensitive: true });
  });
});
