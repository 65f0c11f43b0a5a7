/**
 * `sop stats --db`: the figures computed by PostgreSQL in one query (the same figures as
 * computeFigures in src/core/stats/, which this mirrors line by line); only the short lists of
 * counts come back to Node. Parameters: $1 mode, $2 since and $3 until (YYYY-MM-DD or null).
 */
import { CRASH, NOT_RECORDED, UNFINISHED, UNKNOWN, type Count, type Figures, type StepTime } from '../../core/stats/figures.js';

export const STATS_SQL = `
with lines as (
  select journal, session, seq, line from sop_lines where mode = $1
), s as (
  select journal, session,
         min(line->>'at') filter (where line->>'type' = 'session-start') as started,
         min(line->>'sop') filter (where line->>'type' = 'session-start') as sop,
         bool_or(line->>'type' = 'session-end') as completed,
         min(line->>'outcome') filter (where line->>'type' = 'session-end') as outcome,
         min((line->>'durationMs')::float8) filter (where line->>'type' = 'session-end') as duration,
         bool_or(line->>'type' = 'interrupted') as was_interrupted,
         max(seq) as last_seq,
         max(seq) filter (where line->>'type' = 'interrupted') as last_interrupted,
         (array_agg(line->>'reason' order by seq desc) filter (where line->>'type' = 'interrupted'))[1] as reason
  from lines group by journal, session
), p as (
  select *, case when completed then coalesce(outcome, '${UNFINISHED}') else '${UNFINISHED}' end as tally_outcome
  from s
  where started is not null
    and ($2::text is null or substr(started, 1, 10) >= $2::text)
    and ($3::text is null or substr(started, 1, 10) <= $3::text)
), e as (
  select l.journal, l.session, l.seq, l.line->>'type' as type, l.line->>'step' as step, (l.line->>'ms')::float8 as ms,
         l.line->>'stat' as stat, l.line->'value' as value
  from lines l join p on p.journal = l.journal and p.session = l.session
  where l.line->>'type' in ('step-shown', 'answer', 'amend')
), timed as (
  select step, type, ms - lag(ms) over w as spent, lag(type) over w as before
  from e window w as (partition by journal, session, step order by seq)
), samples as (
  select step, greatest(0, spent) as v from timed where type in ('answer', 'amend') and before = 'step-shown'
), stat_last as (
  select distinct on (journal, session, stat) journal, session, stat,
         case when value is null or jsonb_typeof(value) = 'null' then null
              when jsonb_typeof(value) = 'array' then (select string_agg(x #>> '{}', '+') from jsonb_array_elements(value) x)
              when value #>> '{}' = '[redacted]' then null
              else value #>> '{}' end as v
  from e where type in ('answer', 'amend') and stat is not null
  order by journal, session, stat, seq desc
), dims as (
  select stat from stat_last group by stat having count(v) > 0
)
select json_build_object(
  'calls', (select count(*) from p),
  'completed', (select count(*) from p where completed),
  'resumed', (select count(*) from p where completed and was_interrupted),
  'first', (select min(substr(started, 1, 10)) from p),
  'last', (select max(substr(started, 1, 10)) from p),
  'bySop', (select coalesce(json_agg(json_build_array(sop, n)), '[]') from (select sop, count(*) as n from p group by sop) x),
  'byOutcome', (select coalesce(json_agg(json_build_array(tally_outcome, n)), '[]') from (select tally_outcome, count(*) as n from p group by tally_outcome) x),
  'unfinishedBy', (select coalesce(json_agg(json_build_array(r, n)), '[]') from (
      select case when last_interrupted = last_seq then reason else '${CRASH}' end as r, count(*) as n from p where not completed group by 1) x),
  'duration', (select json_build_array(count(duration), round((percentile_cont(0.5) within group (order by duration))::numeric), percentile_disc(0.9) within group (order by duration)) from p where completed),
  'stepTimes', (select coalesce(json_agg(json_build_array(step, n, m, p90)), '[]') from (
      select step, count(*) as n, round((percentile_cont(0.5) within group (order by v))::numeric) as m, percentile_disc(0.9) within group (order by v) as p90
      from samples group by step) x),
  'amendments', (select coalesce(json_agg(json_build_array(step, n)), '[]') from (select step, count(*) as n from e where type = 'amend' group by step) x),
  'byStat', (select coalesce(json_agg(json_build_array(d.stat, v, n)), '[]') from (
      select d.stat, sl.v, count(*) as n from dims d join stat_last sl on sl.stat = d.stat where sl.v is not null group by d.stat, sl.v) d)
) as figures`;

