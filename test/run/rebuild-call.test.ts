import { describe, expect, it } from 'vitest';
import { currentStep } from '../../src/core/engine/current-step.js';
import { drive } from '../../src/core/engine/drive.js';
import { scriptedAnswer } from '../../src/core/engine/answer-from-scripted.js';
import type { EngineEvent } from '../../src/core/engine/types.js';
import type { RecordedEvent } from '../../src/core/record/commands-from-events.js';
import { protect } from '../../src/shell/journal/protect.js';
import { catchUp } from '../../src/core/record/catch-up.js';
import { commandsFromEvents } from '../../src/core/record/commands-from-events.js';
import { feedRecording } from '../../src/core/record/feed-recording.js';
import { rebuildCall } from '../../src/core/record/rebuild-call.js';
import { runInteractiveCall } from '../../src/shell/tui/run-interactive-call.js';
import { ENTER, fakeIO, key, typed } from './fake-io.js';
import { fixtureLibrary } from './fixture-library.js';

const library = fixtureLibrary();

/** The events of a call answered from `answers` up to the first step without one. */
function recorded(answers: Record<string, unknown>): EngineEvent[] {
  return [
    ...drive(library, 'intake', (view) => {
      const value = answers[view.current.qualified];
      if (value === undefined) return undefined;
      const scripted = scriptedAnswer(view.current.step, value);
      return scripted.ok ? { type: 'answer', answer: scripted.answer } : undefined;
    }).events,
  ];
}

/** As the journal keeps them: sensitive answers and notes redacted. */
const onDisk = (events: readonly EngineEvent[]): RecordedEvent[] => events.map((e) => protect(e) as RecordedEvent);

describe('rebuildCall', () => {
  it('rebuilds the state from the recorded commands', () => {
    const events = recorded({ 'intake/greet': null, 'intake/safe': 'yes' });
    const rebuilt = rebuildCall(library, 'intake', onDisk(events));
    expect(rebuilt).toMatchObject({ ok: true, state: { path: ['intake/greet', 'intake/safe', 'intake/age'] } });
    expect(rebuilt.ok && rebuilt.askAgain).toBeFalsy();
  });

  it('stops at a redacted sensitive answer: that step is asked again', () => {
    const events = recorded({ 'intake/greet': null, 'intake/safe': 'yes', 'intake/age': 33, 'intake/signs': ['unpaid'] });
    const rebuilt = rebuildCall(library, 'intake', onDisk(events));
    expect(rebuilt.ok).toBe(true);
    if (!rebuilt.ok) return;
    expect(rebuilt.askAgain).toBe('intake/age');
    expect(rebuilt.state.frames.at(-1)).toMatchObject({ sop: 'intake', step: 'age' });
  });

  it('skips redacted notes (they do not move the call) and keeps back and amend', () => {
    const events: EngineEvent[] = [
      ...recorded({ 'intake/greet': null }),
      { type: 'note', step: 'intake/safe', text: 'private' },
      { type: 'back', from: 'intake/safe', to: 'intake/greet' },
    ];
    const rebuilt = rebuildCall(library, 'intake', onDisk(events));
    expect(rebuilt).toMatchObject({ ok: true, state: { frames: [{ sop: 'intake', step: 'greet' }] } });
  });

  it('reports a journal that does not fit the SOP', () => {
    const events: EngineEvent[] = [
      ...recorded({ 'intake/greet': null }),
      { type: 'answer', step: 'intake/safe', answer: { kind: 'option', option: 'perhaps' }, value: 'perhaps', sensitive: false },
    ];
    expect(rebuildCall(library, 'intake', onDisk(events))).toMatchObject({ ok: false, step: 'intake/safe', refusal: { code: 'unknown-option' } });
  });

  it('refuses a journal whose next command was recorded at another step than the call is at', () => {
    const events: EngineEvent[] = [
      ...recorded({ 'intake/greet': null }),
      { type: 'answer', step: 'intake/age', answer: { kind: 'value', raw: '30' }, value: 30, sensitive: false },
    ];
    const rebuilt = rebuildCall(library, 'intake', onDisk(events));
    expect(rebuilt).toMatchObject({ ok: false, step: 'intake/age', refusal: { code: 'recording-elsewhere' } });
    expect(!rebuilt.ok && rebuilt.refusal.message.en).toBe('the call is at intake/safe, the journal recorded the next command at intake/age');
  });

  it('refuses a journal with commands after the call ended', () => {
    const ended = recorded({ 'intake/greet': null, 'intake/safe': 'no' });
    expect(ended.at(-1)).toMatchObject({ type: 'call-ended' });
    const events: EngineEvent[] = [...ended, { type: 'interrupt', key: '!', from: 'intake/safe', to: 'emergency/start' }];
    expect(rebuildCall(library, 'intake', onDisk(events))).toMatchObject({ ok: false, refusal: { code: 'recording-ended' } });
  });
});

