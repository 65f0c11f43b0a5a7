/**
 * `sop log accept-loss`: a supervisor's explicit, recorded acceptance of lines lost off the end of
 * a journal file (what verify reports as `truncated`: a head the file no longer reaches, a missing
 * or unreadable head, a `.head-mismatch-*` marker the writer left). It appends ONE line, chained
 * like any other, that says who accepted, when, why, and what verify found; then the file gets a
 * fresh head (the old one, if any, kept as a `.head-mismatch-*` marker the line names). Verify then
 * reports the accepted loss as a notice, for as long as the line is there; any later cut is a new
 * break. Nothing else writes this line.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname } from 'node:path';
import { LOSS_ACCEPTED, NO_PREV } from '../../core/record/journal-line.js';
import { safeJson } from '../text/safe-json.js';
import { FILE_MODE, fsyncDir, headRecord } from './files.js';
import { lineHash } from './hash.js';
import { endsAt, readHeadFile } from './interrupted-purge.js';
import { acquireLock } from './lock.js';
import { acceptedLosses, type AcceptedLoss, type LossRecord } from './accepted-losses.js';
import { scanJournalBytes } from './scan.js';
import { newSessionId } from './session-id.js';
import { verifyJournalFile, type ChainBreak } from './verify.js';
import { repairTornTail } from './writer.js';

export interface AcceptLossOptions {
  readonly by: string;
  readonly reason?: string;
  readonly now: () => Date;
}

export interface AcceptLossResult {
  readonly accepted: AcceptedLoss;
  /** Breaks of other kinds (edits, insertions...) that acceptance does not cover: still reported. */
  readonly remaining: readonly ChainBreak[];
}

/** The breaks of a file that are a loss off its end (what acceptance covers). */
export function lossBreaks(breaks: readonly ChainBreak[]): ChainBreak[] {
  return breaks.filter((b) => b.kind === 'truncated');
}

/**
 * Records the acceptance of the loss verify reports for `file`, under the file's lock (a live
 * recording: JournalLockedError). Undefined when verify finds no loss in it. Errors from the file
 * system are thrown as they are (the command explains them).
 */
export function acceptLoss(file: string, options: AcceptLossOptions): AcceptLossResult | undefined {
  const fs = nodeFs;
  const release = acquireLock(fs, file);
  try {
    const report = verifyJournalFile(file, 'en');
    const losses = lossBreaks(report.breaks);
    if (losses.length === 0) return undefined;
    const now = options.now();
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_APPEND);
    try {
      let size = fs.fstatSync(fd).size;
      const bytes = fs.readFileSync(file);
      // A torn last line is kept aside, as the writer does, so the acceptance starts a line.
      const lastNl = bytes.lastIndexOf(0x0a);
      if (lastNl + 1 < size) {
        repairTornTail(fs, fd, file, lastNl + 1, size, now);
        size = lastNl + 1;
      }
      const complete = scanJournalBytes(bytes.subarray(0, size)).filter((l) => l.problem !== 'torn');
      const last = complete[complete.length - 1];
      const lastHash = last ? lineHash(last.raw) : NO_PREV;
      const headFile = `${file}.head`;
      const head = readHeadFile(fs, headFile);
      const dir = dirname(file);
      // An old head the file does not end at is kept as evidence, named by the acceptance.
      if (head === 'unreadable' || (head !== undefined && !endsAt(bytes.subarray(0, size), head))) {
        let evidence = `${file}.head-mismatch-${stamp}`;
        for (let n = 1; fs.existsSync(evidence); n++) evidence = `${file}.head-mismatch-${stamp}-${n}`;
        fs.renameSync(headFile, evidence);
      }
      const markers = fs.readdirSync(dir).filter((n) => n.startsWith(`${basename(file)}.head-mismatch-`)).sort();
      const loss: LossRecord = {
        head: head ?? 'missing',
        markers,
        size,
        lastLine: last?.lineNo ?? 0,
        lastHash,
        ...(last?.line ? { lastSession: last.line.session } : {}),
        found: losses.map((b) => b.message),
      };
      const line = {
        v: 1,
        session: newSessionId(now),
        seq: 0,
        at: now.toISOString(),
        ms: 0,
        type: LOSS_ACCEPTED,
        by: options.by,
        ...(options.reason !== undefined ? { reason: options.reason } : {}),
        loss,
        prev: lastHash,
      };
      const text = safeJson(JSON.stringify(line));
      const out = Buffer.from(`${text}\n`, 'utf8');
      let written = 0;
      while (written < out.length) written += fs.writeSync(fd, out, written, out.length - written);
      fs.fsyncSync(fd);
      // A fresh head: from now on, any cut off the end is a new break.
      const headFd = fs.openSync(headFile, 'w', FILE_MODE);
      try {
        fs.fchmodSync(headFd, FILE_MODE);
        fs.writeSync(headFd, headRecord(size + out.length, lineHash(text)), 0);
        fs.fsyncSync(headFd);
      } finally {
        fs.closeSync(headFd);
      }
      fsyncDir(fs, dir);
      const lineNo = (last?.lineNo ?? 0) + 1;
      const accepted = acceptedLosses(scanJournalBytes(Buffer.concat([bytes.subarray(0, size), out]))).find((a) => a.line >= lineNo);
      return { accepted: accepted!, remaining: report.breaks.filter((b) => b.kind !== 'truncated') };
    } finally {
      fs.closeSync(fd);
    }
  } finally {
    release();
  }
}
