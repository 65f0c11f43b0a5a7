/**
 * `sop log verify --db`: the chains in the store, checked by the server in one query. A break is
 * named `store:<journal>/<file>/<session>:<seq>`:
 *   edited   a line's bytes no longer hash to what arrived (its hash, or its body's);
 *   deleted  a session's seq has a gap, or a line's predecessor in its file is gone (not purged);
 *   inserted a line whose prev is not the hash of the line it was chained to when it arrived.
 * Sessions purged by `sop log purge --db` are gone whole, and a line chained to one is not a break.
 */
import type { ChainBreak, VerifyReport } from '../journal/verify.js';
import { say } from '../i18n.js';
import type { Store } from './db.js';

const SQL = `
select l.journal, l.file, l.session, l.seq,
  case
    when encode(sha256(convert_to(l.raw, 'UTF8')), 'hex') <> l.hash
      or encode(sha256(convert_to(left(l.raw, -75), 'UTF8')), 'hex') <> l.body_hash then 'edited'
    when l.seq > 0 and not exists (select 1 from sop_lines g where g.journal = l.journal and g.session = l.session and g.seq = l.seq - 1) then 'deleted'
    when l.prev_session is null and l.prev <> repeat('0', 64) then 'inserted'
    when l.prev_session is not null and p.raw is null
      and not exists (select 1 from sop_purged u where u.journal = l.journal and u.session = l.prev_session) then 'deleted'
    when p.raw is not null
      and encode(sha256(convert_to(left(p.raw, -75) || ',"prev":"' || l.pred_prev || '"}', 'UTF8')), 'hex') <> l.prev then 'inserted'
  end as kind
from sop_lines l
left join sop_lines p on p.journal = l.journal and p.session = l.prev_session and p.seq = l.prev_seq`;

export async function verifyStore(store: Store): Promise<VerifyReport> {
  const rows = await store.query<{ journal: string; file: string; session: string; seq: number; kind: string | null }>(
    `select * from (${SQL}) x where kind is not null order by journal, file, session, seq`,
  );
  const [totals] = await store.query<{ files: string; lines: string }>('select count(distinct (journal, file)) as files, count(*) as lines from sop_lines');
  const messages: Record<string, { en: string; uk: string }> = {
    edited: { en: 'this line was changed in the store after it arrived', uk: 'цей рядок змінено в сховищі після надходження' },
    deleted: { en: 'a line before it (in its session or its file) is missing from the store', uk: 'рядка перед ним (у його сесії чи файлі) немає в сховищі' },
    inserted: { en: 'its prev is not the hash of the line it was chained to', uk: 'його prev не є гешем рядка, до якого його приєднано' },
  };
  const breaks: ChainBreak[] = rows.map((row) => ({
    file: `store:${row.journal.slice(0, 8)}/${row.file}/${row.session}`,
    line: row.seq,
    kind: row.kind as ChainBreak['kind'],
    message: say(store.lang, messages[row.kind!]!),
  }));
  return { files: Number(totals!.files), lines: Number(totals!.lines), breaks, notices: [] };
}
