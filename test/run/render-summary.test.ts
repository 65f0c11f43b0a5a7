import { describe, expect, it } from 'vitest';
import { drive } from '../../src/core/engine/drive.js';
import { scriptedAnswer } from '../../src/core/engine/answer-from-scripted.js';
import { renderSummary } from '../../src/shell/tui/render-summary.js';
import { fixtureLibrary } from './fixture-library.js';

const library = fixtureLibrary();
const answers: Record<string, unknown> = { 'intake/greet': null, 'intake/safe': 'yes', 'intake/age': 30, 'intake/signs': [], 'referral/offer': 'yes' };
const { state } = drive(library, 'intake', (view) => {
  const value = answers[view.current.qualified];
  const scripted = value === undefined && !(view.current.qualified in answers) ? undefined : scriptedAnswer(view.current.step, value);
  return scripted?.ok ? { type: 'answer', answer: scripted.answer } : undefined;
});
const info = { sessionId: '20261129-1302-k3f9', journalFile: '/data/journal/calls/2026-11.jsonl', durationMs: 185_000, color: false };

describe('renderSummary', () => {
  it('shows outcome, duration, referrals with numbers and hours first, the answers given, session and journal', () => {
    const text = renderSummary(state, library, 'en', info);
    expect(text).toContain('Call summary\nOutcome: Call completed (intake/done)\nDuration: 03:05');
    expect(text).toContain('  • 0 800 000 000  24/7  Test help line\n    UNVERIFIED (2026-01-01): Hours not confirmed.');
    // The answers, not the prompts alone; a say step has none.
    expect(text).toContain('Answers given:\n');
    expect(text).toMatch(/: Yes, safe\n/);
    expect(text).toContain("Caller's age: (sensitive, sealed)");
    expect(text).not.toContain('Greet the caller');
    expect(text.indexOf('Referrals:')).toBeLessThan(text.indexOf('Answers given:'));
    expect(text).toContain('Session: 20261129-1302-k3f9 · full path: sop log show 20261129-1302-k3f9\nJournal: /data/journal/calls/2026-11.jsonl');
    expect(text.split('\n').length).toBeLessThanOrEqual(20);
    expect(text.split('\n').every((l) => l.length <= 80)).toBe(true);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/\u001b/);
  });

  it('speaks Ukrainian, and an interrupted call says where it stopped and how to resume', () => {
    const text = renderSummary(state, library, 'uk', { ...info, interruptedAt: 'intake/age' });
    expect(text).toContain('Дзвінок перервано\nЗупинено на: intake/age');
    expect(text).toContain('Надані відповіді:');
    expect(text).not.toContain('Перенаправлення:');
    expect(text).toContain('Продовжити пізніше: sop resume 20261129-1302-k3f9');
    expect(text).not.toContain('Нотатку');
  });

  it('says that a note being typed when the call was interrupted was kept', () => {
    const text = renderSummary(state, library, 'en', { ...info, interruptedAt: 'intake/age', unfinishedNote: true });
    expect(text).toContain('Stopped at: intake/age\nThe note you were typing was kept in the journal, marked unfinished.');
    expect(renderSummary(state, library, 'uk', { ...info, interruptedAt: 'intake/age', unfinishedNote: true })).toContain(
      'Нотатку, яку ви вводили, збережено в журналі з позначкою «незавершена».',
    );
  });
});
