import { isEngineLine, isLossAccepted, type InterruptedLine, type JournalLine, type SessionEndLine, type SessionStartLine } from './journal-line.js';
import type { RecordedSession, SessionStatus } from './recorded-session.js';

/**
 * Groups journal lines into sessions, ordered by start time (then id). Lines of a session are
 * put in seq order. A session whose session-start line is missing (damaged file) cannot be
 * interpreted: it is left out and its id passed to `onOrphan`. A line recording an accepted loss
 * belongs to no session and is left out.
 */
export function groupSessions(
  lines: readonly JournalLine[],
  onOrphan?: (sessionId: string, lines: readonly JournalLine[]) => void,
): RecordedSession[] {
  const byId = new Map<string, JournalLine[]>();
  for (const line of lines) {
    // An accepted loss (sop log accept-loss) is a line of the journal, not of a call.
    if (isLossAccepted(line)) continue;
    let group = byId.get(line.session);
    if (!group) byId.set(line.session, (group = []));
    group.push(line);
  }
  const sessions: RecordedSession[] = [];
  for (const [id, group] of byId) {
    group.sort((a, b) => a.seq - b.seq);
    const start = group.find((line): line is SessionStartLine => line.type === 'session-start');
    if (!start) {
      onOrphan?.(id, group);
      continue;
    }
    const end = group.find((line): line is SessionEndLine => line.type === 'session-end');
    const interruptions = group.filter((line): line is InterruptedLine => line.type === 'interrupted');
    const last = group[group.length - 1];
    const status: SessionStatus = end ? 'completed' : last?.type === 'interrupted' ? 'interrupted' : 'open';
    sessions.push({
      id,
      start,
      events: group.filter(isEngineLine),
      lines: group,
      ...(end ? { end } : {}),
      ...(status === 'interrupted' ? { interrupted: last as InterruptedLine } : {}),
      interruptions,
      status,
    });
  }
  return sessions.sort(byStart);
}

/** Orders sessions by start time, then id (ids sort by time too). */
export function byStart(a: RecordedSession, b: RecordedSession): number {
  const [x, y] = [a.start.at, b.start.at];
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
