/**
 * The calls of journal files as they come in the stream, for the readers that look at every call
 * once (sop stats, sop replay --check), so that a year of calls needs memory for one block of the
 * file and the calls still open in it, not for the file (reading 50,000 calls whole took 1.1 GB).
 *
 * A call whose first line is its session-start is handed to a CallFolder line by line: sop writes
 * a call's lines in seq order, so the file's order is the call's. Its lines die young — a reader
 * that kept them until the call ended made the garbage collector's young generation grow to its
 * largest, about 30 MB. A call that starts otherwise (its start line lost, or out of place) is
 * gathered and grouped as a whole read groups it (groupSessions), then handed on whole.
 *
 * Same calls and notices as reading each file whole (readJournalFile + groupSessions, and
 * readJournal's running mark and accepted-loss notices). Two things make the stream useless:
 * a line of a call after its session-end, or a call's lines out of seq order (neither is ever
 * written by sop: an edited or spliced file). Then SessionReopened is thrown, and the caller
 * reads the whole file (or journal) instead.
 */
import { byStart, groupSessions } from '../../core/record/group-sessions.js';
import { isLossAccepted, type InterruptedLine, type JournalLine, type SessionEndLine, type SessionMode, type SessionStartLine } from '../../core/record/journal-line.js';
import type { RecordedSession, SessionStatus } from '../../core/record/recorded-session.js';
import type { Lang } from '../i18n.js';
import { acceptedLosses, describeAcceptedLoss } from './accepted-losses.js';
import { listJournalFiles } from './files.js';
import { eachJournalLineOfFile } from './parse-lines.js';
import { markRunning } from './running.js';
import { orphanNotice, problemNotice } from './scan.js';

/** A line of a call after its session-end, or out of seq order: the file must be read whole. */
export class SessionReopened extends Error {
  constructor(readonly file: string, readonly session: string) {
    super(`${file}: session ${session} has lines after its session-end line or out of order`);
  }
}

/** How a call ended, as readers see it (see RecordedSession). */
interface CallEnd {
  readonly status: SessionStatus;
  readonly end?: SessionEndLine;
  /** The last interruption, when the call is interrupted now. */
  readonly interrupted?: InterruptedLine;
  /** How many times it was interrupted, including those a resume continued after. */
  readonly interruptions: number;
  /** The journal file it is recorded in. */
  readonly file: string;
}

/** What a reader does with the calls of the stream. */
export interface CallFolder<C> {
  /** A call begins with its session-start line: the reader's state for it. */
  begin(start: SessionStartLine, file: string): C;
  /** Each of its later lines, in seq order (its session-end too, before \`end\`). */
  line(call: C, line: JournalLine): void;
  /** When it ends: at its session-end line, or at the end of its file. */
  end(call: C, how: CallEnd): void;
  /** A call that did not begin with its session-start line, grouped as a whole read groups it. */
  whole(session: RecordedSession, file: string): void;
}

interface SessionsOfFile<C> {
  /** Calls folded line by line that had not ended when the file ended: for the caller to end. */
  readonly unfinished: Unfinished<C>[];
  /** Lines that are not records, in line order (as readJournalFile words them). */
  readonly problems: string[];
  /** Sessions without a session-start line, in order of their first line (as groupSessions finds them). */
  readonly orphans: string[];
  /** The lines recording an accepted loss (sop log accept-loss), with their numbers. */
  readonly losses: { readonly lineNo: number; readonly line: JournalLine }[];
}

/**
 * A call still open at the end of its file: a session as readers see it (for markRunning) and,
 * for a call folded line by line, its state and how many times it was interrupted.
 */
type Unfinished<C> = { readonly session: RecordedSession; readonly folded?: { readonly state: C; readonly interruptions: number } };

interface Folding<C> {
  readonly state: C;
  readonly start: SessionStartLine;
  last: JournalLine;
  /** Interruptions so far (the last one is `last` when the call is interrupted now). */
  interruptions: number;
}

interface Gathering {
  readonly lines: JournalLine[];
  readonly firstLine: number;
}

/**
 * Hands each call of `file` to `folder` as it comes (see above); returns the calls not ended when
 * the file ended, for the caller to end (sop stats marks those being recorded now `running` first),
 * and what was found on the way. Throws SessionReopened (see above).
 */
