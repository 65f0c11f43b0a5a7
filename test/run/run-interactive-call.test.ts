import { describe, expect, it } from 'vitest';
import { startCall } from '../../src/core/engine/start-call.js';
import type { CallState, EngineEvent } from '../../src/core/engine/types.js';
import { runInteractiveCall, type CallEnd } from '../../src/shell/tui/run-interactive-call.js';
import type { Key } from '../../src/shell/tui/keyboard.js';
import { TerminalGone } from '../../src/shell/tui/terminal.js';
import { ENTER, fakeIO, key, typed } from './fake-io.js';
import { fixtureLibrary } from './fixture-library.js';

const library = fixtureLibrary();

const k = key;
const type = typed;

function start(): CallState {
  const started = startCall(library, 'intake');
  if (!started.ok) throw new Error('cannot start');
  return started.state;
}

async function call(keys: Key[], journal: EngineEvent[][] = []): Promise<{ end: CallEnd; io: ReturnType<typeof fakeIO>; journal: EngineEvent[][] }> {
  const io = fakeIO(keys);
  const end = await runInteractiveCall({
    library,
    state: start(),
    lang: 'en',
    io,
    journal: { record: (events) => void journal.push([...events]) },
    clock: { now: () => 61_000 },
    tickMs: 0,
  });
  return { end, io, journal };
}

