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
 *     sop_stage_open() and sop_ingest() (SECURITY DEFINER, version 2), which check each session's
 *     chain and stamp every row with the login (session_user); SELECT on sop_lines shows its own
 *     rows only (row-level security).
 *   - sop_supervisor: SELECT on everything (policy: every row); deletes only through sop_purge().
 */

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const ZEROS = '0'.repeat(64);

/**
 * A staged line as jsonb, for queries. jsonb cannot hold U+0000, so a \u0000 escape (one not
 * itself escaped: after an even run of backslashes) becomes \ufffd in this copy; raw keeps the
 * line's bytes. Two passes: a match uses up the character before the escape, so of two escapes in
 * a row the first pass takes only the first.
 */
const NUL_ESCAPE = String.raw`'((?:^|[^\\])(?:\\\\)*)\\u0000', '\1\\ufffd', 'g'`;
const LINE_AS_JSONB = `case when st.raw like '%\\\\u0000%' then regexp_replace(regexp_replace(st.raw, ${NUL_ESCAPE}), ${NUL_ESCAPE})::jsonb else st.raw::jsonb end`;

/** sop_ingest's first verdicts on a line c (its prev, its anchor, its chain), as CASE branches. */
const CHAIN_VERDICTS = `        when c.prev is null then 'not a journal line: it does not end with its prev hash'
        when c.anchor and c.state = 'missing' then 'the line before it is not in the store: sync the file from its start'
        when c.anchor and c.state = 'conflict' then 'the line before it differs from the store (a conflict)'
        when c.anchor then null
        when c.pred_hash is null and c.prev <> '${ZEROS}' then 'broken prev: the line before it was not sent'
        when c.pred_hash is not null and c.pred_hash <> c.prev then 'broken prev: it is not the hash of the line before it'`;

/**
 * sop_purge(before, dry): a supervisor's retention run (sop log purge --db), one transaction.
 * `ownerIs` tells whether session_user owns the store (the owner may purge too).
 */
function purgeFunction(ownerIs: string): string {
  return `
create or replace function sop_purge(p_before timestamptz, p_dry boolean)
returns table (sessions integer, lines integer)
language plpgsql security definer set search_path from current as $fn$
#variable_conflict use_column
declare
  n_sessions integer;
  n_lines integer;
begin
  if not (pg_has_role(session_user, 'sop_supervisor', 'member')
          or exists (select 1 from pg_roles where rolname = session_user and rolsuper)
          or ${ownerIs}) then
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
  select count(*)::integer, coalesce(sum(n), 0)::integer into n_sessions, n_lines from pg_temp.sop_old;
  if not p_dry then
    insert into sop_purged (journal, session) select o.journal, o.session from pg_temp.sop_old o on conflict do nothing;
    delete from sop_lines l using pg_temp.sop_old o where l.journal = o.journal and l.session = o.session;
  end if;
  return query select n_sessions, n_lines;
end $fn$;
`;
}

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
${CHAIN_VERDICTS}
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

${purgeFunction("session_user = (select tableowner from pg_tables where tablename = 'sop_lines' and schemaname = current_schema())")}

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

/**
 * Version 2: lines arrive through a staging table, checked set-based, and every SECURITY DEFINER
 * function has its search_path pinned.
 *   - sop_stage_open() makes (or empties) this connection's pg_temp.sop_stage, owned by the
 *     store's owner, the caller granted INSERT on it only: a client COPYs its lines there (or
 *     inserts them as arrays where COPY is not served), then sop_ingest(journal) checks them all
 *     in SQL and inserts the good ones. sop_ingest reads only a staging table sop_stage_open made
 *     (owner and kind checked), never one the caller made under that name.
 *   - One hash per line on the server: sha256 of the line (the chain needs it). The body hash (the
 *     line without its prev) is computed once by the sending machine, stored as sent and checked
 *     by `sop log verify --db`; a conflict is decided on the bodies' bytes, not on what the client
 *     says their hash is.
 *   - search_path = pg_catalog, <schema>, pg_temp for every SECURITY DEFINER function: a temp
 *     table, or function, a caller makes with the name of a store object is never the one used
 *     (with pg_temp unnamed, PostgreSQL would search it first).
 */
