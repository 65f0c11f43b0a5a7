/** Journals for the store tests, written by the real journal writer (test/stats/make-journal.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { writeCall, type CallSpec } from '../stats/make-journal.js';

const dirs: string[] = [];
afterAll(() => {
  // maxRetries: a background sync (sync: after-call) may still be writing its last file.
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

export function emptyDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sop-store-'));
  dirs.push(dir);
  return dir;
}

/** `calls` calls (some completed, some interrupted, one crashed), in November 2026, and one training session. */
export async function journalWith(calls: number, dataDir = emptyDataDir(), day = 1): Promise<string> {
  for (let i = 0; i < calls; i++) {
    const spec: CallSpec = {
      start: `2026-11-${String(day + (i % 20)).padStart(2, '0')}T${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z`,
      sop: i % 3 === 0 ? 'emergency' : 'first-contact',
      callType: i % 2 === 0 ? 'job-offer' : 'victim',
      role: 'self',
      greetingMs: 1000 + i * 10,
      ...(i % 4 === 1 ? { amend: { step: 'call-type' as const, times: 1 } } : {}),
      end: i % 7 === 3 ? { interrupted: 'sigint' } : i % 11 === 5 ? 'crash' : { outcome: i % 2 === 0 ? 'first-contact/referred' : 'emergency/police', durationMs: 60_000 + i * 1000 },
    };
    await writeCall(dataDir, spec);
  }
  await writeCall(dataDir, { start: '2026-11-02T09:00:00.000Z', sop: 'first-contact', greetingMs: 500, end: { outcome: 'first-contact/referred', durationMs: 1000 }, mode: 'training' });
  return dataDir;
}
