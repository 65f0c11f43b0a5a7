/**
 * Running, interrupted or crashed: an unfinished session is RUNNING only while the live process
 * that holds its journal file's lock names it (src/shell/journal/running.ts, through readJournal).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../src/shell/journal/reader.js';
import { openSessionWriterFor } from '../../src/shell/journal/writer.js';
import { clock, startPayload, tempDir, writerFor } from './helpers.js';

const hasProc = existsSync(`/proc/${process.pid}/stat`);
const bootId = existsSync('/proc/sys/kernel/random/boot_id') ? readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() : '';

/** A session left unfinished (no end): its writer closed, as after a crash (the lock removed). */
async function unfinished(dataDir: string, start: string, last?: 'interrupted'): Promise<{ id: string; file: string }> {
  const writer = await writerFor(dataDir, 'live', clock(start));
  writer.append('session-start', startPayload());
  writer.append('step-shown', { step: 'job-offer-check/greet', kind: 'say' });
  if (last === 'interrupted') writer.append('interrupted', { reason: 'quit', step: 'job-offer-check/greet' });
  writer.close();
  return { id: writer.sessionId, file: writer.file };
}

const statusOf = (dataDir: string): Record<string, string> =>
  Object.fromEntries(readJournal(dataDir, 'live').sessions.map((s) => [s.id, s.status]));

describe('which unfinished session is running', () => {
  it('is the one a live writer records, with its pid; once it is closed without an end, it is open (a crash)', async () => {
    const dataDir = tempDir();
    const writer = await writerFor(dataDir, 'live', clock('2026-11-29T10:00:00Z'));
    writer.append('session-start', startPayload());
    writer.append('step-shown', { step: 'job-offer-check/greet', kind: 'say' });
    const [session] = readJournal(dataDir, 'live').sessions;
    expect(session).toMatchObject({ id: writer.sessionId, status: 'running', recordedBy: process.pid });
    writer.close();
    expect(readJournal(dataDir, 'live').sessions[0]).toMatchObject({ status: 'open' });
    expect(readJournal(dataDir, 'live').sessions[0]).not.toHaveProperty('recordedBy');
  });

  it('is not an earlier crashed call of the same file while another call records there', async () => {
    const dataDir = tempDir();
    const crashed = await unfinished(dataDir, '2026-11-29T10:00:00Z');
    const quit = await unfinished(dataDir, '2026-11-29T10:30:00Z', 'interrupted');
    const writer = await writerFor(dataDir, 'live', clock('2026-11-29T11:00:00Z'));
    writer.append('session-start', startPayload());
    expect(statusOf(dataDir)).toEqual({ [crashed.id]: 'open', [quit.id]: 'interrupted', [writer.sessionId]: 'running' });
    writer.close();
  });

  it('is a resumed call from the moment it is continued, though its last line is still the old interruption', async () => {
    const dataDir = tempDir();
    const { id } = await unfinished(dataDir, '2026-11-29T10:00:00Z', 'interrupted');
    const writer = await openSessionWriterFor(id, { dataDir, mode: 'live', ...clock('2026-11-29T10:05:00Z') });
    const [session] = readJournal(dataDir, 'live').sessions;
    expect(session?.status).toBe('running');
    expect(session).not.toHaveProperty('interrupted');
    writer.close();
    expect(readJournal(dataDir, 'live').sessions[0]).toMatchObject({ status: 'interrupted', interrupted: { reason: 'quit' } });
  });

  it('is none when the lock is stale: a dead process, an earlier boot, or a pid now used by a later process', async () => {
    const dataDir = tempDir();
    const { id, file } = await unfinished(dataDir, '2026-11-29T10:00:00Z');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(`${file}.lock`, `${dead}\n${bootId}\nstart=\nsession=${id}\n`);
    expect(statusOf(dataDir)[id]).toBe('open');
    if (bootId) {
      writeFileSync(`${file}.lock`, `${process.pid}\nsome-earlier-boot-id\nstart=\nsession=${id}\n`);
      expect(statusOf(dataDir)[id]).toBe('open');
    }
    if (hasProc) {
      // This test's pid is alive, but it was not this process that wrote the lock: it started later.
      writeFileSync(`${file}.lock`, `${process.pid}\n${bootId}\nstart=1\nsession=${id}\n`);
      expect(statusOf(dataDir)[id]).toBe('open');
      // …and such a lock is taken over by the next writer rather than blocking the journal.
      const next = await writerFor(dataDir, 'live', clock('2026-11-29T10:10:00Z'));
      expect(readFileSync(`${file}.lock`, 'utf8')).toContain(`session=${next.sessionId}\n`);
      next.close();
    }
  });

  it('is none while a lock names no session (purge), and the last-written unfinished one under an older sop\'s lock', async () => {
    const dataDir = tempDir();
    const older = await unfinished(dataDir, '2026-11-29T10:00:00Z');
    const newer = await unfinished(dataDir, '2026-11-29T11:00:00Z', 'interrupted');
    writeFileSync(`${newer.file}.lock`, `${process.pid}\n${bootId}\nstart=\nsession=\n`);
    expect(statusOf(dataDir)).toEqual({ [older.id]: 'open', [newer.id]: 'interrupted' });
    // An older sop wrote only its pid and boot id.
    writeFileSync(`${newer.file}.lock`, `${process.pid}\n${bootId}\n`);
    expect(statusOf(dataDir)).toEqual({ [older.id]: 'open', [newer.id]: 'running' });
  });

  it('is never a completed call, even while its writer still holds the lock', async () => {
    const dataDir = tempDir();
    const writer = await writerFor(dataDir, 'live', clock('2026-11-29T10:00:00Z'));
    writer.append('session-start', startPayload());
    writer.append('session-end', { outcome: 'job-offer-check/informed', referrals: [], durationMs: 1000 });
    expect(statusOf(dataDir)[writer.sessionId]).toBe('completed');
    writer.close();
  });
});
