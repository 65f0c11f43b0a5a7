/**
 * Writes a journal with known figures through the real journal writer (fake clocks), so the
 * statistics are checked on what `sop run` would record.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSessionWriter } from '../../src/shell/journal/writer.js';

export interface CallSpec {
  readonly start: string; // ISO time
  readonly sop: string;
  readonly callType?: string;
  readonly role?: string;
  /** ms from greeting shown to its answer. */
  readonly greetingMs: number;
  readonly amend?: { readonly step: 'call-type' | 'caller-role'; readonly times: number };
  readonly end: { readonly outcome: string; readonly durationMs: number } | { readonly interrupted: 'sigint' | 'quit' } | 'crash';
  readonly mode?: 'live' | 'training';
}

export async function writeCall(dataDir: string, spec: CallSpec): Promise<void> {
  let ms = 0;
  const base = new Date(spec.start).getTime();
  const writer = await openSessionWriter({
    dataDir,
    mode: spec.mode ?? 'live',
    now: () => new Date(base + ms),
    monotonic: () => ms,
  });
  const q = (step: string): string => `${spec.sop}/${step}`;
  try {
    writer.append('session-start', { sop: spec.sop, version: '1.0.0', files: [], operator: 'tester', lang: 'en', tool: 'test', mode: spec.mode ?? 'live' });
    writer.append('step-shown', { step: q('greeting'), kind: 'say' });
    ms += spec.greetingMs;
    writer.append('answer', { step: q('greeting'), answer: { kind: 'continue' }, value: null, sensitive: false });
    const ask = (step: 'call-type' | 'caller-role', value: string): void => {
      writer.append('step-shown', { step: q(step), kind: 'ask' });
      ms += 2000;
      const record = { step: q(step), answer: { kind: 'option' as const, option: value }, value, sensitive: false, stat: step };
      writer.append('answer', record);
      for (let i = 0; i < (spec.amend?.step === step ? spec.amend.times : 0); i++) {
        writer.append('back', { from: q('next'), to: q(step) });
        writer.append('amend', { ...record, original: record });
      }
    };
    if (spec.callType) ask('call-type', spec.callType);
    if (spec.role) ask('caller-role', spec.role);
    // A sensitive answer: redacted on disk, must never reach the figures.
    writer.append('answer', { step: q('name'), answer: { kind: 'value', raw: 'Olena' }, value: 'Olena', sensitive: true, stat: 'name' });
    const end = spec.end;
    if (end === 'crash') return;
    if ('interrupted' in end) {
      writer.append('interrupted', { reason: end.interrupted, at: q('caller-role') });
      return;
    }
    ms = end.durationMs;
    writer.append('call-ended', { outcome: end.outcome, referrals: [] });
    writer.append('session-end', { outcome: end.outcome, referrals: [], durationMs: end.durationMs });
  } finally {
    writer.close();
  }
}

/**
 * The standard test journal: 12 live calls in November 2026 and 2 in October, 1 training session.
 * November: 10 completed (durations 1..10 minutes), 1 stopped by Ctrl-C, 1 cut off (crash).
 * call-type: job-offer 6, victim 4, not recorded 2.  caller-role: self 7, relative 5.
 * SOPs: first-contact 9, emergency 3.  Greeting answered after 1..12 s (median 6.5 s).
 * Amendments: first-contact/call-type 3, first-contact/caller-role 5.
 */
export async function standardJournal(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sop-stats-'));
  const calls: CallSpec[] = [];
  for (let i = 1; i <= 12; i++) {
    const sop = i <= 9 ? 'first-contact' : 'emergency';
    calls.push({
      start: `2026-11-${String(i).padStart(2, '0')}T10:00:00.000Z`,
      sop,
      ...(i <= 6 ? { callType: 'job-offer' } : i <= 10 ? { callType: 'victim' } : {}),
      role: i <= 7 ? 'self' : 'relative',
      greetingMs: i * 1000,
      ...(i === 1 ? { amend: { step: 'call-type' as const, times: 3 } } : {}),
      ...(i === 2 ? { amend: { step: 'caller-role' as const, times: 5 } } : {}),
      end: i <= 10 ? { outcome: `${sop}/${i <= 5 ? 'informed' : 'referred'}`, durationMs: i * 60_000 } : i === 11 ? { interrupted: 'sigint' } : 'crash',
    });
  }
  for (const day of ['2026-10-30', '2026-10-31']) {
    calls.push({ start: `${day}T23:30:00.000Z`, sop: 'first-contact', callType: 'job-offer', role: 'self', greetingMs: 500, end: { outcome: 'first-contact/informed', durationMs: 30_000 } });
  }
  calls.push({ start: '2026-11-05T09:00:00.000Z', sop: 'first-contact', greetingMs: 100, end: { outcome: 'first-contact/informed', durationMs: 1000 }, mode: 'training' });
  for (const call of calls) await writeCall(dataDir, call);
  return dataDir;
}
