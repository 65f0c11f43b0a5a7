/**
 * One recording process per journal file: `<file>.lock` names its owner — the pid, on Linux the
 * boot id and the process's start time, and the session it records — and is created by linking a
 * private file into place (link fails if the lock exists). A lock whose process is dead, or that
 * was left before a reboot, or whose pid now belongs to a later process, is stale (a crash, a
 * power cut) and is taken over, under a takeover guard so that two processes taking over at once
 * cannot both win. `lockHolder` tells readers who, if anyone, is recording a file right now.
 */
import type * as NodeFs from 'node:fs';
import { FILE_MODE } from './files.js';
import { JournalLockedError } from './errors.js';

type Fs = Pick<typeof NodeFs, 'openSync' | 'writeSync' | 'closeSync' | 'readFileSync' | 'unlinkSync' | 'statSync' | 'linkSync'>;
/** What reading a lock needs. */
type ReadFs = Pick<typeof NodeFs, 'readFileSync'>;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** This boot's id (Linux), so a lock left before a reboot is not taken for a live one. */
function bootId(fs: ReadFs): string | undefined {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** A process's start time since boot, in clock ticks (Linux: field 22 of /proc/<pid>/stat). */
function processStart(fs: ReadFs, pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return start !== undefined && /^\d+$/.test(start) ? start : undefined;
  } catch {
    return undefined;
  }
}

interface Owner {
  readonly pid?: number;
  readonly boot?: string;
  /** The owner's start time (processStart): with the pid and boot id, it names one process. */
  readonly start?: string;
  /** The session being recorded; undefined when none is (purge) or the lock does not say. */
  readonly session?: string;
  /** Written by an older sop, which named neither the start time nor the session. */
  readonly legacy: boolean;
}

/**
 * The lock's content: `<pid>\n<boot id>\nstart=<ticks>\nsession=<id>\n`, each value empty where
 * unknown. Older versions wrote only the first two lines (and still read this format).
 */
function lockContent(fs: ReadFs, session: string | undefined): string {
  return `${process.pid}\n${bootId(fs) ?? ''}\nstart=${processStart(fs, process.pid) ?? ''}\nsession=${session ?? ''}\n`;
}

function ownerOf(fs: ReadFs, lockFile: string): Owner {
  const [pidText, boot, ...rest] = fs.readFileSync(lockFile, 'utf8').split('\n');
  const pid = Number.parseInt(pidText ?? '', 10);
  const field = (name: string): string | undefined => rest.find((line) => line.startsWith(`${name}=`))?.slice(name.length + 1).trim() || undefined;
  const [start, session] = [field('start'), field('session')];
  return {
    ...(Number.isInteger(pid) && pid > 0 ? { pid } : {}),
    ...(boot ? { boot: boot.trim() } : {}),
    ...(start !== undefined ? { start } : {}),
    ...(session !== undefined ? { session } : {}),
    legacy: !rest.some((line) => line.startsWith('session=')),
  };
}

/**
 * A lock is held while the process that wrote it lives: in this boot (after a power cut its pid
 * may be reused), and, where the system tells a process's start time, the same process (a pid
 * reused after a kill -9 has a later start).
 */
function heldBy(fs: ReadFs, owner: Owner): boolean {
  if (owner.pid === undefined) return false;
  const boot = bootId(fs);
  if (owner.boot !== undefined && boot !== undefined && owner.boot !== boot) return false;
  if (!isAlive(owner.pid)) return false;
  const start = owner.start === undefined ? undefined : processStart(fs, owner.pid);
  return start === undefined || start === owner.start;
}

/** Who is recording into a journal file now (its lock, held by a live process). */
export interface LockHolder {
  readonly pid: number;
  /** The session it records; undefined when it records none (purge) or does not say (legacy). */
  readonly session?: string;
  /** A lock written by an older sop, which did not name the session. */
  readonly legacy: boolean;
}

/** The live holder of `file`'s lock, or undefined: no lock, a stale one, or one unreadable. */
export function lockHolder(fs: ReadFs, file: string): LockHolder | undefined {
  let owner: Owner;
  try {
    owner = ownerOf(fs, `${file}.lock`);
  } catch {
    return undefined;
  }
  if (owner.pid === undefined || !heldBy(fs, owner)) return undefined;
  return { pid: owner.pid, ...(owner.session !== undefined ? { session: owner.session } : {}), legacy: owner.legacy };
}

/**
 * Takes the lock of `file` or throws JournalLockedError; returns the release function. `session`
 * is the session the caller records (none for purge): readers then know which call is running.
 */
export function acquireLock(fs: Fs, file: string, session?: string): () => void {
  const lockFile = `${file}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // The pid is written to a private file first and then linked into place (link fails if the
      // lock exists), so the lock never exists without its owner: a kill between creating and
      // writing it cannot leave an empty lock that blocks the next call.
      const pending = `${lockFile}.${process.pid}`;
      const fd = fs.openSync(pending, 'w', FILE_MODE);
      try {
        fs.writeSync(fd, lockContent(fs, session));
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
    if (now.pid === seen.pid && now.boot === seen.boot && now.start === seen.start) fs.unlinkSync(lockFile);
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
