/** Two takers of one stale lock: the one that is overtaken must not remove the winner's lock. */
import * as nodeFs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalLockedError } from '../../src/shell/journal/errors.js';
import { acquireLock } from '../../src/shell/journal/lock.js';
import { tempDir } from './helpers.js';

describe('taking over a stale lock', () => {
  it('lets only one of two racing takers win', () => {
    const file = join(tempDir(), '2026-11.jsonl');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    nodeFs.writeFileSync(`${file}.lock`, `${dead}\n`);
    let releaseFirst: (() => void) | undefined;
    let interleaved = false;
    // The second taker reads the stale owner; just then, the first taker takes the lock over.
    const racing = {
      ...nodeFs,
      readFileSync: ((path: string, encoding: BufferEncoding) => {
        const content = nodeFs.readFileSync(path, encoding);
        if (!interleaved && path === `${file}.lock`) {
          interleaved = true;
          releaseFirst = acquireLock(nodeFs, file);
        }
        return content;
      }) as typeof nodeFs.readFileSync,
    };
    expect(() => acquireLock(racing, file)).toThrow(JournalLockedError);
    expect(interleaved).toBe(true);
    // The winner still holds its lock.
    expect(nodeFs.readFileSync(`${file}.lock`, 'utf8').split('\n')[0]).toBe(String(process.pid));
    expect(nodeFs.existsSync(`${file}.lock.takeover`)).toBe(false);
    releaseFirst!();
    expect(nodeFs.existsSync(`${file}.lock`)).toBe(false);
  });

  /** A journal file whose lock names a dead process, with a takeover guard `ageMs` old beside it. */
  function staleLockWithGuard(ageMs: number): string {
    const file = join(tempDir(), '2026-11.jsonl');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    nodeFs.writeFileSync(`${file}.lock`, `${dead}\n`);
    nodeFs.writeFileSync(`${file}.lock.takeover`, '');
    const mtime = new Date(Date.now() - ageMs);
    nodeFs.utimesSync(`${file}.lock.takeover`, mtime, mtime);
    return file;
  }

  it('clears a takeover guard left by a crash, and takes the lock', () => {
    const file = staleLockWithGuard(60_000);
    const release = acquireLock(nodeFs, file);
    expect(nodeFs.readFileSync(`${file}.lock`, 'utf8').split('\n')[0]).toBe(String(process.pid));
    expect(nodeFs.existsSync(`${file}.lock.takeover`)).toBe(false);
    release();
    expect(nodeFs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('leaves a fresh takeover guard alone: another process may be taking over right now', () => {
    const file = staleLockWithGuard(0);
    const dead = nodeFs.readFileSync(`${file}.lock`, 'utf8');
    expect(() => acquireLock(nodeFs, file)).toThrow(JournalLockedError);
    expect(nodeFs.existsSync(`${file}.lock.takeover`)).toBe(true);
    expect(nodeFs.readFileSync(`${file}.lock`, 'utf8')).toBe(dead);
  });
});