describe('feedRecording (the one loop resume, replay and replay --check rebuild calls with)', () => {
  it('says where it stopped and which answer it took last, with where that answer\'s events start', () => {
    const events = onDisk(recorded({ 'intake/greet': null, 'intake/safe': 'yes', 'intake/age': 33, 'intake/signs': ['unpaid'] }));
    const commands = commandsFromEvents(events);
    const fed = feedRecording(library, 'intake', commands);
    expect(fed.stop).toMatchObject({ kind: 'redacted', index: 2, recorded: { step: 'intake/age' } });
    expect(fed.lastAnswer).toMatchObject({ ordinal: 1, recorded: { step: 'intake/safe' } });
    expect(fed.events[fed.lastAnswer!.eventsFrom]).toMatchObject({ type: 'answer', step: 'intake/safe' });
    const whole = feedRecording(library, 'intake', commands.slice(0, 2));
    expect(whole.stop).toEqual({ kind: 'all-fed' });
    expect(currentStep(library, whole.state)?.qualified).toBe('intake/age');
  });
});

describe('catchUp (resume after a protected answer)', () => {
  async function resume(events: readonly EngineEvent[], keys: ReturnType<typeof typed>) {
    const rebuilt = rebuildCall(library, 'intake', onDisk(events));
    if (!rebuilt.ok || !rebuilt.askAgain) throw new Error('expected a stop at a protected answer');
    const io = fakeIO(keys);
    const recorded: EngineEvent[] = [];
    const end = await runInteractiveCall({
      library,
      state: rebuilt.state,
      lang: 'en',
      io,
      journal: { record: (e) => void recorded.push(...e) },
      clock: { now: () => 0 },
      tickMs: 0,
      hooks: { autoCommand: catchUp(rebuilt.askAgain, rebuilt.pending ?? [], (state) => currentStep(library, state)?.qualified) },
    });
    return { end, io, recorded };
  }

  it('asks the protected step again, then re-applies the rest of the recording and waits where the call stopped', async () => {
    const events = recorded({ 'intake/greet': null, 'intake/safe': 'yes', 'intake/age': 33, 'intake/signs': ['unpaid'] });
    const { end, io, recorded: after } = await resume(events, [...typed('33'), ENTER, ENTER]);
    expect(end.state.outcome).toBe('intake/done');
    // The checklist was filled in from the recording, never shown for keys.
    expect(io.screens.some((s) => s.includes('Which signs are present?'))).toBe(false);
    expect(after.filter((e) => e.type === 'answer').map((e) => (e as { step: string }).step)).toEqual(['intake/age', 'intake/signs', 'referral/offer']);
    expect(after.find((e) => e.type === 'answer' && e.step === 'intake/signs')).toMatchObject({ value: ['unpaid'] });
  });

  it('stops re-applying once the call takes another way, and the counsellor goes on live', async () => {
    const events = recorded({ 'intake/greet': null, 'intake/safe': 'yes', 'intake/age': 33, 'intake/signs': ['unpaid'] });
    // At the re-asked age the counsellor goes back instead: the recording no longer fits.
    const keys = [key('\u001b', 'escape'), key('b'), ENTER, ...typed('40'), ENTER, ENTER, ENTER];
    const { end, io, recorded: after } = await resume(events, keys);
    expect(end.state.outcome).toBe('intake/done');
    expect(io.screens.some((s) => s.includes('Which signs are present?'))).toBe(true);
    expect(after.find((e) => e.type === 'answer' && e.step === 'intake/signs')).toMatchObject({ value: [] });
  });
});
