/**
 * Retention (`sop log purge`): removes whole sessions that ended before the
 * cut-off (a completed session: its session-end line; an unfinished one — interrupted or crashed
 * and never resumed — its last line) from every journal file, both live calls and training.
 *
 * Each affected file is rewritten crash-safely: the kept lines go to a temp file in the same
 * folder (0600) and the new head to `<file>.head.purge`, both fsync'd (and the folder), then the
 * temp file is renamed over the journal and the pending head over `<file>.head` — a crash leaves
 * the old journal or the new one, never a mix, and a crash between the two renames leaves the new
 * journal with its head pending, which the next purge (or the next call recorded into the file)
 * puts in place and verify already checks against (journal/interrupted-purge.ts). The kept lines
 * are RE-CHAINED: their `prev` hashes are recomputed (only the hash changes in a line's bytes), so
 * the result verifies. Because re-chaining would also hide an earlier edit, a file
 * whose chain is already broken is never purged: it is reported (exit 1) for `sop log verify`.
 * A file that a live session holds (its lock) is skipped too, and reported.
 *
 * The command (src/shell/commands/purge.ts) parses its options and prints the report.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { groupSessions } from '../../core/record/group-sessions.js';
import { NO_PREV, type SessionMode } from '../../core/record/journal-line.js';
import type { RecordedSession } from '../../core/record/recorded-session.js';
import { UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
import { JournalLockedError } from './errors.js';
import { FILE_MODE, fsyncDir, headRecord, listJournalFiles } from './files.js';
import { lineHash } from './hash.js';
import { acquireLock } from './lock.js';
import { leftoversMessage, pendingHeadFile, purgeLeftovers, settleInterruptedPurge } from './interrupted-purge.js';
import { scanJournalBytes } from './scan.js';
import { verifyJournalFile } from './verify.js';
import { isIsoDate } from '../../core/stats/iso-date.js';

/** The file-system functions purge uses; tests replace some to simulate a crash mid-purge. */
export type PurgeFs = typeof nodeFs;

/** `90d`, `12w` or a date (YYYY-MM-DD, local midnight): the cut-off time in ms. */
export function parseCutoff(value: string, now: Date, lang: Lang): number {
  const span = /^(\d{1,5})([dw])$/.exec(value.trim());
  if (span) return now.getTime() - Number(span[1]) * (span[2] === 'w' ? 7 : 1) * 86_400_000;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (day && isIsoDate(value.trim())) {
    const time = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])).getTime();
    if (!Number.isNaN(time)) return time;
  }
  throw new UserError(
    say(lang, {
      en: `--older-than ${value}: write a number of days or weeks (90d, 12w) or a date (2026-08-31).`,
      uk: `--older-than ${value}: вкажіть кількість днів чи тижнів (90d, 12w) або дату (2026-08-31).`,
    }),
  );
}

/** When a session ended: its session-end line, else (unfinished, never resumed) its last line. */
export function endedAt(session: RecordedSession): number {
  return Date.parse((session.end ?? session.lines[session.lines.length - 1] ?? session.start).at);
}

interface PurgedSession {
  readonly id: string;
  readonly file: string;
  readonly sop: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly status: RecordedSession['status'];
  readonly lines: number;
}

export interface PurgeReport {
  readonly removed: PurgedSession[];
  /** Files not purged, and why (locked by a live session, chain broken, unreadable). */
  readonly skipped: { readonly file: string; readonly reason: string }[];
  /** Torn-line files (`<file>.torn-*`) older than the cut-off that were removed. */
  readonly removedFiles: string[];
  /** What an earlier purge, interrupted, had left and how it was settled (in words). */
  readonly recovered: string[];
}

/** `"prev":"<64 hex>"}` at the end of a line as the writer serialises it. */
const PREV_TAIL = /"prev":"[0-9a-f]{64}"\}$/;

