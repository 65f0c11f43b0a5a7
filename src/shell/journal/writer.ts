/**
 * Records one session into the journal. Each append is one write() of the whole line and an
 * fsync (appendEvents: one write() of the command's whole lines and one fsync), so when it
 * returns the lines are on disk: the UI shows the next prompt only then.
 * The writer holds the file's lock while it records, and repairs a torn tail (a line cut short
 * by a crash) before appending, keeping the torn bytes in `<file>.torn-<time>`.
 */
import * as nodeFs from 'node:fs';
import { dirname } from 'node:path';
import type { EngineEvent } from '../../core/engine/types.js';
import { NO_PREV, type JournalEvent, type JournalEventType, type JournalLine, type PayloadOf, type SessionMode } from '../../core/record/journal-line.js';
import { UserError } from '../exit-codes.js';
import { safeJson } from '../text/safe-json.js';
import type { Message } from '../i18n.js';
import { JournalWriteError } from './errors.js';
import { DIR_MODE, FILE_MODE, fsyncDir, headRecord, journalDir, listJournalFiles, monthFile } from './files.js';
import { lineHash } from './hash.js';
import { leftoversMessage, settleInterruptedPurge } from './interrupted-purge.js';
import { acquireLock } from './lock.js';
import type { Sealer } from '../crypto/seal.js';
import { protect } from './protect.js';
import { scanJournalBytes } from './scan.js';
import { newSessionId } from './session-id.js';

/** The file-system functions the writer uses; tests replace some to simulate a full disk. */
export type JournalFs = typeof nodeFs;

export interface SessionWriterOptions {
  readonly dataDir: string;
  readonly mode: SessionMode;
  readonly now: () => Date;
  /** Monotonic milliseconds (performance.now): `ms` never jumps with the wall clock. */
  readonly monotonic: () => number;
  /** Continue this interrupted session (resume): same file, seq and ms continue. */
  readonly continueSession?: string;
  readonly fs?: Partial<JournalFs>;
  /** Seals protected content to the supervisor's key (src/shell/crypto/); without it, only redaction. */
  readonly sealer?: Sealer;
  /** Told what was repaired before recording (an interrupted purge settled), to say it. */
  readonly notice?: (message: Message) => void;
}

export interface SessionWriter {
  readonly sessionId: string;
  readonly file: string;
  /** The seq the next append will get. */
  readonly nextSeq: number;
  /**
   * Adds the envelope (v, session, seq, at, ms, prev), protects sensitive content, writes and
   * fsyncs the line. Returns the line as written. Throws JournalWriteError when the disk refuses:
   * the line is then not recorded (a later append may succeed once the cause is fixed).
   */
  append<T extends JournalEventType>(type: T, payload: PayloadOf<T>): JournalLine;
  /**
   * Appends the engine's events of one command, in order, with one write() and ONE fsync: all are
   * durable when it returns, or (JournalWriteError) none is recorded.
   */
  appendEvents(events: readonly EngineEvent[]): JournalLine[];
  /** Releases the lock. Safe to call twice. */
  close(): void;
}

interface Resumed {
  readonly file: string;
  readonly seq: number;
  readonly ms: number;
}

function ensureDirs(fs: JournalFs, dataDir: string, file: string): void {
  if (!fs.existsSync(dataDir)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
    fs.chmodSync(dataDir, DIR_MODE);
  }
  for (const dir of [dirname(dirname(file)), dirname(file)]) {
    if (!fs.existsSync(dir)) {
      fs.mkdirSync(dir, { mode: DIR_MODE });
      fsyncDir(fs, dirname(dir));
    }
    fs.chmodSync(dir, DIR_MODE);
  }
}

/** Where a session to continue is recorded: its file, last seq and elapsed time. */
function resumePoint(fs: JournalFs, dataDir: string, mode: SessionMode, id: string): Resumed | undefined {
  for (const file of listJournalFiles(dataDir, mode).reverse()) {
    const found = lastOfSession(fs, file, id);
    if (found) return found;
  }
  return undefined;
}

function lastOfSession(fs: JournalFs, file: string, id: string): Resumed | undefined {
  let found: Resumed | undefined;
  let ended = false;
  for (const { line } of scanJournalBytes(fs.readFileSync(file))) {
    if (line?.session !== id) continue;
    if (!found || line.seq >= found.seq) found = { file, seq: line.seq, ms: line.ms };
    if (line.type === 'session-end') ended = true;
  }
  if (found && ended) {
    throw new UserError(
      `Session ${id} is completed; only an interrupted session can be continued.\nСесію ${id} завершено; продовжити можна лише перервану сесію.`,
    );
  }
  return found;
}

