import { appendFileSync, existsSync, fsyncSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, writeSync as realWriteSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_PREV } from '../../src/core/record/journal-line.js';
import { JournalLockedError, JournalWriteError } from '../../src/shell/journal/errors.js';
import { lineHash } from '../../src/shell/journal/hash.js';
import { readJournalFile } from '../../src/shell/journal/reader.js';
import { verifyJournalFile } from '../../src/shell/journal/verify.js';
import { openSessionWriterFor } from '../../src/shell/journal/writer.js';
import { clock, startPayload, tempDir, writerFor } from './helpers.js';

function fileLines(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

describe('openSessionWriter', () => {
  it('writes the month file of the session start with 0600 and its dirs with 0700', async () => {
    const dataDir = join(tempDir(), 'data');
    const writer = await writerFor(dataDir);
    writer.append('session-start', startPayload());
    writer.close();
    expect(writer.file).toBe(join(dataDir, 'journal', 'calls', '2026-11.jsonl'));
    expect(statSync(writer.file).mode & 0o777).toBe(0o600);
    for (const dir of [dataDir, join(dataDir, 'journal'), join(dataDir, 'journal', 'calls')]) {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    }
    expect(writer.sessionId).toMatch(/^20261129-1302-[0-9a-z]{4}$/);
  });

  it('fsyncs the folder when it creates the month file, and not afterwards', async () => {
    const dataDir = tempDir();
    const synced: string[] = [];
    const opened = new Map<number, string>();
    const fs = {
      openSync: ((path: string, flags: never, mode?: number) => {
        const fd = openSync(path, flags, mode);
        opened.set(fd, path);
        return fd;
      }) as never,
      fsyncSync: ((fd: number) => {
        synced.push(opened.get(fd) ?? '?');
        fsyncSync(fd);
      }) as never,
    };
    const calls = join(dataDir, 'journal', 'calls');
    const first = await writerFor(dataDir, 'live', { fs });
    first.close();
    expect(synced).toEqual(expect.arrayContaining([calls, join(dataDir, 'journal')]));
    synced.length = 0;
    const second = await writerFor(dataDir, 'live', { fs });
    second.append('session-start', startPayload());
    second.close();
    expect(synced).toEqual([second.file]);
  });

  it('puts training sessions in journal/training', async () => {
    const dataDir = tempDir();
    const writer = await writerFor(dataDir, 'training');
    writer.close();
    expect(writer.file).toBe(join(dataDir, 'journal', 'training', '2026-11.jsonl'));
  });

  it('makes each line durable before append returns, with the envelope and prev last', async () => {
    const dataDir = tempDir();
    const writer = await writerFor(dataDir);
    const first = writer.append('session-start', startPayload());
    expect(fileLines(writer.file)).toHaveLength(1);
    writer.append('step-shown', { step: 'job-offer-check/greet', kind: 'say' });
    const lines = fileLines(writer.file);
    expect(lines).toHaveLength(2);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(Object.keys(parsed[1]!)).toEqual(['v', 'session', 'seq', 'at', 'ms', 'type', 'step', 'kind', 'prev']);
    expect(parsed[0]).toMatchObject({ v: 1, session: writer.sessionId, seq: 0, type: 'session-start', prev: NO_PREV });
    expect(parsed[1]).toMatchObject({ seq: 1, prev: lineHash(lines[0]!) });
    expect(first).toEqual(parsed[0]);
    writer.close();
  });

  it('chains lines across sessions in one file', async () => {
    const dataDir = tempDir();
    for (let i = 0; i < 3; i++) {
      const writer = await writerFor(dataDir);
      writer.append('session-start', startPayload());
      writer.append('session-end', { outcome: 'job-offer-check/informed', referrals: [], durationMs: 1000 });
      writer.close();
    }
    const file = join(dataDir, 'journal', 'calls', '2026-11.jsonl');
    const lines = fileLines(file);
    expect(lines).toHaveLength(6);
    lines.forEach((line, i) => {
      const prev = (JSON.parse(line) as { prev: string }).prev;
      expect(prev).toBe(i === 0 ? NO_PREV : lineHash(lines[i - 1]!));
    });
  });

  it('redacts sensitive answers and amendments, and every note', async () => {
    const dataDir = tempDir();
    const writer = await writerFor(dataDir);
    writer.append('answer', { step: 's/age', answer: { kind: 'value', raw: '17' }, value: 17, sensitive: true });
    writer.append('answer', { step: 's/where', answer: { kind: 'option', option: 'abroad' }, value: 'abroad', sensitive: false });
    writer.append('amend', {
      step: 's/who',
      answer: { kind: 'checked', options: ['a', 'b'] },
      value: ['a', 'b'],
      sensitive: true,
      original: { step: 's/who', answer: { kind: 'checked', options: ['a'] }, value: ['a'], sensitive: true },
    });
    writer.append('note', { step: 's/where', text: 'caller named Ivan Petrenko' });
    writer.close();
    const text = readFileSync(writer.file, 'utf8');
    expect(text).not.toContain('Ivan');
    expect(text).not.toMatch(/"17"|:17[,}]|"a"|"b"/);
    const [age, where, who, note] = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(age).toMatchObject({ answer: { kind: 'value', raw: '[redacted]' }, value: '[redacted]', redacted: true });
    expect(where).toMatchObject({ answer: { option: 'abroad' }, value: 'abroad' });
    expect(where).not.toHaveProperty('redacted');
    expect(who).toMatchObject({
      answer: { kind: 'checked', options: ['[redacted]'] },
      value: '[redacted]',
      original: { value: '[redacted]', answer: { options: ['[redacted]'] } },
      redacted: true,
    });
    expect(note).toMatchObject({ text: '[redacted]', redacted: true });
    expect(Object.keys(note!).slice(-2)).toEqual(['redacted', 'prev']);
  });

  it('refuses a second writer on the same file while the first lives, and releases on close', async () => {
    const dataDir = tempDir();
    const first = await writerFor(dataDir);
    await expect(writerFor(dataDir)).rejects.toBeInstanceOf(JournalLockedError);
    await expect(writerFor(dataDir)).rejects.toThrow(/process \d+/);
    first.close();
    const second = await writerFor(dataDir);
    second.close();
    expect(existsSync(`${second.file}.lock`)).toBe(false);
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dataDir = tempDir();
    const probe = await writerFor(dataDir);
    probe.close();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(`${probe.file}.lock`, `${dead}\n`);
    const writer = await writerFor(dataDir);
    expect(readFileSync(`${probe.file}.lock`, 'utf8').split('\n')[0]).toBe(String(process.pid));
    writer.close();
  });

  it('takes over a lock left before a reboot, even if its pid is alive again', async () => {
    const dataDir = tempDir();
    const probe = await writerFor(dataDir);
    probe.close();
    writeFileSync(`${probe.file}.lock`, `${process.pid}\nsome-earlier-boot-id\n`);
    if (existsSync('/proc/sys/kernel/random/boot_id')) {
      const writer = await writerFor(dataDir);
      writer.close();
    } else {
      await expect(writerFor(dataDir)).rejects.toBeInstanceOf(JournalLockedError);
    }
  });

  it('repairs a torn tail: keeps the torn bytes aside and continues the chain', async () => {
    const dataDir = tempDir();
    const writer = await writerFor(dataDir);
    writer.append('session-start', startPayload());
    writer.close();
    const torn = '{"v":1,"session":"x","seq":1,"at":"2026-11-29T13:0';
    appendFileSync(writer.file, torn);
    const next = await writerFor(dataDir);
    next.append('session-start', startPayload());
    next.close();
    const lines = fileLines(writer.file);
    expect(lines).toHaveLength(2);
    expect((JSON.parse(lines[1]!) as { prev: string }).prev).toBe(lineHash(lines[0]!));
    const kept = readdirSync(join(dataDir, 'journal', 'calls')).filter((name) => name.includes('.torn-'));
    expect(kept).toHaveLength(1);
    const keptFile = join(dataDir, 'journal', 'calls', kept[0]!);
    expect(readFileSync(keptFile, 'utf8')).toBe(torn);
    expect(statSync(keptFile).mode & 0o777).toBe(0o600);
  });

  it('continues an interrupted session in its own file with seq and ms going on', async () => {
    const dataDir = tempDir();
    const writer = await openSessionWriterFor('none', { dataDir, mode: 'live', ...clock() }).catch((e: Error) => e);
    expect(writer).toBeInstanceOf(Error);
    const first = await writerFor(dataDir);
    first.append('session-start', startPayload());
    first.append('step-shown', { step: 's/greet', kind: 'say' });
    const last = first.append('interrupted', { reason: 'sigint', at: 's/greet' });
    first.close();
    // The step goes to `step`: every line's `at` is its time.
    expect(last).toMatchObject({ type: 'interrupted', reason: 'sigint', step: 's/greet', at: expect.stringMatching(/^2026-11-29T13:02:[0-9.]+Z$/) });
    // A month later, the session stays in its file.
    const resumed = await openSessionWriterFor(first.sessionId, { dataDir, mode: 'live', ...clock('2026-12-03T09:00:00.000Z') });
    expect(resumed.file).toBe(first.file);
    expect(resumed.sessionId).toBe(first.sessionId);
    const line = resumed.append('step-shown', { step: 's/greet', kind: 'say' });
    expect(line.seq).toBe(3);
    expect(line.ms).toBeGreaterThan(last.ms);
    resumed.append('session-end', { outcome: 's/done', referrals: [], durationMs: line.ms });
    resumed.close();
    await expect(openSessionWriterFor(first.sessionId, { dataDir, mode: 'live', ...clock() })).rejects.toThrow(/completed/);
  });

  it('reports a full disk as JournalWriteError, writes nothing partial, and can retry', async () => {
    const dataDir = tempDir();
    let full = false;
    const writer = await writerFor(dataDir, 'live', {
      fs: {
        writeSync: ((fd: number, buffer: Buffer, offset: number, length: number) => {
          if (full) {
            // Half the line reaches the disk, then the disk is full.
            realWriteSync(fd, buffer, offset, Math.floor(length / 2));
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          }
          return realWriteSync(fd, buffer, offset, length);
        }) as never,
      },
    });
    writer.append('session-start', startPayload());
    full = true;
    const error = (() => {
      try {
        writer.append('step-shown', { step: 's/greet', kind: 'say' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(JournalWriteError);
    expect((error as JournalWriteError).code).toBe('ENOSPC');
    expect((error as Error).message).toMatch(/disk is full.*paper/s);
    expect((error as Error).message).toMatch(/папері/);
    expect(readJournalFile(writer.file).lines).toHaveLength(1);
    full = false;
    const line = writer.append('step-shown', { step: 's/greet', kind: 'say' });
    expect(line.seq).toBe(1);
    writer.close();
    const lines = fileLines(writer.file);
    expect(lines).toHaveLength(2);
  });

  it('records the events of one command with one write and one fsync, all or none', async () => {
    const dataDir = tempDir();
    let fsyncs = 0;
    let writes = 0;
    let fail = false;
    const writer = await writerFor(dataDir, 'live', {
      fs: {
        fsyncSync: ((fd: number) => {
          fsyncs++;
          fsyncSync(fd);
        }) as never,
        writeSync: ((fd: number, buffer: Buffer | string, offset?: number, length?: number) => {
          if (typeof buffer === 'string') return realWriteSync(fd, buffer, offset); // the head file
          writes++;
          if (fail) {
            realWriteSync(fd, buffer, offset!, Math.floor(length! / 3));
            throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
          }
          return realWriteSync(fd, buffer, offset, length);
        }) as never,
      },
    });
    writer.append('session-start', startPayload());
    [fsyncs, writes] = [0, 0];
    const events = [
      { type: 'answer', step: 's/a', answer: { kind: 'continue' }, value: null, sensitive: false },
      { type: 'step-shown', step: 's/b', kind: 'ask' },
    ] as const;
    const lines = writer.appendEvents(events);
    expect(lines.map((l) => l.seq)).toEqual([1, 2]);
    expect([writes, fsyncs]).toEqual([1, 1]);
    expect(readJournalFile(writer.file).lines).toHaveLength(3);
    fail = true;
    expect(() => writer.appendEvents(events)).toThrow(JournalWriteError);
    expect(readFileSync(writer.file, 'utf8').endsWith('\n')).toBe(true);
    expect(readJournalFile(writer.file)).toEqual({ lines: expect.any(Array), notices: [] });
    expect(readJournalFile(writer.file).lines).toHaveLength(3);
    fail = false;
    expect(writer.appendEvents(events).map((l) => l.seq)).toEqual([3, 4]);
    writer.close();
    expect(fileLines(writer.file)).toHaveLength(5);
    expect(verifyJournalFile(writer.file, 'en').breaks).toEqual([]);
  });

  it('reports an unwritable data dir as JournalWriteError', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'file'), '');
    await expect(writerFor(join(base, 'file', 'data'))).rejects.toBeInstanceOf(JournalWriteError);
  });

  it('reports a read-only file system as JournalWriteError at open', async () => {
    const dataDir = tempDir();
    const erofs = () => {
      throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    };
    await expect(writerFor(dataDir, 'live', { fs: { mkdirSync: erofs as never } })).rejects.toThrow(/read-only/);
  });
});
