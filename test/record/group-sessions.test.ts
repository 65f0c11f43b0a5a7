import { describe, expect, it } from 'vitest';
import type { JournalEvent, JournalLine } from '../../src/core/record/journal-line.js';
import { findSession } from '../../src/core/record/find-session.js';
import { groupSessions } from '../../src/core/record/group-sessions.js';
import { summarise } from '../../src/core/record/summarise.js';

const start = (sop = 'intake'): JournalEvent => ({
  type: 'session-start',
  sop,
  version: '1.0.0',
  files: [],
  operator: 'olena',
  lang: 'uk',
  tool: '0.1.0',
  mode: 'live',
});

/** Lines of sessions, interleaved as given: [sessionId, event] pairs, seq counted per session. */
function lines(...entries: [string, JournalEvent][]): JournalLine[] {
  const seqs = new Map<string, number>();
  return entries.map(([session, event], i) => {
    const seq = seqs.get(session) ?? 0;
    seqs.set(session, seq + 1);
    const day = session.slice(6, 8);
    return { v: 1, session, seq, at: `2026-11-${day}T10:00:${String(i).padStart(2, '0')}.000Z`, ms: seq * 1000, ...event, prev: '0'.repeat(64) } as JournalLine;
  });
}

const shown = (step: string): JournalEvent => ({ type: 'step-shown', step, kind: 'say' });
const ended: JournalEvent = { type: 'session-end', outcome: 'intake/referred', referrals: ['la-strada'], durationMs: 90_000 };
const interrupted = (step: string): JournalEvent => ({ type: 'interrupted', reason: 'sighup', step });

describe('groupSessions', () => {
  it('groups interleaved lines by session, ordered by start, with the status of each', () => {
    const all = lines(
      ['20261129-1000-bbbb', start()],
      ['20261128-1000-aaaa', start('other')],
      ['20261129-1000-bbbb', shown('intake/greet')],
      ['20261128-1000-aaaa', shown('other/a')],
      ['20261129-1000-bbbb', ended],
      ['20261128-1000-aaaa', interrupted('other/a')],
      ['20261130-1000-cccc', start()],
      ['20261130-1000-cccc', shown('intake/greet')],
    );
    const sessions = groupSessions(all);
    expect(sessions.map((s) => [s.id, s.status])).toEqual([
      ['20261128-1000-aaaa', 'interrupted'],
      ['20261129-1000-bbbb', 'completed'],
      ['20261130-1000-cccc', 'open'],
    ]);
    expect(sessions[0]!.interrupted).toMatchObject({ reason: 'sighup', step: 'other/a' });
    expect(sessions[0]!.events.map((e) => e.type)).toEqual(['step-shown']);
    expect(sessions[1]!.end).toMatchObject({ durationMs: 90_000 });
    expect(sessions[1]!.lines).toHaveLength(3);
  });

  it('a resumed session is open again after its interruption, and completed once it ends', () => {
    const resumed = lines(['20261129-1000-aaaa', start()], ['20261129-1000-aaaa', interrupted('intake/greet')], ['20261129-1000-aaaa', shown('intake/greet')]);
    const [open] = groupSessions(resumed);
    expect(open).toMatchObject({ status: 'open', interruptions: [expect.objectContaining({ type: 'interrupted' })] });
    expect(open!.interrupted).toBeUndefined();
    const [done] = groupSessions([...resumed, ...lines(['x', ended]).map((l) => ({ ...l, session: '20261129-1000-aaaa', seq: 3 }))]);
    expect(done!.status).toBe('completed');
  });

  it('puts lines in seq order and leaves out sessions without a start', () => {
    const all = lines(['20261129-1000-aaaa', start()], ['20261129-1000-aaaa', shown('intake/a')], ['20261129-1000-aaaa', shown('intake/b')], ['20261129-1000-zzzz', shown('intake/x')]);
    const orphans: string[] = [];
    const sessions = groupSessions([all[2]!, all[0]!, all[3]!, all[1]!], (id) => orphans.push(id));
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.lines.map((l) => l.seq)).toEqual([0, 1, 2]);
    expect(orphans).toEqual(['20261129-1000-zzzz']);
  });
});

describe('summarise', () => {
  it('counts what happened and says where an unfinished call stopped', () => {
    const [session] = groupSessions(
      lines(
        ['20261129-1000-aaaa', start()],
        ['20261129-1000-aaaa', shown('intake/greet')],
        ['20261129-1000-aaaa', { type: 'note', step: 'intake/greet', text: '[redacted]' }],
        ['20261129-1000-aaaa', shown('intake/where')],
      ),
    );
    expect(summarise(session!)).toEqual({
      id: '20261129-1000-aaaa',
      mode: 'live',
      sop: 'intake',
      version: '1.0.0',
      operator: 'olena',
      lang: 'uk',
      startedAt: session!.start.at,
      status: 'open',
      referrals: [],
      durationMs: 3000,
      lastStep: 'intake/where',
      steps: 2,
      amendments: 0,
      interrupts: 0,
      notes: 1,
    });
  });
});

describe('findSession', () => {
  const sessions = groupSessions(
    lines(['20261129-1302-k3f9', start()], ['20261129-1310-a1b2', start()], ['20261128-0900-k3fa', start()]),
  );
  it('finds by full id, unique prefix or the last four characters', () => {
    expect(findSession(sessions, '20261129-1302-k3f9')).toMatchObject({ kind: 'found', session: { id: '20261129-1302-k3f9' } });
    expect(findSession(sessions, '20261129-13')).toMatchObject({ kind: 'ambiguous' });
    expect(findSession(sessions, '20261129-131')).toMatchObject({ kind: 'found', session: { id: '20261129-1310-a1b2' } });
    expect(findSession(sessions, 'a1b2')).toMatchObject({ kind: 'found', session: { id: '20261129-1310-a1b2' } });
  });
  it('offers close matches for an unknown id', () => {
    const found = findSession(sessions, '20261129-1302-k3f8');
    expect(found.kind).toBe('unknown');
    if (found.kind === 'unknown') expect(found.close.map((s) => s.id)).toContain('20261129-1302-k3f9');
    expect(findSession(sessions, 'zzzz')).toEqual({ kind: 'unknown', close: [] });
  });
});