const V2 = `
drop function sop_ingest(text, text[], text[], integer[], text[], boolean[]);

create function sop_stage_open() returns void
language plpgsql security definer set search_path from current as $fn$
declare
  staged regclass := to_regclass('pg_temp.sop_stage');
begin
  if staged is null then
    create temp table sop_stage (ord integer not null, file text not null, anchor boolean not null, body_hash text not null, raw text not null) on commit delete rows;
    execute format('grant insert on pg_temp.sop_stage to %I', session_user);
  elsif not exists (select 1 from pg_class c where c.oid = staged and c.relkind = 'r' and c.relpersistence = 't'
                    and c.relowner = (select r.oid from pg_roles r where r.rolname = current_user)) then
    raise exception 'pg_temp.sop_stage was not made by sop_stage_open(): drop it, then sync again' using errcode = '42501';
  else
    truncate pg_temp.sop_stage;
  end if;
end $fn$;

create function sop_ingest(p_journal text)
returns table (kind text, file text, session text, seq integer, detail text)
-- jit off: compiling these short statements cost more than running them (25 ms a batch);
-- work_mem: a batch's sorts in memory, not spilled to disk.
language plpgsql security definer set search_path from current set jit = off set work_mem = '64MB' as $fn$
#variable_conflict use_column
begin
  if not coalesce((select c.relkind = 'r' and c.relpersistence = 't' and c.relowner = (select r.oid from pg_roles r where r.rolname = current_user)
                   from pg_class c where c.oid = to_regclass('pg_temp.sop_stage')), false) then
    raise exception 'nothing staged by sop_stage_open() on this connection' using errcode = '42501';
  end if;
  perform pg_advisory_xact_lock(hashtext('sop-journal:' || p_journal));
  return query
  -- Each line parsed once, its bytes hashed once (the chain needs sha256 of the whole line); the
  -- prev suffix compared as bytes (length() and right() of text count characters, which cost more
  -- than the hash). offset 0 keeps each expression computed once, not once per use.
  with b as materialized (
    select s.ord, s.file, s.anchor, s.body_hash, s.raw, s.line,
           s.line->>'session' as session, (s.line->>'seq')::integer as seq,
           encode(sha256(s.bytes), 'hex') as hash,
           case when substr(s.bytes, length(s.bytes) - 74) = convert_to(',"prev":"' || (s.line->>'prev') || '"}', 'UTF8') then s.line->>'prev' end as prev
    from (select st.*, ${LINE_AS_JSONB} as line, convert_to(st.raw, 'UTF8') as bytes from pg_temp.sop_stage st offset 0) s
  ),
  -- The store's copy of each key looked up by its primary key, line by line (a subquery, not a
  -- join: a join's plan may read every line of the journal for each batch); the journal's
  -- tombstones, few, joined.
  c as (
    select t.*,
           lag(t.hash) over f as pred_hash, lag(t.session) over f as pred_session,
           lag(t.seq) over f as pred_seq, lag(t.prev) over f as pred_prev,
           case when t.purged then 'purged'
                when t.stored_raw is null then case when t.anchor then 'missing' else 'new' end
                when left(t.stored_raw, -75) = left(t.raw, -75) then 'there'
                else 'conflict' end as state
    from (
      select b.*,
             pu.session is not null as purged,
             (select l.raw from sop_lines l where l.journal = p_journal and l.session = b.session and l.seq = b.seq) as stored_raw
      from b left join (select distinct p.session from sop_purged p where p.journal = p_journal) pu on pu.session = b.session
      offset 0
    ) t
    window f as (partition by t.file order by t.ord)
  ),
  j as (
    select c.*, case
${CHAIN_VERDICTS}
        -- A gap: the session's line before it is neither just before it in the file (the usual
        -- case, no lookup), nor earlier in the batch, nor in the store.
        when c.state = 'new' and c.seq > 0
             and not (c.pred_session = c.session and c.pred_seq = c.seq - 1)
             and not exists (select 1 from b e where e.session = c.session and e.seq = c.seq - 1 and e.ord < c.ord)
             and not exists (select 1 from sop_lines l where l.journal = p_journal and l.session = c.session and l.seq = c.seq - 1)
          then 'gap: line ' || (c.seq - 1) || ' of this session is missing'
      end as bad
    from c
  ),
  -- One pass over the verdicts for what a clean batch needs; the lines of a batch with a refusal
  -- or a conflict are gone over again only then (the gated parts below do not run otherwise).
  summary as (
    select count(*) filter (where j.bad is not null) as bad,
           count(*) filter (where j.state = 'conflict') as conflicts,
           count(*) filter (where j.state = 'there' and not j.anchor) as there,
           count(*) filter (where j.state = 'purged' and not j.anchor) as purged
    from j
  ),
  first_bad as (select j.file, min(j.ord) as ord from j where (select bad from summary) > 0 and j.bad is not null group by j.file),
  conflicted as (select distinct j.session from j where (select conflicts from summary) > 0 and j.state = 'conflict'),
  stored as (
    insert into sop_lines (journal, session, seq, mode, file, raw, hash, body_hash, prev, prev_session, prev_seq, pred_prev, counsellor, line)
    select p_journal, j.session, j.seq, case when j.file like 'training/%' then 'training' else 'live' end,
           j.file, j.raw, j.hash, j.body_hash, j.prev, j.pred_session, j.pred_seq, j.pred_prev, session_user, j.line
    from j
    where j.state = 'new' and not j.anchor
      and case when (select bad + conflicts from summary) = 0 then true
               else j.ord < coalesce((select fb.ord from first_bad fb where fb.file = j.file), j.ord + 1)
                    and not exists (select 1 from conflicted x where x.session = j.session) end
    returning 1
  )
  select r.kind, r.file, r.session, r.seq, r.detail from (
    select 0 as rank, 0 as ord, 'stored'::text as kind, null::text as file, null::text as session, null::integer as seq, (select count(*) from stored)::text as detail
    union all select 1, 0, 'there', null, null, null, there::text from summary
    union all select 2, 0, 'purged', null, null, null, purged::text from summary
    union all select 3, j.ord, 'conflict', j.file, j.session, j.seq, null from j where (select conflicts from summary) > 0 and j.state = 'conflict' and not j.anchor
    union all select 4, j.ord, 'refused', j.file, j.session, j.seq, j.bad from j join first_bad fb on fb.ord = j.ord
  ) r order by r.rank, r.ord;
end $fn$;

-- The owner check no longer asks current_schema(): with search_path pinned it is pg_catalog.
${purgeFunction("(select c.relowner from pg_class c where c.oid = 'sop_lines'::regclass) = (select r.oid from pg_roles r where r.rolname = session_user)")}

do $$ begin
  execute format('alter function sop_stage_open() set search_path = pg_catalog, %I, pg_temp', current_schema());
  execute format('alter function sop_ingest(text) set search_path = pg_catalog, %I, pg_temp', current_schema());
  execute format('alter function sop_state(text) set search_path = pg_catalog, %I, pg_temp', current_schema());
  execute format('alter function sop_purge(timestamptz, boolean) set search_path = pg_catalog, %I, pg_temp', current_schema());
end $$;

revoke all on function sop_stage_open() from public;
revoke all on function sop_ingest(text) from public;
grant execute on function sop_stage_open() to sop_counsellor, sop_supervisor;
grant execute on function sop_ingest(text) to sop_counsellor, sop_supervisor;
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'journal lines, purged sessions, counsellor and supervisor roles', sql: V1 },
  { version: 2, name: 'lines staged (COPY) and checked set-based; search_path pinned in every SECURITY DEFINER function', sql: V2 },
];

/** The schema version this tool knows (the last migration). */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
