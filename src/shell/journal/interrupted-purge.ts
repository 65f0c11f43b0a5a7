/**
 * `sop log purge` replaces two files, a journal and its `.head`, and no rename covers both. So it
 * writes the new head first, beside them, as `<file>.head.purge` (fsync'd, then the folder), then
 * renames the new journal into place, then renames `<file>.head.purge` over `<file>.head`. A crash
 * between the two renames leaves the new journal with the old head — which verify would take for
 * lines cut off the end, and the next call recorded into the file would keep as a
 * `.head-mismatch-*` for good — but also the pending head that says where the new journal ends.
 *
 * Whoever next holds the file's lock (purge, or a call recording into the file) settles it here:
 * when the journal ends where the pending head says, the journal was replaced and the head is put
 * in place (the purge is finished); otherwise the crash came before the journal was replaced, the
 * old journal and old head still match, and the pending head is removed (the purge is undone).
 * Temp files of a purge cut short (`.<name>.purge-<pid>.tmp`) are removed either way. Verify,
 * which takes no lock, checks the journal against the pending head instead (`headInEffect`).
 */
import type * as NodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { NO_PREV } from '../../core/record/journal-line.js';
import type { Message } from '../i18n.js';
import { fsyncDir } from './files.js';
import { lineHash } from './hash.js';

type Fs = Pick<typeof NodeFs, 'readFileSync' | 'readdirSync' | 'renameSync' | 'rmSync' | 'existsSync' | 'openSync' | 'fsyncSync' | 'closeSync'>;

export interface Head {
  readonly size: number;
  readonly last: string;
}

/** Where purge keeps the new head of `file` until the new journal is in place. */
export function pendingHeadFile(file: string): string {
  return `${file}.head.purge`;
}

/** The temp files a purge of `file` writes (journal and, in older versions, head): `.<name>.purge-<pid>.tmp`. */
function isPurgeTemp(file: string, name: string): boolean {
  const base = basename(file);
  return (name.startsWith(`.${base}.purge-`) || name.startsWith(`.${base}.head.purge-`)) && name.endsWith('.tmp');
}

/** A head record (`.head` or pending): undefined when there is none, 'unreadable' when torn or not one. */
export function readHeadFile(fs: Pick<Fs, 'readFileSync'>, path: string): Head | 'unreadable' | undefined {
  try {
    const head = JSON.parse(fs.readFileSync(path, 'utf8')) as Partial<Head>;
    return typeof head.size === 'number' && typeof head.last === 'string' ? (head as Head) : 'unreadable';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'unreadable';
  }
}

/** Whether a journal's bytes end where `head` says: its size, and the hash of its last line (64 zeros when empty). */
export function endsAt(bytes: Buffer, head: Head): boolean {
  if (bytes.length !== head.size) return false;
  if (bytes.length === 0) return head.last === NO_PREV;
  if (bytes[bytes.length - 1] !== 0x0a) return false;
  const start = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
  return lineHash(bytes.subarray(start, bytes.length - 1)) === head.last;
}

export interface PurgeLeftovers {
  /** finished: the journal was replaced, its head is (to be) put in place; undone: the journal is as it was. */
  readonly state: 'finished' | 'undone' | 'temp-only';
  readonly file: string;
  /** The leftover files, by name. */
  readonly names: readonly string[];
}

/** What an interrupted purge left beside `file`, and how it is settled; undefined when nothing. */
export function purgeLeftovers(fs: Pick<Fs, 'readFileSync' | 'readdirSync' | 'existsSync'>, file: string, bytes?: Buffer): PurgeLeftovers | undefined {
  const temps = fs.readdirSync(dirname(file)).filter((name) => isPurgeTemp(file, name));
  const pending = fs.existsSync(pendingHeadFile(file)) ? readHeadFile(fs, pendingHeadFile(file)) : undefined;
  if (pending === undefined) return temps.length > 0 ? { state: 'temp-only', file, names: temps } : undefined;
  const names = [basename(pendingHeadFile(file)), ...temps];
  // The pending head is durable before the journal is renamed: a torn one means the journal was not.
  const replaced = pending !== 'unreadable' && fs.existsSync(file) && endsAt(bytes ?? fs.readFileSync(file), pending);
  return { state: replaced ? 'finished' : 'undone', file, names };
}

/**
 * The head verify checks `file` against: the pending head while a finished purge waits to be put
 * in place (none when the purge emptied the file), else `<file>.head`.
 */
