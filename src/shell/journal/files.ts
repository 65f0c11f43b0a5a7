/**
 * Where journals live: <dataDir>/journal/calls/YYYY-MM.jsonl for live calls and
 * <dataDir>/journal/training/YYYY-MM.jsonl for training, by the UTC month a session started.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionMode } from '../../core/record/journal-line.js';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

export function journalDir(dataDir: string, mode: SessionMode): string {
  return join(dataDir, 'journal', mode === 'live' ? 'calls' : 'training');
}

export function monthFile(dataDir: string, mode: SessionMode, date: Date): string {
  const month = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  return join(journalDir(dataDir, mode), `${month}.jsonl`);
}

/** The month files of one mode, oldest first; none when the directory does not exist. */
export function listJournalFiles(dataDir: string, mode: SessionMode): string[] {
  const dir = journalDir(dataDir, mode);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => /^\d{4}-\d{2}\.jsonl$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * The `<file>.head` record: where the chain of a journal file ended (its size and last line's
 * hash), so verify notices lines cut off the end. Fixed width (128 bytes), so the writer updates
 * it with one positioned write; purge rewrites it after re-chaining.
 */
export function headRecord(size: number, last: string): string {
  return `${JSON.stringify({ size, last })}`.padEnd(HEAD_WIDTH - 1, ' ') + '\n';
}

const HEAD_WIDTH = 128;
