/**
 * `sop replay --db`: the store's calls laid out as a private, temporary data dir (0700, files
 * 0600, removed afterwards) of journal month files, so replay and replay --check read them with
 * the code that reads a local journal. The lines are the store's, as protected as on the
 * counsellor's disk (sealed values stay sealed).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionMode } from '../../core/record/journal-line.js';
import { DIR_MODE, FILE_MODE, journalDir } from '../journal/files.js';
import type { Store } from './db.js';

export interface Staged {
  readonly dataDir: string;
  remove(): void;
}

export async function stageStore(store: Store, mode: SessionMode): Promise<Staged> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sop-store-replay-'));
  chmodSync(dataDir, DIR_MODE);
  const remove = (): void => rmSync(dataDir, { recursive: true, force: true });
  try {
    const dir = journalDir(dataDir, mode);
    mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    const rows = await store.query<{ month: string; lines: string }>(
      `select split_part(file, '/', 2) as month,
              string_agg(raw, E'\\n' order by started, journal, session, seq) || E'\\n' as lines
       from (select l.*, min(l.line->>'at') over (partition by l.journal, l.session) as started from sop_lines l where l.mode = $1) x
       group by 1`,
      [mode],
    );
    for (const row of rows) writeFileSync(join(dir, `${row.month}.jsonl`), row.lines, { mode: FILE_MODE });
    return { dataDir, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
