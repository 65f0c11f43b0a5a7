import { describe, expect, it } from 'vitest';
import type { JournalEvent, JournalLine } from '../../src/core/record/journal-line.js';
import { groupSessions } from '../../src/core/record/group-sessions.js';
import { formatDuration, transcript } from '../../src/shell/journal/transcript.js';

function session(...events: JournalEvent[]) {
  const lines = events.map((event, seq) => ({ v: 1, session: '20261129-1302-k3f9', seq, at: '2026-11-29T13:02:00.000Z', ms: seq * 15_000, ...event, prev: '0'.repeat(64) }) as JournalLine);
  return groupSessions(lines)[0]!;
}

const start: JournalEvent = { type: 'session-start', sop: 'intake', version: '2.1.0', files: [], operator: 'olena', lang: 'en', tool: '0.1.0', mode: 'training', scenario: 'intake-basic', trainee: 'marta' };

describe('transcript', () => {
  it('shows ids when the SOP is not at hand, an interruption and the resume after it', () => {
    const text = transcript(
      session(
        start,
        { type: 'step-shown', step: 'intake/where', kind: 'ask' },
        { type: 'answer', step: 'intake/where', answer: { kind: 'option', option: 'home' }, value: 'home', sensitive: false },
        { type: 'step-shown', step: 'intake/age', kind: 'input' },
        { type: 'interrupted', reason: 'sighup', step: 'intake/age' },
        { type: 'answer', step: 'intake/age', answer: { kind: 'value', raw: '[redacted]' }, value: '[redacted]', sensitive: true },
        { type: 'interrupt', key: '!', from: 'intake/signs', to: 'intake/danger' },
      ),
      undefined,
      'en',
    );
    expect(text).toContain('Session 20261129-1302-k3f9 — training');
    expect(text).toContain('Scenario:  intake-basic   trainee: marta');
    expect(text).toContain('Status:    open: the recording stopped without an end (crash?); can be resumed');
    expect(text.split('\n').slice(6)).toEqual([
      '   0:15  ▸ [intake/where]',
      '   0:30    → home',
      '   0:45  ▸ [intake/age]',
      '   1:00  ⏸ interrupted (sighup) at intake/age',
      '   1:15  ▶ resumed',
      '   1:15    → [redacted]',
      '   1:30    ⚡ interrupt "!": intake/signs → intake/danger',
      '',
    ]);
  });

  it('speaks Ukrainian', () => {
    const text = transcript(session(start, { type: 'interrupted', reason: 'quit', step: 'intake/where' }), undefined, 'uk');
    expect(text).toContain('Сесія 20261129-1302-k3f9 — тренування');
    expect(text).toContain('перервано (можна продовжити)');
  });

  it('marks a note that was still being typed when the call was interrupted', () => {
    const events: JournalEvent[] = [
      start,
      { type: 'note', step: 'intake/where', text: '[redacted]' },
      { type: 'note', step: 'intake/where', text: '[redacted]', unfinished: true },
      { type: 'interrupted', reason: 'sigint', step: 'intake/where' },
    ];
    expect(transcript(session(...events), undefined, 'en').split('\n').slice(6, 9)).toEqual([
      '   0:15    ✉ note: [redacted]',
      '   0:30    ✉ note (unfinished): [redacted]',
      '   0:45  ⏸ interrupted (sigint) at intake/where',
    ]);
    expect(transcript(session(...events), undefined, 'uk')).toContain('✉ нотатка (незавершена): [redacted]');
  });

  it('formats durations', () => {
    expect([formatDuration(0), formatDuration(59_499), formatDuration(61_000), formatDuration(3_725_000)]).toEqual(['0:00', '0:59', '1:01', '1:02:05']);
  });
});
