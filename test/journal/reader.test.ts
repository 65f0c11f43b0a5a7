import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal, readJournalFile } from '../../src/shell/journal/reader.js';
import { clock, startPayload, tempDir, writerFor } from './helpers.js';

async function session(dataDir: string, start: string, end = true, mode: 'live' | 'training' = 'live'): Promise<string> {
  const writer = await writerFor(dataDir, mode, clock(start));
  writer.append('session-start', startPayload({ mode }));
  writer.append('step-shown', { step: 'job-offer-check/greet', kind: 'say' });
  if (end) writer.append('session-end', { outcome: 'job-offer-check/informed', referrals: [], durationMs: 2000 });
  writer.close();
  return writer.sessionId;
}

describe('readJournalFile', () => {
  it('skips a torn last line with a notice naming file:line', async () => {
    const dataDir = tempDir();
    await session(dataDir, '2026-11-29T10:00:00Z');
    const file = join(dataDir, 'journal', 'calls', '2026-11.jsonl');
    appendFileSync(file, '{"v":1,"session":"2026');
    const { lines, notices } = readJournalFile(file);
    expect(lines).toHaveLength(3);
    expect(notices).toEqual([`${file}:4: the last line is torn (a write was cut short); skipped — sop repairs the file at the next recording`]);
  });

  it('reports a damaged middle line by number, in Ukrainian too, and reads the rest', async () => {
    const dataDir = tempDir();
    await session(dataDir, '2026-11-29T10:00:00Z');
    const file = join(dataDir, 'journal', 'calls', '2026-11.jsonl');
    const text = readFileSync(file, 'utf8').split('\n');
    text[1] = 'garbage';
    writeFileSync(file, text.join('\n'));
    const { lines, notices } = readJournalFile(file, { lang: 'uk' });
    expect(lines.map((l) => l.seq)).toEqual([0, 2]);
    expect(notices).toEqual([expect.stringMatching(new RegExp(`^${file}:2: пошкоджений рядок`))]);
  });

  it('does not take a JSON line of another shape for a journal line', async () => {
    const dataDir = tempDir();
    await session(dataDir, '2026-11-29T10:00:00Z');
    const file = join(dataDir, 'journal', 'calls', '2026-11.jsonl');
    appendFileSync(file, '{"hello":"world"}\n{"v":1}\n');
    const { lines, notices } = readJournalFile(file);
    expect(lines).toHaveLength(3);
    expect(notices).toHaveLength(2);
  });
});

describe('readJournal', () => {
  it('reads many sessions across month files, oldest first, each with its file', async () => {
    const dataDir = tempDir();
    const ids: string[] = [];
    for (const start of ['2026-12-01T08:00:00Z', '2026-10-31T23:00:00Z', '2026-11-05T12:00:00Z', '2026-11-05T12:30:00Z']) {
      ids.push(await session(dataDir, start, start !== '2026-11-05T12:30:00Z'));
    }
    await session(dataDir, '2026-11-06T10:00:00Z', true, 'training');
    const { sessions, notices } = readJournal(dataDir, 'live');
    expect(notices).toEqual([]);
    expect(sessions.map((s) => s.id)).toEqual([ids[1], ids[2], ids[3], ids[0]]);
    expect(sessions.map((s) => s.file.slice(-13))).toEqual(['2026-10.jsonl', '2026-11.jsonl', '2026-11.jsonl', '2026-12.jsonl']);
    expect(sessions.map((s) => s.status)).toEqual(['completed', 'completed', 'open', 'completed']);
    expect(readJournal(dataDir, 'training').sessions).toHaveLength(1);
  });

  it('has nothing, and no notices, when there is no journal yet', () => {
    expect(readJournal(join(tempDir(), 'none'), 'live')).toEqual({ sessions: [], notices: [] });
  });

  it('groups many sessions of one file, each complete', async () => {
    const dataDir = tempDir();
    for (let i = 0; i < 20; i++) {
      const w = await writerFor(dataDir, 'live', clock(`2026-11-${String(1 + i).padStart(2, '0')}T10:00:00Z`));
      w.append('session-start', startPayload());
      for (let s = 0; s < 8; s++) w.append('step-shown', { step: `job-offer-check/s${s}`, kind: 'say' });
      w.append('session-end', { outcome: 'job-offer-check/informed', referrals: [], durationMs: 1 });
      w.close();
    }
    const { sessions } = readJournal(dataDir, 'live');
    expect(sessions).toHaveLength(20);
    expect(new Set(sessions.map((s) => s.id)).size).toBe(20);
    expect(sessions.every((s) => s.lines.length === 10 && s.status === 'completed')).toBe(true);
  });
});