type Pair = [string, number];

interface Raw {
  calls: number;
  completed: number;
  resumed: number;
  first: string | null;
  last: string | null;
  bySop: Pair[];
  byOutcome: Pair[];
  unfinishedBy: Pair[];
  duration: [number, number | null, number | null];
  stepTimes: [string, number, number, number][];
  amendments: Pair[];
  byStat: [string, string, number][];
}

/** Largest first, then by key: the order of computeFigures' tallies. */
function tally(pairs: readonly Pair[]): Count[] {
  return pairs
    .map(([key, count]) => ({ key, count: Number(count) }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export interface StoreFigureOptions {
  readonly mode: 'live' | 'training';
  readonly since?: string;
  readonly until?: string;
  readonly categoryOf?: (outcome: string) => string | undefined;
}

/** The query's one row as Figures. */
export function figuresFromRow(raw: Raw, options: StoreFigureOptions): Figures {
  const calls = Number(raw.calls);
  const completed = Number(raw.completed);
  const byOutcome = tally(raw.byOutcome);
  const categories = new Map<string, number>();
  if (options.categoryOf) {
    for (const { key, count } of byOutcome) {
      const category = key === UNFINISHED ? UNFINISHED : options.categoryOf(key) ?? UNKNOWN;
      categories.set(category, (categories.get(category) ?? 0) + count);
    }
  }
  const byStat: { [dimension: string]: Count[] } = {};
  const dimensions = [...new Set(raw.byStat.map(([stat]) => stat))].sort();
  for (const dimension of dimensions) {
    const values = raw.byStat.filter(([stat]) => stat === dimension).map(([, v, n]) => [v, Number(n)] as Pair);
    const valued = values.reduce((sum, [, n]) => sum + n, 0);
    byStat[dimension] = tally(calls > valued ? [...values, [NOT_RECORDED, calls - valued]] : values);
  }
  const [n, median, p90] = raw.duration;
  const stepTimes: StepTime[] = raw.stepTimes
    .map(([step, count, m, p]) => ({ step, n: Number(count), medianMs: Number(m), p90Ms: Number(p) }))
    .sort((a, b) => (a.step < b.step ? -1 : a.step > b.step ? 1 : 0));
  return {
    mode: options.mode,
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.until !== undefined ? { until: options.until } : {}),
    ...(raw.first !== null && raw.last !== null ? { first: raw.first, last: raw.last } : {}),
    calls,
    completed,
    unfinished: calls - completed,
    resumed: Number(raw.resumed),
    bySop: tally(raw.bySop),
    byStat,
    byOutcome,
    byCategory: options.categoryOf ? tally([...categories]) : [],
    unfinishedBy: tally(raw.unfinishedBy),
    duration: Number(n) === 0 ? { n: 0 } : { n: Number(n), medianMs: Number(median), p90Ms: Number(p90) },
    stepTimes,
    amendments: tally(raw.amendments),
  };
}

export async function storeFigures(store: { query<R extends Record<string, unknown>>(sql: string, values?: readonly unknown[]): Promise<R[]> }, options: StoreFigureOptions): Promise<Figures> {
  const [row] = await store.query<{ figures: Raw }>(STATS_SQL, [options.mode, options.since ?? null, options.until ?? null]);
  return figuresFromRow(row!.figures, options);
}
