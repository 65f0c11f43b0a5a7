/**
 * One recording process per journal file: `<file>.lock` holds the owner's pid, created with
 * O_EXCL. A lock whose process is dead is stale (a crash) and is taken over.
 */
import type * as NodeFs from 'node:fs';
import { FILE_MODE } from './files.js';
import { JournalLockedError } from './errors.js';

type Fs = Pick<typeof NodeFs, 'openSync' | 'writeSync' | 'closeSync' | 'readFileSync' | 'unlinkSync' | 'statSync'>;

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(fs: Fs, lockFile: string): number | undefined {
  const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Takes the lock of `file` or throws JournalLockedError; returns the release function. */
export function acquireLock(fs: Fs, file: string): () => void {
  const lockFile = `${file}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx', FILE_MODE);
      try {
        fs.writeSync(fd, `${process.pid}\n`);
      } finally {
        fs.closeSync(fd);
      }
      return () => {
        try {
          if (ownerOf(fs, lockFile) === process.pid) fs.unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let pid: number | undefined;
    try {
      pid = ownerOf(fs, lockFile);
    } catch {
      continue; // vanished between open and read: try again
    }
    if (pid !== undefined && isAlive(pid)) throw new JournalLockedError(file, pid);
    // No pid yet: the owner may be between creating and writing it. Only an old one is stale.
    if (pid === undefined && Date.now() - fs.statSync(lockFile).mtimeMs < 5000) throw new JournalLockedError(file, undefined);
    try {
      fs.unlinkSync(lockFile);
    } catch {
      // Someone else took it over first; the next attempt finds out.
    }
  }
  throw new JournalLockedError(file, undefined);
}
