/**
 * One recording process per journal file: `<file>.lock` holds the owner's pid (and, on Linux,
 * the boot id), created with O_EXCL. A lock whose process is dead, or that was left before a
 * reboot, is stale (a crash, a power cut) and is taken over. Two processes taking over the
 * same stale lock at the same instant is not guarded against.
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

/** This boot's id (Linux), so a lock left before a reboot is not taken for a live one. */
function bootId(fs: Fs): string | undefined {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

interface Owner {
  readonly pid?: number;
  readonly boot?: string;
}

/** The lock's content: `<pid>\n<boot id>\n` (the boot id only where the system has one). */
function ownerOf(fs: Fs, lockFile: string): Owner {
  const [pidText, boot] = fs.readFileSync(lockFile, 'utf8').split('\n');
  const pid = Number.parseInt(pidText ?? '', 10);
  return { ...(Number.isInteger(pid) && pid > 0 ? { pid } : {}), ...(boot ? { boot: boot.trim() } : {}) };
}

/** A lock is held while its process lives, in this boot: after a power cut its pid may be reused. */
function heldBy(fs: Fs, owner: Owner): boolean {
  if (owner.pid === undefined) return false;
  const boot = bootId(fs);
  if (owner.boot !== undefined && boot !== undefined && owner.boot !== boot) return false;
  return isAlive(owner.pid);
}

/** Takes the lock of `file` or throws JournalLockedError; returns the release function. */
export function acquireLock(fs: Fs, file: string): () => void {
  const lockFile = `${file}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx', FILE_MODE);
      try {
        fs.writeSync(fd, `${process.pid}\n${bootId(fs) ?? ''}\n`);
      } finally {
        fs.closeSync(fd);
      }
      return () => {
        try {
          if (ownerOf(fs, lockFile).pid === process.pid) fs.unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner: Owner;
    try {
      owner = ownerOf(fs, lockFile);
    } catch {
      continue; // vanished between open and read: try again
    }
    if (heldBy(fs, owner)) throw new JournalLockedError(file, owner.pid);
    // No pid yet: the owner may be between creating and writing it. Only an old one is stale.
    if (owner.pid === undefined && Date.now() - fs.statSync(lockFile).mtimeMs < 5000) throw new JournalLockedError(file, undefined);
    try {
      fs.unlinkSync(lockFile);
    } catch {
      // Someone else took it over first; the next attempt finds out.
    }
  }
  throw new JournalLockedError(file, undefined);
}