/** The end of the last complete line and that line's bytes, reading only the file's tail. */
function tail(fs: JournalFs, fd: number, size: number): { complete: number; last?: Buffer } {
  for (let chunk = 65536; ; chunk *= 4) {
    const offset = Math.max(0, size - chunk);
    const buffer = Buffer.alloc(size - offset);
    fs.readSync(fd, buffer, 0, buffer.length, offset);
    const lastNl = buffer.lastIndexOf(0x0a);
    if (lastNl === -1) {
      if (offset === 0) return { complete: 0 };
      continue;
    }
    const prevNl = lastNl === 0 ? -1 : buffer.lastIndexOf(0x0a, lastNl - 1);
    if (prevNl === -1 && offset > 0) continue;
    return { complete: offset + lastNl + 1, last: buffer.subarray(prevNl + 1, lastNl) };
  }
}

/** Moves a torn tail aside (never lose bytes) and truncates the file to its last complete line. */
export function repairTornTail(fs: JournalFs, fd: number, file: string, from: number, size: number, now: Date): void {
  const torn = Buffer.alloc(size - from);
  fs.readSync(fd, torn, 0, torn.length, from);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let keep = `${file}.torn-${stamp}`;
  for (let n = 1; fs.existsSync(keep); n++) keep = `${file}.torn-${stamp}-${n}`;
  // The torn bytes are on disk before the journal loses them.
  const kept = fs.openSync(keep, 'wx', FILE_MODE);
  try {
    fs.fchmodSync(kept, FILE_MODE);
    fs.writeSync(kept, torn);
    fs.fsyncSync(kept);
  } finally {
    fs.closeSync(kept);
  }
  fs.ftruncateSync(fd, from);
  fs.fsyncSync(fd);
}

/**
 * When the file no longer reaches where the last writer ended it (lines cut off the end, or the
 * last line rewritten), appending would hide that: the old head is kept as evidence for verify.
 */
function keepMismatchedHead(fs: JournalFs, file: string, size: number, last: string, now: Date): void {
  const evidence = `${file}.head-mismatch-${now.toISOString().replace(/[:.]/g, '-')}`;
  let text: string;
  try {
    text = fs.readFileSync(`${file}.head`, 'utf8');
  } catch (error) {
    // A journal with lines but no head: whatever was cut off its end could no longer be seen once
    // a fresh head is written. Never re-create it silently: leave a marker verify reports.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && size > 0) {
      fs.writeFileSync(evidence, `${JSON.stringify({ missing: true, size, last, at: now.toISOString() })}\n`, { mode: FILE_MODE, flag: 'wx' });
    }
    return;
  }
  let head: { size?: unknown; last?: unknown } | undefined;
  try {
    head = JSON.parse(text) as typeof head;
  } catch {
    head = undefined;
  }
  // An unreadable head (garbage) on a non-empty journal is kept as evidence too.
  if (typeof head?.size !== 'number') {
    if (size > 0) fs.renameSync(`${file}.head`, evidence);
    return;
  }
  if (head.last === last || head.size < size) return;
  fs.renameSync(`${file}.head`, evidence);
}

/** The head file stays open while recording; undefined when it cannot be (only weakens verify). */
function openHead(fs: JournalFs, headFile: string): number | undefined {
  try {
    const fd = fs.openSync(headFile, fs.constants.O_WRONLY | fs.constants.O_CREAT, FILE_MODE);
    fs.fchmodSync(fd, FILE_MODE);
    return fd;
  } catch {
    return undefined;
  }
}

/**
 * Where the chain ended: lets verify notice lines cut off the end. One positioned write of a
 * fixed-width record (no truncation needed). Not fsync'd: after a crash it can only lag behind
 * the file, which verify accepts. A failure is ignored: the line itself is already durable.
 */
function writeHead(fs: JournalFs, headFd: number | undefined, size: number, last: string): void {
  if (headFd === undefined) return;
  try {
    fs.writeSync(headFd, headRecord(size, last), 0);
  } catch {
    // See above.
  }
}

