import { describe, expect, it } from 'vitest';
import { drive, scriptedAnswer } from '../../src/core/engine/index.js';
import type { EngineEvent } from '../../src/core/engine/types.js';
import type { RecordedEvent } from '../../src/core/record/index.js';
import { protect } from '../../src/shell/journal/index.js';
import { rebuildCall } from '../../src/shell/tui/rebuild-call.js';
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
});
