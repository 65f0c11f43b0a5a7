/**
 * The sessions of journal files as they complete in the stream, for the readers that look at
 * every call once (sop stats, sop replay --check): a call's lines are gathered while it runs,
 * handed on at its session-end line and dropped, so a year of calls needs memory for one block
 * of the file and the calls still open in it — not for the file (reading a month of 50,000
 * calls whole took 1.1 GB).
 *
 * Same sessions and notices as reading each file whole (readJournalFile + groupSessions, and
 * readJournal's running mark and accepted-loss notices): a session's lines are grouped only once
 * none can follow, which sop guarantees after its session-end line. A calls resumed after other
 * calls were recorded is simply open for longer. Only a line of a session after its session-end
 * (which sop never writes: an edited or spliced file) makes the stream useless: SessionReopened
 * is thrown, and the caller reads the whole file (or journal) instead.
 */
import { byStart, groupSessions } from '../../core/record/group-sessions.js';
import { isLossAccepted, type JournalLine, type SessionMode } from '../../core/record/journal-line.js';
import type { RecordedSession } from '../../core/record/recorded-session.js';
import type { Lang } from '../i18n.js';
import { acceptedLosses, describeAcceptedLoss } from './accepted-losses.js';
import { listJournalFiles } from './files.js';
import { eachJournalLineOfFile } from './parse-lines.js';
import type { RecordedSessionIn } from './reader.js';
import { markRunning } from './running.js';
import { orphanNotice, problemNotice } from './scan.js';

/** A line of a session came after that session's end: the file must be read whole. */
export class SessionReopened extends Error {
  constructor(readonly file: string, readonly session: string) {
    super(`${file}: session ${session} has lines after its session-end line`);
  }
}

export interface SessionsOfFile {
  /** Sessions without a session-end line when the file ended (interrupted, open or running), in order of their first line. */
  readonly unfinished: RecordedSession[];
  /** Lines that are not records, in line order (as readJournalFile words them). */
  readonly problems: string[];
  /** Sessions without a session-start line, in order of their first line (as groupSessions finds them). */
  readonly orphans: string[];
  /** The lines recording an accepted loss (sop log accept-loss), with their numbers. */
  readonly losses: { readonly lineNo: number; readonly line: JournalLine }[];
}

interface Gathering {
  readonly lines: JournalLine[];
  readonly firstLine: number;
}

/**
 * Hands `onEnded` each session of `file` that ends (its session-end line), as it ends; returns
 * the sessions that did not, and what was found on the way. Throws SessionReopened (see above).
 */
export function eachSessionOfFile(file: string, lang: Lang, onEnded: (session: RecordedSession) => void): SessionsOfFile {
  const open = new Map<string, Gathering>();
  const ended = new Set<string>();
  const problems: string[] = [];
  const orphans: { firstLine: number; notice: string }[] = [];
  const losses: { lineNo: number; line: JournalLine }[] = [];
  const group = (id: string, gathered: Gathering): RecordedSession | undefined =>
    groupSessions(gathered.lines, () => orphans.push({ firstLine: gathered.firstLine, notice: orphanNotice(file, id, lang) }))[0];

  eachJournalLineOfFile(
    file,
    (line, lineNo) => {
      // An accepted loss is a line of the journal, not of a call.
      if (isLossAccepted(line)) {
        losses.push({ lineNo, line });
        return;
      }
      const id = line.session;
      if (ended.has(id)) throw new SessionReopened(file, id);
      let gathered = open.get(id);
      if (gathered === undefined) open.set(id, (gathered = { lines: [], firstLine: lineNo }));
      gathered.lines.push(line);
      if (line.type !== 'session-end') return;
      open.delete(id);
      ended.add(id);
      const session = group(id, gathered);
      if (session) onEnded(session);
    },
    (problem) => problems.push(problemNotice(file, problem, lang)),
  );
  const unfinished: RecordedSession[] = [];
  for (const [id, gathered] of open) {
    const session = group(id, gathered);
    if (session) unfinished.push(session);
  }
  orphans.sort((a, b) => a.firstLine - b.firstLine);
  return { unfinished, problems, orphans: orphans.map((orphan) => orphan.notice), losses };
}

/**
 * Hands `onSession` every session of one mode, file by file (oldest month first), each as it
 * completes in its file, then the file's unfinished ones with those being recorded now marked
 * `running` (running.ts); returns the notices readJournal gives, in its order. Sessions do not
 * come ordered by start time. Throws SessionReopened (see above).
 */
export function eachRecordedSession(dataDir: string, mode: SessionMode, lang: Lang, onSession: (session: RecordedSessionIn) => void): string[] {
  const notices: string[] = [];
  for (const file of listJournalFiles(dataDir, mode)) {
    const found = eachSessionOfFile(file, lang, (session) => onSession({ ...session, file }));
    // In start order, as readJournal hands them to markRunning (an older sop's lock names no session).
    for (const session of markRunning(file, found.unfinished.sort(byStart).map((session) => ({ ...session, file })))) onSession(session);
    notices.push(...found.problems);
    // A loss accepted on record (sop log accept-loss) is said wherever the journal is read.
    for (const accepted of acceptedLosses(found.losses)) notices.push(describeAcceptedLoss(file, accepted, lang));
    notices.push(...found.orphans);
  }
  return notices;
}