export function headInEffect(fs: Pick<Fs, 'readFileSync'>, file: string, leftovers: PurgeLeftovers | undefined): Head | 'unreadable' | undefined {
  if (leftovers?.state === 'finished') {
    const pending = readHeadFile(fs, pendingHeadFile(file));
    return pending !== 'unreadable' && pending?.size === 0 ? undefined : pending;
  }
  return readHeadFile(fs, `${file}.head`);
}

/**
 * Settles what an interrupted purge left beside `file` (see above). Call it holding the file's
 * lock. Returns what was found (and done), for the caller to say; undefined when nothing was left.
 */
export function settleInterruptedPurge(fs: Fs, file: string): PurgeLeftovers | undefined {
  const found = purgeLeftovers(fs, file);
  if (!found) return undefined;
  const dir = dirname(file);
  if (found.state === 'finished') {
    const pending = readHeadFile(fs, pendingHeadFile(file));
    if (pending !== 'unreadable' && pending?.size === 0) {
      fs.rmSync(`${file}.head`, { force: true });
      fs.rmSync(pendingHeadFile(file), { force: true });
    } else {
      fs.renameSync(pendingHeadFile(file), `${file}.head`);
    }
  } else {
    fs.rmSync(pendingHeadFile(file), { force: true });
  }
  for (const name of found.names) if (isPurgeTemp(file, name)) fs.rmSync(join(dir, name), { force: true });
  fsyncDir(fs, dir);
  return found;
}

/**
 * What was done about an interrupted purge (`done`), what purge will do (`dry-run`), or, for verify,
 * what is left for the next purge or call to do (`pending`).
 */
export function leftoversMessage(found: PurgeLeftovers, tense: 'done' | 'dry-run' | 'pending'): Message {
  const names = found.names.join(', ');
  const messages: Record<PurgeLeftovers['state'], Record<typeof tense, Message>> = {
    finished: {
      done: {
        en: `${found.file}: finished a purge that was interrupted after it had rewritten the journal: its .head now says where the rewritten journal ends (from ${names})`,
        uk: `${found.file}: завершено purge, перерваний після того, як журнал уже було переписано: його .head тепер вказує, де закінчується переписаний журнал (з ${names})`,
      },
      'dry-run': {
        en: `${found.file}: a purge was interrupted after it had rewritten the journal; purge will put its new head in place (${names})`,
        uk: `${found.file}: purge перервано після того, як журнал уже було переписано; purge поставить його новий .head на місце (${names})`,
      },
      pending: {
        en: `${found.file}: a purge was interrupted after it had rewritten the journal; its new head (${names}) is checked in place of the old one. The next "sop log purge", or the next call recorded into this file, puts it in place`,
        uk: `${found.file}: purge перервано після того, як журнал уже було переписано; його новий .head (${names}) перевірено замість старого. Наступний "sop log purge" або наступний дзвінок, записаний у цей файл, поставить його на місце`,
      },
    },
    undone: {
      done: {
        en: `${found.file}: a purge was interrupted before it replaced the journal, which is as it was; removed what it left (${names})`,
        uk: `${found.file}: purge перервано до того, як він замінив журнал, тож журнал такий, як був; залишки прибрано (${names})`,
      },
      'dry-run': {
        en: `${found.file}: a purge was interrupted before it replaced the journal, which is as it was; purge will remove what it left (${names})`,
        uk: `${found.file}: purge перервано до того, як він замінив журнал, тож журнал такий, як був; purge прибере залишки (${names})`,
      },
      pending: {
        en: `${found.file}: a purge was interrupted before it replaced the journal, which is as it was; the next "sop log purge", or the next call recorded into this file, removes what it left (${names})`,
        uk: `${found.file}: purge перервано до того, як він замінив журнал, тож журнал такий, як був; наступний "sop log purge" або наступний дзвінок, записаний у цей файл, прибере залишки (${names})`,
      },
    },
    'temp-only': {
      done: {
        en: `${found.file}: removed the temp file(s) of a purge that was interrupted before it replaced the journal (${names})`,
        uk: `${found.file}: прибрано тимчасові файли purge, перерваного до заміни журналу (${names})`,
      },
      'dry-run': {
        en: `${found.file}: purge will remove the temp file(s) of an earlier purge that was interrupted (${names})`,
        uk: `${found.file}: purge прибере тимчасові файли попереднього перерваного purge (${names})`,
      },
      pending: {
        en: `${found.file}: temp file(s) of a purge that was interrupted before it replaced the journal, which is as it was (${names}); the next "sop log purge", or the next call recorded into this file, removes them`,
        uk: `${found.file}: тимчасові файли purge, перерваного до заміни журналу, який тому не змінився (${names}); наступний "sop log purge" або наступний дзвінок, записаний у цей файл, їх прибере`,
      },
    },
  };
  return messages[found.state][tense];
}
