/** Shared by the journal tests: a temporary data dir and a writer with a controllable clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { SessionMode, SessionStartPayload } from '../../src/core/record/journal-line.js';
import { openSessionWriter, type SessionWriterOptions } from '../../src/shell/journal/writer.js';

const dirs: string[] = [];
const fileDirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(() => {
  for (const dir of fileDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory, removed after the test (or, with `forFile`, after the test file: for beforeAll). */
export function tempDir(forFile = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'sop-journal-'));
  (forFile ? fileDirs : dirs).push(dir);
  return dir;
}

/** A clock that starts at `start` and moves by `step` ms at each reading. */
export function clock(start = '2026-11-29T13:02:00.000Z', step = 1000): { now: () => Date; monotonic: () => number } {
  let t = 0;
  const base = Date.parse(start);
  return {
    now: () => new Date(base + t),
    monotonic: () => {
      t += step;
      return t;
    },
  };
}

export function startPayload(overrides: Partial<SessionStartPayload> = {}): SessionStartPayload {
  return {
    sop: 'job-offer-check',
    version: '1.0.0',
    files: [{ sop: 'job-offer-check', file: 'sops/job-offer-check.sop.yaml', sha256: 'a'.repeat(64) }],
    operator: 'olena',
    lang: 'uk',
    tool: '0.1.0',
    mode: 'live',
    ...overrides,
  };
}

export function writerFor(dataDir: string, mode: SessionMode = 'live', extra: Partial<SessionWriterOptions> = {}) {
  return openSessionWriter({ dataDir, mode, ...clock(), ...extra });
}