/** The line with its `prev` replaced; every other byte stays as written. */
function rechain(raw: Buffer, prev: string): Buffer {
  const text = raw.toString('utf8');
  if (!PREV_TAIL.test(text)) throw new Error('prev is not the last key');
  return Buffer.from(text.replace(PREV_TAIL, `"prev":"${prev}"}`), 'utf8');
}

/** A new file (0600) holding `bytes`, fsync'd. */
function writeDurably(fs: PurgeFs, path: string, bytes: Buffer): void {
  const fd = fs.openSync(path, 'wx', FILE_MODE);
  try {
    fs.fchmodSync(fd, FILE_MODE);
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Puts the new journal and its head in place. Both are written and fsync'd first — the head as the
 * pending `<file>.head.purge` — and the folder too, so the pending head is on disk before the
 * journal changes; then the journal is renamed into place, then the head. A crash before the first
 * rename leaves the old journal and head; after it, the new journal with its head pending, which
 * the next purge or call settles (journal/interrupted-purge.ts).
 */
function replaceJournal(fs: PurgeFs, file: string, bytes: Buffer, last: string): void {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.purge-${process.pid}.tmp`);
  const pending = pendingHeadFile(file);
  try {
    writeDurably(fs, temp, bytes);
    writeDurably(fs, pending, Buffer.from(headRecord(bytes.length, last), 'utf8'));
    fsyncDir(fs, dir);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    fs.rmSync(pending, { force: true });
    throw error;
  }
  fsyncDir(fs, dir);
  if (bytes.length === 0) {
    // An empty journal has no head: the next writer starts a new chain.
    fs.rmSync(`${file}.head`, { force: true });
    fs.rmSync(pending, { force: true });
  } else {
    fs.renameSync(pending, `${file}.head`);
  }
  fsyncDir(fs, dir);
}

interface FilePlan {
  readonly removed: PurgedSession[];
  /** The new bytes of the file, the end of its chain and the torn tail to keep aside. */
  readonly bytes: Buffer;
  readonly last: string;
  readonly torn?: Buffer;
}

/** The session a torn line (a line cut short) belonged to, when its bytes still name it. */
function tornSession(bytes: Buffer): string | undefined {
  return /"session":"(\d{8}-\d{4}-[0-9a-z]{4})"/.exec(bytes.toString('utf8'))?.[1];
}

/** When a session started, from its id (`YYYYMMDD-HHMM-xxxx`, UTC), in ms; NaN if the id is not one. */
function startOfId(id: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})-/.exec(id);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) : NaN;
}

function planFile(file: string, bytes: Buffer, cutoff: number): FilePlan | undefined {
  const scanned = scanJournalBytes(bytes);
  const lines = scanned.flatMap((entry) => (entry.line ? [entry.line] : []));
  const doomed = new Map<string, RecordedSession>();
  for (const session of groupSessions(lines)) if (endedAt(session) < cutoff) doomed.set(session.id, session);
  if (doomed.size === 0) return undefined;
  const kept: Buffer[] = [];
  let prev = NO_PREV;
  let torn: Buffer | undefined;
  for (const entry of scanned) {
    if (entry.problem === 'torn') {
      // The torn bytes of a purged session go with it: they hold its id, step and sequence.
      const session = tornSession(entry.raw);
      if (session === undefined || !doomed.has(session)) torn = entry.raw;
      continue;
    }
    if (entry.line && doomed.has(entry.line.session)) continue;
    const raw = entry.line && entry.line.prev !== prev ? rechain(entry.raw, prev) : entry.raw;
    kept.push(raw);
    prev = lineHash(raw);
  }
  const removed = [...doomed.values()].map((session) => ({
    id: session.id,
    file,
    sop: session.start.sop,
    startedAt: session.start.at,
    endedAt: new Date(endedAt(session)).toISOString(),
    status: session.status,
    lines: session.lines.length,
  }));
  const text = kept.map((raw) => raw.toString('utf8')).join('\n');
  return { removed, bytes: Buffer.from(kept.length === 0 ? '' : `${text}\n`, 'utf8'), last: prev, ...(torn ? { torn } : {}) };
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Purges the journals of `dataDir`. With `dryRun`, only says what would go. */
export function purgeJournal(dataDir: string, cutoff: number, options: { dryRun?: boolean; lang: Lang; now?: Date; fs?: Partial<PurgeFs> }): PurgeReport {
  const fs: PurgeFs = { ...nodeFs, ...options.fs };
  const { lang } = options;
  const now = options.now ?? new Date();
  const report: PurgeReport = { removed: [], skipped: [], removedFiles: [], recovered: [] };
  for (const mode of ['live', 'training'] as SessionMode[]) {
    for (const file of listJournalFiles(dataDir, mode)) {
      let release: (() => void) | undefined;
      try {
        release = acquireLock(fs, file);
      } catch (error) {
        if (!(error instanceof JournalLockedError)) throw error;
        report.skipped.push({
          file,
          reason: say(lang, {
            en: `a session is recording into it${error.pid ? ` (process ${error.pid})` : ''}; run purge again when it has ended`,
            uk: `у нього зараз записує сесія${error.pid ? ` (процес ${error.pid})` : ''}; повторіть purge, коли її завершать`,
          }),
        });
        continue;
      }
      try {
        // What an interrupted purge left is settled first, under the lock (a dry run only says it).
        const leftovers = options.dryRun ? purgeLeftovers(fs, file) : settleInterruptedPurge(fs, file);
        if (leftovers) report.recovered.push(say(lang, leftoversMessage(leftovers, options.dryRun ? 'dry-run' : 'done')));
        const check = verifyJournalFile(file, lang);
        if (check.breaks.length > 0) {
          report.skipped.push({
            file,
            reason: say(lang, {
              en: `its hash chain is broken (${check.breaks.length} place(s)); purge would re-chain and hide that. Run "sop log verify" and investigate first`,
              uk: `його ланцюжок гешів порушено (місць: ${check.breaks.length}); purge переланцюжив би і приховав це. Спершу виконайте "sop log verify" і з'ясуйте причину`,
            }),
          });
          continue;
        }
        const plan = planFile(file, fs.readFileSync(file), cutoff);
        if (plan) {
          report.removed.push(...plan.removed);
          if (!options.dryRun) {
            if (plan.torn) {
              const keep = `${file}.torn-${stamp(now)}`;
              fs.writeFileSync(keep, plan.torn, { mode: FILE_MODE, flag: 'wx' });
              fs.chmodSync(keep, FILE_MODE);
            }
            replaceJournal(fs, file, plan.bytes, plan.last);
          }
        }
        // Bytes of torn lines kept after crashes are dated by their repair, not by their call: they
        // go with the session they name when it is purged (now, or earlier: started before the
        // cut-off and no longer in the journal), and by their age when they name none.
        const purged = new Set((plan?.removed ?? []).map((session) => session.id));
        let remaining: Set<string> | undefined;
        const stillRecorded = (id: string): boolean => {
          remaining ??= new Set(scanJournalBytes(fs.readFileSync(file)).flatMap((entry) => (entry.line ? [entry.line.session] : [])));
          return remaining.has(id);
        };
        for (const name of fs.readdirSync(dirname(file)).filter((n) => n.startsWith(`${basename(file)}.torn-`))) {
          const path = join(dirname(file), name);
          const session = tornSession(fs.readFileSync(path));
          const gone = session !== undefined && (purged.has(session) || (startOfId(session) < cutoff && !stillRecorded(session)));
          if (!gone && (session !== undefined || fs.statSync(path).mtimeMs >= cutoff)) continue;
          report.removedFiles.push(path);
          if (!options.dryRun) fs.rmSync(path, { force: true });
        }
      } finally {
        release();
      }
    }
  }
  return report;
}

