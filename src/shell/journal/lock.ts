/**
 * One recording process per journal file: `<file>.lock` holds the owner's pid (and, on Linux,
 * the boot id), created with O_EXCL. A lock whose process is dead, or that was left before a
 * reboot, is stale (a crash, a power cut) and is taken over, under a takeover guard so that
 * two processes taking over at once cannot both win.
 */
import type * as NodeFs from 'node:fs';
import { FILE_MODE } from './files.js';
import { JournalLockedError } from './errors.js';

type Fs = Pick<typeof NodeFs, 'openSync' | 'writeSync' | 'closeSync' | 'readFileSync' | 'unlinkSync' | 'statSync' | 'linkSync'>;

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
      // The pid is written to a private file first and then linked into place (link fails if the
      // lock exists), so the lock never exists without its owner: a kill between creating and
      // writing it cannot leave an empty lock that blocks the next call.
      const pending = `${lockFile}.${process.pid}`;
      const fd = fs.openSync(pending, 'w', FILE_MODE);
      try {
        fs.writeSync(fd, `${process.pid}\n${bootId(fs) ?? ''}\n`);
      } finally {
        fs.closeSync(fd);
      }
      try {
        fs.linkSync(pending, lockFile);
      } finally {
        fs.unlinkSync(pending);
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
    // No pid: a lock left by an older version between creating and writing it. Only an old one is stale.
    if (owner.pid === undefined && Date.now() - fs.statSync(lockFile).mtimeMs < 5000) throw new JournalLockedError(file, undefined);
    removeStale(fs, lockFile, owner);
  }
  throw new JournalLockedError(file, undefined);
}

/**
 * Removes a stale lock under a takeover guard (`<lock>.takeover`, O_EXCL), and only if it is
 * still the stale lock that was seen: two processes taking over at once cannot both win.
 */
function removeStale(fs: Fs, lockFile: string, seen: Owner): void {
  const guard = `${lockFile}.takeover`;
  let fd: number;
  try {
    fd = fs.openSync(guard, 'wx', FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process is taking over right now; a guard left by a crash is old and goes.
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > 10_000) fs.unlinkSync(guard);
    } catch {
      // Gone already.
    }
    return;
  }
  try {
    fs.closeSync(fd);
    const now = ownerOf(fs, lockFile);
    if (now.pid === seen.pid && now.boot === seen.boot) fs.unlinkSync(lockFile);
  } catch {
    // The lock vanished meanwhile: the next attempt takes it.
  } finally {
    try {
      fs.unlinkSync(guard);
    } catch {
      // Nothing to clean.
    }
  }
}
