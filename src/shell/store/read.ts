/**
 * Reading the shared store with the commands that read a journal (log list/show, replay, stats):
 * the lines come back as the journal held them, grouped into sessions by the same code, so
 * output formats and exit codes are those of a local journal. A session's "file" is
 * `store:<journal>/<month file>`.
 */
import { byStart, groupSessions } from '../../core/record/group-sessions.js';
import type { JournalLine, SessionMode } from '../../core/record/journal-line.js';
import type { Config } from '../config/load-config.js';
import type { JournalContents, RecordedSessionIn } from '../journal/reader.js';
import { isJournalLine } from '../journal/scan.js';
import { say } from '../i18n.js';
import { openStore, requireSchema, type Store } from './db.js';
import { storeUrl } from './url.js';

/** Opens the store named by --db (or the configured one), checks its schema, runs `work`, closes it. */
export async function withStore<T>(db: string | boolean, config: Pick<Config, 'databaseUrl' | 'lang'>, work: (store: Store) => Promise<T>): Promise<T> {
  const url = storeUrl(db, config.databaseUrl, config.lang);
  const store = await openStore(url, config.lang);
  try {
    await requireSchema(store);
    return await work(store);
  } finally {
    await store.close();
  }
}

export interface StoreFilter {
  /** Only sessions whose id is this, starts with it, or ends with it (sop log show's ways to name one). */
  readonly id?: string;
}

/** Every session of one mode in the store (that this login may read), ordered by start. */
export async function readStore(store: Store, mode: SessionMode, filter: StoreFilter = {}): Promise<JournalContents> {
  const where = filter.id === undefined ? '' : " and (session = $2 or session like $2 || '%' or session like '%' || $2)";
  const rows = await store.query<{ journal: string; file: string; session: string; raw: string }>(
    `select journal, file, session, raw from sop_lines where mode = $1${where} order by journal, session, seq`,
    filter.id === undefined ? [mode] : [mode, filter.id.replace(/[\\%_]/g, (c) => `\\${c}`)],
  );
  const notices: string[] = [];
  const sessions: RecordedSessionIn[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    while (end < rows.length && rows[end]!.journal === rows[start]!.journal && rows[end]!.session === rows[start]!.session) end++;
    const lines: JournalLine[] = [];
    for (let i = start; i < end; i++) {
      const value: unknown = JSON.parse(rows[i]!.raw);
      if (isJournalLine(value)) lines.push(value);
    }
    const file = `store:${rows[start]!.journal.slice(0, 8)}/${rows[start]!.file}`;
    const orphan = (id: string): void => {
      notices.push(say(store.lang, { en: `${file}: session ${id} has no session-start line in the store (purged or not synced yet); skipped`, uk: `${file}: сесія ${id} не має рядка session-start у сховищі (очищено або ще не надіслано); пропущено` }));
    };
    sessions.push(...groupSessions(lines, orphan).map((session) => ({ ...session, file })));
    start = end;
  }
  sessions.sort(byStart);
  return { sessions, notices };
}
