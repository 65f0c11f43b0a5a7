/**
 * The store's schema, as versioned migrations: each is applied once, in its own transaction, and
 * recorded in sop_migrations (src/shell/store/db.ts). Every object lives in the connection's
 * current schema (public, or the first of `search_path`, e.g. `?options=-c%20search_path%3Dhotline`),
 * named sop_*.
 *
 * Roles: two group roles, cluster-wide, created when missing (NOLOGIN): sop_counsellor and
 * sop_supervisor. A counsellor's login role is granted sop_counsellor; a supervisor's,
 * sop_supervisor (docs/hotline-store.md). Grants and row-level security enforce them:
 *   - sop_counsellor: no INSERT, UPDATE or DELETE on any table; lines arrive only through
 *     sop_ingest() (SECURITY DEFINER), which checks each session's chain and stamps every row with
 *     the login (session_user); SELECT on sop_lines shows its own rows only (row-level security).
 *   - sop_supervisor: SELECT on everything (policy: every row); deletes only through sop_purge().
 */

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const ZEROS = '0'.repeat(64);

const V1 = `
do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'sop_counsellor') then
    begin create role sop_counsellor nologin; exception when duplicate_object or unique_violation then null; end;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'sop_supervisor') then
    begin create role sop_supervisor nologin; exception when duplicate_object or unique_violation then null; end;
  end if;
end $$;

create table sop_lines (
  journal      text not null,
  session      text not null,
  seq          integer not null check (seq >= 0),
  mode         text not null check (mode in ('live', 'training')),
  file         text not null,
  raw          text not null,
  hash         text not null,
  body_hash    text not null,
  prev         text not null,
  prev_session text,
  prev_seq     integer,
  pred_prev    text,
  counsellor   text not null,
  received_at  timestamptz not null default now(),
  line         jsonb not null,
  primary key (journal, session, seq)
);
create index sop_lines_session on sop_lines (session, seq);
create index sop_lines_type on sop_lines (mode, (line->>'type'));
create table sop_purged (
  journal   text not null,
  session   text not null,
  purged_at timestamptz not null default now(),
  primary key (journal, session)
);

alter table sop_lines enable row level security;
alter table sop_purged enable row level security;
create policy sop_lines_own on sop_lines for select to sop_counsellor using (counsellor = current_user);
create policy sop_lines_all on sop_lines for select to sop_supervisor using (true);
create policy sop_purged_all on sop_purged for select to sop_supervisor using (true);

create function sop_ingest(p_journal text, p_file text[], p_session text[], p_seq integer[], p_raw text[], p_anchor boolean[])
returns table (kind text, file text, session text, seq integer, detail text)
-- jit off: compiling these short statements cost more than running them (25 ms a batch).
language plpgsql security definer set search_path from current set jit = off as $fn$
#variable_conflict use_column
declare
  stored integer;
begin
  perform pg_advisory_xact_lock(hashtext('sop-journal:' || p_journal));
  drop table if exists pg_temp.sop_batch, pg_temp.sop_judged;
  create temp table sop_batch on commit drop as
    select b.ord::integer as ord, b.file, b.session, b.seq, b.raw, b.anchor,
           encode(sha256(convert_to(b.raw, 'UTF8')), 'hex') as hash,
           encode(sha256(convert_to(left(b.raw, -75), 'UTF8')), 'hex') as body_hash,
           case when right(b.raw, 75) ~ '^,"prev":"[0-9a-f]{64}"}$' then substr(b.raw, length(b.raw) - 65, 64) end as prev
    from unnest(p_file, p_session, p_seq, p_raw, p_anchor) with ordinality as b(file, session, seq, raw, anchor, ord);
  create temp table sop_judged on commit drop as
    select c.*, case
        when c.prev is null then 'not a journal line: it does not end with its prev hash'
        when c.anchor and c.state = 'missing' then 'the line before it is not in the store: sync the file from its start'
        when c.anchor and c.state = 'conflict' then 'the line before it differs from the store (a conflict)'
        when c.anchor then null
        when c.pred_hash is null and c.prev <> '${ZEROS}' then 'broken prev: the line before it was not sent'
        when c.pred_hash is not null and c.pred_hash <> c.prev then 'broken prev: it is not the hash of the line before it'
        when c.state = 'new' and c.seq > 0
             and coalesce(c.seq_before, -1) <> c.seq - 1
             and not exists (select 1 from sop_lines l where l.journal = p_journal and l.session = c.session and l.seq = c.seq - 1)
          then 'gap: line ' || (c.seq - 1) || ' of this session is missing'
      end as bad
    from (
      select t.*,
             lag(t.hash) over f as pred_hash, lag(t.session) over f as pred_session,
             lag(t.seq) over f as pred_seq, lag(t.prev) over f as pred_prev,
             lag(t.seq) over (partition by t.session order by t.ord) as seq_before,
             case when pu.session is not null then 'purged'
                  when l.body_hash is null then case when t.anchor then 'missing' else 'new' end
                  when l.body_hash = t.body_hash then 'there'
                  else 'conflict' end as state
      from sop_batch t
      left join sop_lines l on l.journal = p_journal and l.session = t.session and l.seq = t.seq
      left join sop_purged pu on pu.journal = p_journal and pu.session = t.session
      window f as (partition by t.file order by t.ord)
    ) c;

  insert into sop_lines (journal, session, seq, mode, file, raw, hash, body_hash, prev, prev_session, prev_seq, pred_prev, counsellor, line)
    select p_journal, j.session, j.seq, case when j.file like 'training/%' then 'training' else 'live' end,
           j.file, j.raw, j.hash, j.body_hash, j.prev, j.pred_session, j.pred_seq, j.pred_prev, session_user, j.raw::jsonb
    from sop_judged j
    left join (select file, min(ord) as first_bad from sop_judged where bad is not null group by file) fb on fb.file = j.file
    where j.state = 'new' and not j.anchor and (fb.first_bad is null or j.ord < fb.first_bad)
      and j.session not in (select session from sop_judged where state = 'conflict')
    on conflict do nothing;
  get diagnostics stored = row_count;

  return query select 'stored'::text, null::text, null::text, null::integer, stored::text;
  return query select 'there'::text, null::text, null::text, null::integer, count(*)::text from sop_judged where state = 'there' and not anchor;
  return query select 'purged'::text, null::text, null::text, null::integer, count(*)::text from sop_judged where state = 'purged' and not anchor;
  return query select 'conflict'::text, j.file, j.session, j.seq, null::text from sop_judged j where j.state = 'conflict' and not j.anchor order by j.ord;
  return query select 'refused'::text, j.file, j.session, j.seq, j.bad from sop_judged j
    join (select file, min(ord) as first_bad from sop_judged where bad is not null group by file) fb on j.ord = fb.first_bad
    order by j.ord;
end $fn$;

create function sop_state(p_journal text)
returns table (session text, lines integer, last_seq integer, digest text)
language sql stable security definer set search_path from current as $fn$
  select l.session, count(*)::integer, max(l.seq), md5(string_agg(l.body_hash, '' order by l.seq))
  from sop_lines l where l.journal = p_journal group by l.session
  union all
  select p.session, -1, -1, '' from sop_purged p where p.journal = p_journal
$fn$;

create function sop_purge(p_before timestamptz, p_dry boolean)
returns table (sessions integer, lines integer)
language plpgsql security definer set search_path from current as $fn$
#variable_conflict use_column
declare
  n_sessions integer;
  n_lines integer;
begin
  if not (pg_has_role(session_user, 'sop_supervisor', 'member')
          or exists (select 1 from pg_roles where rolname = session_user and rolsuper)
          or session_user = (select tableowner from pg_tables where tablename = 'sop_lines' and schemaname = current_schema())) then
    raise exception 'permission denied: only a supervisor purges the store' using errcode = '42501';
  end if;
  drop table if exists pg_temp.sop_old;
  create temp table sop_old on commit drop as
    select l.journal, l.session, count(*)::integer as n
    from sop_lines l
    group by l.journal, l.session
    -- Completed sessions only: no line of theirs can still be waiting on a counsellor's machine
    -- (an unfinished call may be resumed there and its new lines synced later).
    having max((l.line->>'at')::timestamptz) filter (where l.line->>'type' = 'session-end') < p_before;
  select count(*)::integer, coalesce(sum(n), 0)::integer into n_sessions, n_lines from sop_old;
  if not p_dry then
    insert into sop_purged (journal, session) select o.journal, o.session from sop_old o on conflict do nothing;
    delete from sop_lines l using sop_old o where l.journal = o.journal and l.session = o.session;
  end if;
  return query select n_sessions, n_lines;
end $fn$;

revoke all on sop_lines, sop_purged from public;
revoke all on function sop_ingest(text, text[], text[], integer[], text[], boolean[]) from public;
revoke all on function sop_state(text) from public;
revoke all on function sop_purge(timestamptz, boolean) from public;
grant select on sop_lines to sop_counsellor, sop_supervisor;
grant select on sop_purged to sop_supervisor;
grant execute on function sop_ingest(text, text[], text[], integer[], text[], boolean[]) to sop_counsellor, sop_supervisor;
grant execute on function sop_state(text) to sop_counsellor, sop_supervisor;
grant execute on function sop_purge(timestamptz, boolean) to sop_supervisor;
do $$ begin
  execute format('grant usage on schema %I to sop_counsellor, sop_supervisor', current_schema());
end $$;
`;

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'journal lines, purged sessions, counsellor and supervisor roles', sql: V1 }];

/** The schema version this tool knows (the last migration). */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
