/** Reads journal files: torn and damaged lines are skipped with a notice, never a crash. */
import { byStart, groupSessions } from '../../core/record/group-sessions.js';
import { isLossAccepted, type JournalLine, type SessionMode } from '../../core/record/journal-line.js';
import type { RecordedSession } from '../../core/record/recorded-session.js';
import type { Lang } from '../i18n.js';
import { readFileSync } from 'node:fs';
import { acceptedLossesOf, describeAcceptedLoss } from './accepted-losses.js';
import { listJournalFiles } from './files.js';
import { parseJournalFile } from './parse-lines.js';
import { markRunning } from './running.js';
import { orphanNotice, problemNotice } from './scan.js';

export interface ReadOptions {
  /** The language of the notices (default en). */
  readonly lang?: Lang;
}

export interface JournalFileContents {
  readonly lines: JournalLine[];
  readonly notices: string[];
}

export function readJournalFile(file: string, options: ReadOptions = {}): JournalFileContents {
  const lang = options.lang ?? 'en';
  const notices: string[] = [];
  const lines = parseJournalFile(file, (problem) => notices.push(problemNotice(file, problem, lang)));
  return { lines, notices };
}

export interface RecordedSessionIn extends RecordedSession {
  /** The journal file the session is recorded in. */
  readonly file: string;
  /** For a running session (status `running`): the pid of the process recording it. */
  readonly recordedBy?: number;
}

export interface JournalContents {
  readonly sessions: RecordedSessionIn[];
  readonly notices: string[];
}

/**
 * Every session of one mode, across all month files, ordered by start time. A session that a
 * live process is recording now has status `running` (running.ts).
 */
export function readJournal(dataDir: string, mode: SessionMode, options: ReadOptions = {}): JournalContents {
  const lang = options.lang ?? 'en';
  const sessions: RecordedSessionIn[] = [];
  const notices: string[] = [];
  for (const file of listJournalFiles(dataDir, mode)) {
    const contents = readJournalFile(file, options);
    notices.push(...contents.notices);
    // A loss accepted on record (sop log accept-loss) is said wherever the journal is read.
    // (Read again for the lines' numbers; only a file holding one.)
    if (contents.lines.some(isLossAccepted)) {
      for (const a of acceptedLossesOf(readFileSync(file))) notices.push(describeAcceptedLoss(file, a, lang));
    }
    const orphan = (id: string): number => notices.push(orphanNotice(file, id, lang));
    const grouped = groupSessions(contents.lines, orphan).map((session) => ({ ...session, file }));
    sessions.push(...markRunning(file, grouped));
  }
  sessions.sort(byStart);
  return { sessions, notices };
}
