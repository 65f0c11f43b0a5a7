/**
 * The calls of one journal or exported file, each handed to `onCall` as soon as it ends in the
 * file (journal/each-session.ts), for `replay --check`: a call's lines are checked and dropped
 * while they are young, instead of the whole file's lines living until the file is grouped
 * (which cost more in garbage collection than the check itself).
 *
 * Same calls and notices as reading the file whole (readJournalFile + groupSessions). When a
 * call has lines after its session-end or out of seq order (an edited file: sop never writes
 * one), the file is grouped whole instead and `onCall` runs again for every call. `onCall` must be
 * a pure function of the call. Calls come in the order they end (the caller orders them:
 * sessions are unique in a file).
 */
import { groupSessions } from '../../core/record/group-sessions.js';
import type { JournalLine } from '../../core/record/journal-line.js';
import type { RecordedSession } from '../../core/record/recorded-session.js';
import type { Lang } from '../i18n.js';
import { endUnfinished, foldFile, SessionReopened, type CallFolder } from '../journal/each-session.js';
import { parseJournalFile } from '../journal/parse-lines.js';
import { orphanNotice, problemNotice } from '../journal/scan.js';
import type { RecordedCall } from './read-recorded-calls.js';

export interface CallsOfFile<R> {
  readonly results: R[];
  readonly notices: string[];
}

export function eachCallOfFile<R>(file: string, lang: Lang, onCall: (call: RecordedCall) => R): CallsOfFile<R> {
  const results: R[] = [];
  const whole = (session: RecordedSession): void => {
    results.push(onCall({ ...session, file }));
  };
  // A call's lines, grouped when it ends (a call folded line by line has every line in seq order).
  const folder: CallFolder<JournalLine[]> = {
    begin: (start) => [start],
    line: (lines, line) => {
      lines.push(line);
    },
    end: (lines) => {
      const [session] = groupSessions(lines);
      if (session) whole(session);
    },
    whole,
  };
  try {
    const found = foldFile(file, lang, folder);
    endUnfinished(folder, file, found.unfinished);
    // As when the file is read whole: line notices in line order, then sessions without a start.
    return { results, notices: [...found.problems, ...found.orphans] };
  } catch (error) {
    if (!(error instanceof SessionReopened)) throw error;
  }
  const notices: string[] = [];
  const lines = parseJournalFile(file, (problem) => notices.push(problemNotice(file, problem, lang)));
  const orphan = (id: string): number => notices.push(orphanNotice(file, id, lang));
  return { results: groupSessions(lines, orphan).map((session) => onCall({ ...session, file })), notices };
}
