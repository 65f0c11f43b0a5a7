/**
 * Which unfinished calls are RUNNING right now, in another window, rather than interrupted or
 * crashed: the one place that tells them apart (the journal reader applies it, so `sop resume`,
 * `sop log list|show`, `sop replay` all see the same).
 *
 * A session with a `session-end` line is completed. Otherwise it is running when the process
 * holding its journal file's lock is alive and the lock names that session; the lock is taken
 * before the session's first line and released after its last, so while it is held the session
 * cannot be interrupted or crashed. "Alive" is the lock's own test (lock.ts): its pid exists, in
 * this boot, and (where the system tells a process's start time) is the very process that wrote
 * it — a pid reused after a kill -9 or a reboot does not count. The time of the session's last
 * line is no evidence either way: a counsellor may wait at one step for as long as the caller talks.
 * Without a live lock naming it, an unfinished session is interrupted (its last line says so) or
 * open (the process died without a word: a crash, kill -9, a power cut).
 */
import * as nodeFs from 'node:fs';
import type { RecordedSession } from '../../core/record/recorded-session.js';
import { lockHolder } from './lock.js';

/** A session as read from the journal, with the process recording it while it runs. */
export type Running<T extends RecordedSession> = T & { readonly recordedBy?: number };

/** `sessions` (all of one journal file) with the one being recorded now marked `running`. */
export function markRunning<T extends RecordedSession>(file: string, sessions: readonly T[]): Running<T>[] {
  const holder = lockHolder(nodeFs, file);
  if (!holder) return [...sessions];
  // An older sop's lock does not name its session: it records the unfinished one written last.
  const id = holder.legacy ? lastWritten(sessions.filter((s) => s.status !== 'completed'))?.id : holder.session;
  return sessions.map((session) => {
    if (session.id !== id || session.status === 'completed') return session;
    // A resumed call waiting at its first step still ends with its old `interrupted` line.
    const { interrupted: _past, ...rest } = session;
    return { ...rest, status: 'running', recordedBy: holder.pid } as Running<T>;
  });
}

function lastWritten<T extends RecordedSession>(sessions: readonly T[]): T | undefined {
  let last: T | undefined;
  for (const session of sessions) {
    const at = session.lines.at(-1)?.at ?? '';
    if (last === undefined || at > (last.lines.at(-1)?.at ?? '')) last = session;
  }
  return last;
}
