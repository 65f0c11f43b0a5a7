/**
 * The calls of one journal or exported file, each handed to `onCall` as soon as the file moves on
 * to another session, for `replay --check`: a call's lines are checked and dropped while they are
 * young, instead of the whole file's lines living until the file is grouped (which cost more in
 * garbage collection than the check itself).
 *
 * Same calls and notices as reading the file whole (readJournalFile + groupSessions): sop writes
 * a session's lines one after the other, so a session is complete when another begins. When a
 * session comes back later in the file (a call resumed after others were recorded), the file is
 * grouped whole instead and `onCall` runs again for every call. `onCall` must be a pure function
 * of the call. Calls come in file order (the caller orders them: sessions are unique in a file).
 */
import { groupSessions } from '../../core/record/group-sessions.js';
import type { JournalLine } from '../../core/record/journal-line.js';
import type { Lang } from '../i18n.js';
import { eachJournalLineOfFile, parseJournalFile } from '../journal/parse-lines.js';
import { problemNotice } from '../journal/scan.js';
import { orphanNotice, type RecordedCall } from './read-recorded-calls.js';

export interface CallsOfFile<R> {
  readonly results: R[];
  readonly notices: string[];
}

/** A session's lines came back after another session's: the file must be grouped whole. */
const REOPENED = Symbol('reopened');

export function eachCallOfFile<R>(file: string, lang: Lang, onCall: (call: RecordedCall) => R): CallsOfFile<R> {
  try {
    return streamed(file, lang, onCall);
  } catch (error) {
    if (error !== REOPENED) throw error;
  }
  const notices: string[] = [];
  const lines = parseJournalFile(file, (problem) => notices.push(problemNotice(file, problem, lang)));
  const orphan = (id: string): number => notices.push(orphanNotice(file, id, lang));
  return { results: groupSessions(lines, orphan).map((session) => onCall({ ...session, file })), notices };
}

function streamed<R>(file: string, lang: Lang, onCall: (call: RecordedCall) => R): CallsOfFile<R> {
  const results: R[] = [];
  const problems: string[] = [];
  const orphans: string[] = [];
  const orphan = (id: string): number => orphans.push(orphanNotice(file, id, lang));
  const ended = new Set<string>();
  let run: JournalLine[] = [];
  let session: string | undefined;
  const finish = (): void => {
    if (session === undefined) return;
    ended.add(session);
    for (const grouped of groupSessions(run, orphan)) results.push(onCall({ ...grouped, file }));
    run = [];
    session = undefined;
  };
  eachJournalLineOfFile(
    file,
    (line) => {
      if (line.session !== session) {
        finish();
        if (ended.has(line.session)) throw REOPENED;
        session = line.session;
      }
      run.push(line);
    },
    (problem) => problems.push(problemNotice(file, problem, lang)),
  );
  finish();
  // As when the file is read whole: line notices in line order, then sessions without a start.
  for (const notice of orphans) problems.push(notice);
  return { results, notices: problems };
}