export async function openSessionWriter(options: SessionWriterOptions): Promise<SessionWriter> {
  const fs: JournalFs = { ...nodeFs, ...options.fs };
  const startedAt = options.now();
  const mono0 = options.monotonic();
  const resumed = options.continueSession ? resumePoint(fs, options.dataDir, options.mode, options.continueSession) : undefined;
  if (options.continueSession && !resumed) {
    throw new UserError(
      `No ${options.mode === 'live' ? 'call' : 'training session'} ${options.continueSession} in ${journalDir(options.dataDir, options.mode)}.\n` +
        `Сесію ${options.continueSession} не знайдено в ${journalDir(options.dataDir, options.mode)}.`,
    );
  }
  const file = resumed?.file ?? monthFile(options.dataDir, options.mode, startedAt);
  const sessionId = options.continueSession ?? newSessionId(startedAt);
  let release: () => void = () => {};
  let fd: number | undefined;
  let size: number;
  let prev: string;
  let seq: number;
  let msOffset: number;
  try {
    ensureDirs(fs, options.dataDir, file);
    // The lock names the session, so readers can tell this call is running, not crashed.
    release = acquireLock(fs, file, sessionId);
    // What a purge cut short left (a new journal whose head is still pending) is settled first,
    // so the old head is not taken for lines cut off (journal/interrupted-purge.ts).
    // Failing that (a disk refusing), the call is still recorded: verify and purge say what is left.
    try {
      const leftovers = settleInterruptedPurge(fs, file);
      if (leftovers) options.notice?.(leftoversMessage(leftovers, 'done'));
    } catch {
      // See above.
    }
    const created = !fs.existsSync(file);
    fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_APPEND | fs.constants.O_CREAT, FILE_MODE);
    fs.fchmodSync(fd, FILE_MODE);
    // A new month file's name must survive a power cut too, not only its lines.
    if (created) fsyncDir(fs, dirname(file));
    size = fs.fstatSync(fd).size;
    const { complete, last } = tail(fs, fd, size);
    if (complete < size) {
      repairTornTail(fs, fd, file, complete, size, startedAt);
      size = complete;
    }
    prev = last ? lineHash(last) : NO_PREV;
    keepMismatchedHead(fs, file, size, prev, startedAt);
    // Under the lock, the session's last line is final: continue right after it.
    const latest = options.continueSession ? lastOfSession(fs, file, options.continueSession) : undefined;
    seq = latest ? latest.seq + 1 : 0;
    msOffset = latest?.ms ?? 0;
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    release();
    if (error instanceof UserError) throw error;
    throw JournalWriteError.from(error, file);
  }
  const headFd = openHead(fs, `${file}.head`);
  // A head just created is written before the first line: a crash between that line and its head
  // update then leaves a head that lags behind, never an empty one (which verify reports).
  if (headFd !== undefined && fs.fstatSync(headFd).size === 0) writeHead(fs, headFd, size, prev);
  let closed = false;

  /**
   * Writes lines as one write() and one fsync: all of them are durable when it returns, or none
   * is recorded (whatever part reached the file is cut off again, so a retry continues the chain).
   */
  const record = (entries: readonly { type: JournalEventType; payload: unknown }[]): JournalLine[] => {
    if (closed || fd === undefined) throw new Error(`journal writer for ${sessionId} is closed`);
    const lines: JournalLine[] = [];
    const texts: string[] = [];
    let [nextSeq, nextPrev] = [seq, prev];
    for (const { type, payload } of entries) {
      // Engine events may be passed whole: their own `type` is the same and is not repeated.
      const { type: _ignored, ...rest } = payload as Record<string, unknown>;
      // Every line's `at` is its time: an interruption's step is written as `step`.
      const fields = type === 'interrupted' ? { reason: rest['reason'], step: rest['step'] ?? rest['at'] } : rest;
      const event = protect({ type, ...fields } as unknown as JournalEvent, { session: sessionId, seq: nextSeq, ...(options.sealer ? { sealer: options.sealer } : {}) });
      const ms = Math.max(0, Math.round(msOffset + options.monotonic() - mono0));
      const line = { v: 1, session: sessionId, seq: nextSeq, at: options.now().toISOString(), ms, ...event, prev: nextPrev } as JournalLine;
      // Escaped like every JSON sop writes (safeJson): the journal is a file people cat and tail.
      const text = safeJson(JSON.stringify(line));
      lines.push(line);
      texts.push(text);
      nextSeq++;
      nextPrev = lineHash(text);
    }
    const bytes = Buffer.from(`${texts.join('\n')}\n`, 'utf8');
    try {
      let written = 0;
      while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
      fs.fsyncSync(fd);
    } catch (error) {
      try {
        fs.ftruncateSync(fd, size);
      } catch {
        // The next writer repairs the torn tail instead.
      }
      throw JournalWriteError.from(error, file);
    }
    size += bytes.length;
    [seq, prev] = [nextSeq, nextPrev];
    writeHead(fs, headFd, size, prev);
    return lines;
  };

  const writer: SessionWriter = {
    sessionId,
    file,
    get nextSeq() {
      return seq;
    },
    append(type, payload) {
      return record([{ type, payload }])[0]!;
    },
    appendEvents(events) {
      return events.length === 0 ? [] : record(events.map((event) => ({ type: event.type, payload: event })));
    },
    close() {
      if (closed) return;
      closed = true;
      if (fd !== undefined) fs.closeSync(fd);
      if (headFd !== undefined) fs.closeSync(headFd);
      release();
    },
  };
  return writer;
}

/** Continues an interrupted session: the same file, seq and elapsed time carry on. */
export function openSessionWriterFor(
  sessionId: string,
  options: Omit<SessionWriterOptions, 'continueSession'>,
): Promise<SessionWriter> {
  return openSessionWriter({ ...options, continueSession: sessionId });
}