describe('runInteractiveCall', () => {
  it('runs a whole call through the engine, recording every event in order', async () => {
    const { end, journal } = await call([ENTER, ENTER, ...type('42'), ENTER, k('1'), k('3'), ENTER, ENTER]);
    expect(end.kind).toBe('ended');
    expect(end.state.outcome).toBe('intake/done');
    expect(end.state.referrals).toEqual(['test-line']);
    const types = journal.flat().map((e) => e.type);
    expect(types[0]).toBe('answer');
    expect(types.at(-1)).toBe('call-ended');
    expect(types).toContain('sop-entered');
    const signs = journal.flat().find((e) => e.type === 'answer' && e.step === 'intake/signs');
    expect(signs).toMatchObject({ value: ['documents', 'locked'] });
  });

  it('shows the engine refusal and lets the counsellor correct the input', async () => {
    const { io, end } = await call([ENTER, ENTER, ...type('200'), ENTER, k('', 'backspace'), k('', 'backspace'), ENTER, k('q'), k('y')]);
    expect(io.screens.some((s) => /120/.test(s) && /Answer: 200/.test(s))).toBe(true);
    expect(end).toMatchObject({ kind: 'interrupted', reason: 'quit', at: 'intake/signs' });
  });

  it('records a note without moving, and stays on the step', async () => {
    const { journal, io, end } = await call([k('n'), ...type('calls back'), ENTER, k('\u0003', 'c')].map((key) => (key.name === 'c' && key.sequence === '\u0003' ? { ...key, ctrl: true } : key)));
    expect(journal.flat()).toEqual([{ type: 'note', step: 'intake/greet', text: 'calls back' }]);
    expect(io.screens.at(-1)).toContain('Note saved.');
    expect(end).toMatchObject({ kind: 'interrupted', reason: 'sigint', at: 'intake/greet' });
  });

  it('Ctrl+C while a note is typed records what was typed (marked unfinished) before stopping', async () => {
    const ctrlC = { ...k('\u0003', 'c'), ctrl: true };
    const { journal, end } = await call([ENTER, k('n'), ...type(' half a no'), ctrlC]);
    expect(journal.at(-1)).toEqual([{ type: 'note', step: 'intake/safe', text: 'half a no', unfinished: true }]);
    expect(end).toMatchObject({ kind: 'interrupted', reason: 'sigint', at: 'intake/safe', unfinishedNote: true });
    // Nothing typed (or only spaces): nothing to keep, the call just stops.
    const empty = await call([k('n'), ...type('  '), ctrlC]);
    expect(empty.journal).toEqual([]);
    expect(empty.end).toMatchObject({ kind: 'interrupted', reason: 'sigint' });
    expect(empty.end).not.toHaveProperty('unfinishedNote');
    // A note cancelled with Esc is gone on purpose.
    expect((await call([k('n'), ...type('x'), k('\u001b', 'escape'), ctrlC])).journal).toEqual([]);
  });

  it('goes back, an unchanged answer is no amend, and takes an interrupt', async () => {
    const { journal, end } = await call([ENTER, k('b'), ENTER, k('!')]);
    const types = journal.flat().map((e) => e.type);
    expect(types).toContain('back');
    expect(types).not.toContain('amend');
    expect(types.filter((t) => t === 'answer')).toHaveLength(2);
    expect(types).toContain('interrupt');
    expect(end.state.outcome).toBe('intake/danger');
  });

  it('stops when the journal cannot be written, before the next screen', async () => {
    const io = fakeIO([ENTER, ENTER]);
    const run = runInteractiveCall({
      library,
      state: start(),
      lang: 'en',
      io,
      journal: {
        record: () => {
          throw new Error('disk full');
        },
      },
      clock: { now: () => 0 },
      tickMs: 0,
    });
    await expect(run).rejects.toThrow('disk full');
    expect(io.screens).toHaveLength(1);
  });

  it('ends as interrupted when the signal aborts (SIGHUP)', async () => {
    const controller = new AbortController();
    const io = fakeIO([]);
    io.nextKey = () =>
      controller.signal.aborted
        ? Promise.reject(new Error('aborted'))
        : new Promise((_resolve, reject) => controller.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    const run = runInteractiveCall({ library, state: start(), lang: 'uk', io, journal: { record: () => {} }, clock: { now: () => 0 }, signal: controller.signal, tickMs: 0 });
    setTimeout(() => controller.abort('sighup'), 20);
    await expect(run).resolves.toMatchObject({ kind: 'interrupted', reason: 'sighup', at: 'intake/greet' });
    expect(io.screens[0]).toContain('Скажіть:');
  });

  it('a signal (SIGHUP, SIGTERM) or a vanished terminal while a note is typed: the note is recorded first', async () => {
    for (const reason of ['sighup', 'sigterm', 'gone'] as const) {
      const controller = new AbortController();
      const keys = [k('n'), ...type('дзвонить')];
      const io = fakeIO([]);
      io.nextKey = () => {
        const next = keys.shift();
        if (next) return Promise.resolve(next);
        if (reason === 'gone') return Promise.reject(new TerminalGone());
        setTimeout(() => controller.abort(reason), 5);
        return new Promise((_resolve, reject) => controller.signal.addEventListener('abort', () => reject(new Error('aborted'))));
      };
      const journal: EngineEvent[][] = [];
      const end = await runInteractiveCall({ library, state: start(), lang: 'uk', io, journal: { record: (events) => void journal.push([...events]) }, clock: { now: () => 0 }, signal: controller.signal, tickMs: 0 });
      expect(journal, reason).toEqual([[{ type: 'note', step: 'intake/greet', text: 'дзвонить', unfinished: true }]]);
      expect(end, reason).toMatchObject({ kind: 'interrupted', reason: reason === 'gone' ? 'sighup' : reason, unfinishedNote: true });
    }
  });

  it('shows the warnings from before the call until the first key, whatever the key', async () => {
    const io = fakeIO([k('?'), ENTER, k('q'), k('y')]);
    await runInteractiveCall({ library, state: start(), lang: 'en', io, journal: { record: () => {} }, clock: { now: () => 0 }, tickMs: 0, notices: ['the data dir can be reached'] });
    expect(io.screens[0]).toContain('⚠ the data dir can be reached');
    expect(io.screens.slice(1).some((screen) => screen.includes('⚠'))).toBe(false);
    expect(io.screens[1]).toContain('Speak slowly and calmly.');
  });
});
