/**
 * Where journals live: <dataDir>/journal/calls/YYYY-MM.jsonl for live calls and
 * <dataDir>/journal/training/YYYY-MM.jsonl for training, by the UTC month a session started.
 */
import { readdirSync, realpathSync } from 'node:fs';
import type * as NodeFs from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
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

/** Makes a folder's entries (a new or renamed file) durable, where the system allows fsync on a folder. */
export function fsyncDir(fs: Pick<typeof NodeFs, 'openSync' | 'fsyncSync' | 'closeSync'>, dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here (some systems refuse fsync on folders): nothing more can be done.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Whether `path` lies in the journal folder of `dataDir` (symbolic links resolved where they exist). */
export function isInsideJournal(path: string, dataDir: string): boolean {
  const real = (candidate: string): string => {
    try {
      return realpathSync(candidate);
    } catch {
      const parent = dirname(candidate);
      return parent === candidate ? candidate : join(real(parent), basename(candidate));
    }
  };
  const from = relative(real(resolve(dataDir, 'journal')), real(resolve(path)));
  return from === '' || (!from.startsWith('..') && !isAbsolute(from));
}

/**
 * Refuses an output file (-o) inside the journal folder: writing there would overwrite a journal
 * file, and every call recorded in it, or mix a foreign file into the journal.
 */
export function refuseOutputInJournal(output: string, dataDir: string, lang: Lang, example: string): void {
  if (!isInsideJournal(output, dataDir)) return;
  const folder = join(dataDir, 'journal');
  throw new UserError(
    say(lang, {
      en: `${output} is inside the journal folder (${folder}): writing there would overwrite or mix with the recorded calls. Choose a file outside it, e.g. -o ${example}`,
      uk: `${output} лежить у теці журналу (${folder}): запис туди перезаписав би записані дзвінки або змішався б із ними. Виберіть файл поза нею, напр. -o ${example}`,
    }),
  );
}