export function foldFile<C>(file: string, lang: Lang, folder: CallFolder<C>): SessionsOfFile<C> {
  const folding = new Map<string, Folding<C>>();
  const gathering = new Map<string, Gathering>();
  const ended = new Set<string>();
  const problems: string[] = [];
  const orphans: { firstLine: number; notice: string }[] = [];
  const losses: { lineNo: number; line: JournalLine }[] = [];
  const group = (id: string, gathered: Gathering): RecordedSession | undefined =>
    groupSessions(gathered.lines, () => orphans.push({ firstLine: gathered.firstLine, notice: orphanNotice(file, id, lang) }))[0];

  const onLine = (line: JournalLine, lineNo: number): void => {
    // An accepted loss is a line of the journal, not of a call.
    if (isLossAccepted(line)) {
      losses.push({ lineNo, line });
      return;
    }
    const id = line.session;
    if (ended.has(id)) throw new SessionReopened(file, id);
    const call = folding.get(id);
    if (call !== undefined) {
      if (line.seq <= call.last.seq) throw new SessionReopened(file, id);
      call.last = line;
      if (line.type === 'interrupted') call.interruptions++;
      folder.line(call.state, line);
    } else {
      const gathered = gathering.get(id);
      if (gathered !== undefined) gathered.lines.push(line);
      else if (line.type === 'session-start') folding.set(id, { state: folder.begin(line, file), start: line, last: line, interruptions: 0 });
      else gathering.set(id, { lines: [line], firstLine: lineNo });
    }
    if (line.type !== 'session-end') return;
    ended.add(id);
    if (call !== undefined) {
      folding.delete(id);
      folder.end(call.state, { status: 'completed', end: line, interruptions: call.interruptions, file });
      return;
    }
    const gathered = gathering.get(id)!;
    gathering.delete(id);
    const session = group(id, gathered);
    if (session) folder.whole(session, file);
  };

  eachJournalLineOfFile(file, onLine, (problem) => problems.push(problemNotice(file, problem, lang)));
  const unfinished: Unfinished<C>[] = [];
  for (const [id, call] of folding) unfinished.push({ session: asSession(id, call), folded: { state: call.state, interruptions: call.interruptions } });
  for (const [id, gathered] of gathering) {
    const session = group(id, gathered);
    if (session) unfinished.push({ session });
  }
  orphans.sort((a, b) => a.firstLine - b.firstLine);
  return { unfinished, problems, orphans: orphans.map((orphan) => orphan.notice), losses };
}

/** An unfinished call folded line by line, as a session for markRunning (its last line is all it needs of its lines). */
function asSession<C>(id: string, call: Folding<C>): RecordedSession {
  const interrupted = call.last.type === 'interrupted' ? (call.last as InterruptedLine) : undefined;
  return { id, start: call.start, events: [], lines: [call.last], interruptions: [], status: interrupted ? 'interrupted' : 'open', ...(interrupted ? { interrupted } : {}) };
}

/** Ends each call left open at the end of `file`, with its status as `sessions` (markRunning's result for them) has it. */
export function endUnfinished<C>(folder: CallFolder<C>, file: string, unfinished: readonly Unfinished<C>[], sessions: readonly RecordedSession[] = unfinished.map((u) => u.session)): void {
  sessions.forEach((session, index) => {
    const folded = unfinished[index]!.folded;
    if (folded === undefined) folder.whole(session, file);
    else folder.end(folded.state, { status: session.status, ...(session.interrupted ? { interrupted: session.interrupted } : {}), interruptions: folded.interruptions, file });
  });
}

/**
 * Hands `folder` every call of one mode, file by file (oldest month first), each as it comes in
 * its file; the calls left open at a file's end are ended with those being recorded now marked
 * `running` (running.ts). Returns the notices readJournal gives, in its order. Calls do not come
 * ordered by start time. Throws SessionReopened (see above).
 */
export function foldJournal<C>(dataDir: string, mode: SessionMode, lang: Lang, folder: CallFolder<C>): string[] {
  const notices: string[] = [];
  for (const file of listJournalFiles(dataDir, mode)) {
    const found = foldFile(file, lang, folder);
    // In start order, as readJournal hands them to markRunning (an older sop's lock names no session).
    const unfinished = [...found.unfinished].sort((a, b) => byStart(a.session, b.session));
    endUnfinished(folder, file, unfinished, markRunning(file, unfinished.map((u) => u.session)));
    notices.push(...found.problems);
    // A loss accepted on record (sop log accept-loss) is said wherever the journal is read.
    for (const accepted of acceptedLosses(found.losses)) notices.push(describeAcceptedLoss(file, accepted, lang));
    notices.push(...found.orphans);
  }
  return notices;
}
