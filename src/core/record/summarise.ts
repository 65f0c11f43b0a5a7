import type { SessionMode } from './journal-line.js';
import type { RecordedSession, SessionStatus } from './recorded-session.js';

/** One row of a session list (`sop log list`). */
export interface SessionSummary {
  readonly id: string;
  readonly mode: SessionMode;
  readonly sop: string;
  readonly version: string;
  readonly operator: string;
  readonly lang: string;
  /** ISO time the session started. */
  readonly startedAt: string;
  readonly status: SessionStatus;
  /** `sop-id/outcome-id` once ended. */
  readonly outcome?: string;
  readonly referrals: readonly string[];
  /** From session-end; else the elapsed time of the last line recorded. */
  readonly durationMs: number;
  /** Where the call stopped when not completed (the interrupted step or the last step shown). */
  readonly lastStep?: string;
  readonly steps: number;
  readonly amendments: number;
  readonly interrupts: number;
  readonly notes: number;
  readonly scenario?: string;
  readonly trainee?: string;
}

export function summarise(session: RecordedSession): SessionSummary {
  const { start, end, events, lines } = session;
  let steps = 0;
  let amendments = 0;
  let interrupts = 0;
  let notes = 0;
  let lastShown: string | undefined;
  let ended: { outcome: string; referrals: readonly string[] } | undefined;
  for (const event of events) {
    if (event.type === 'step-shown') {
      steps++;
      lastShown = event.step;
    } else if (event.type === 'amend') amendments++;
    else if (event.type === 'interrupt') interrupts++;
    else if (event.type === 'note') notes++;
    else if (event.type === 'call-ended') ended = event;
  }
  const outcome = end?.outcome ?? ended?.outcome;
  const lastStep = session.status === 'completed' ? undefined : (session.interrupted?.step ?? lastShown);
  return {
    id: session.id,
    mode: start.mode,
    sop: start.sop,
    version: start.version,
    operator: start.operator,
    lang: start.lang,
    startedAt: start.at,
    status: session.status,
    ...(outcome !== undefined ? { outcome } : {}),
    referrals: end?.referrals ?? ended?.referrals ?? [],
    durationMs: end?.durationMs ?? lines[lines.length - 1]?.ms ?? 0,
    ...(lastStep !== undefined ? { lastStep } : {}),
    steps,
    amendments,
    interrupts,
    notes,
    ...(start.scenario !== undefined ? { scenario: start.scenario } : {}),
    ...(start.trainee !== undefined ? { trainee: start.trainee } : {}),
  };
}
