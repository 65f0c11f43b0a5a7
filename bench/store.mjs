// The shared store (PostgreSQL), as ratios against floors measured in the same run:
//   sync      `sop sync` of 10,000 recorded calls into an empty store vs a bare COPY of the same
//             rows through pg (bench/floors/store-copy.mjs)                       target <= 1.5x
//   stats     `sop stats --db` over 100,000 calls vs the same query (STATS_SQL) by hand in psql
//                                                                                target <= 1.2x
//   nothing   a second `sop sync` with nothing new vs bare Node start-up (node -e 0)  <= 2x
// Needs a PostgreSQL: SOP_BENCH_DATABASE_URL, else SOP_TEST_DATABASE_URL, else the server on
// 127.0.0.1:5432 when pg_isready finds one; skips with a message otherwise. Works in a schema
// of its own, dropped at the end. Run `npm run build` first (npm run bench does).
//   node bench/store.mjs            (a few minutes)
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT, importSources } from './lib.mjs';

const CALLS = Number(process.env['SOP_BENCH_SYNC_CALLS'] ?? 10_000);
const STATS_CALLS = Number(process.env['SOP_BENCH_STATS_CALLS'] ?? 100_000);

function serverUrl() {
  const given = process.env['SOP_BENCH_DATABASE_URL'] || process.env['SOP_TEST_DATABASE_URL'];
  if (given) return given;
  const ready = spawnSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']);
  return ready.status === 0 ? 'postgres://postgres@127.0.0.1:5432/test' : undefined;
}
const base = serverUrl();
if (base === undefined) {
  process.stdout.write('store: skipped: no PostgreSQL (set SOP_BENCH_DATABASE_URL, or run one on 127.0.0.1:5432)\n');
  process.exit(0);
}
const psqlOk = spawnSync('psql', ['--version']).status === 0;

const schema = `sop_bench_${randomBytes(4).toString('hex')}`;
const url = `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create schema ${schema}`);
await admin.query(`set search_path to ${schema}`);
const work = mkdtempSync(join(tmpdir(), 'sop-bench-store-'));
const BIN = join(ROOT, 'bin', 'sop.cjs');

function sop(args, env = {}) {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`sop ${args.join(' ')}: exit ${result.status}\n${result.stderr}`);
  return { ms, stdout: result.stdout, stderr: result.stderr };
}
const timed = (command, args, env) => {
  const t0 = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${command}: exit ${result.status}\n${result.stderr}`);
  return { ms: performance.now() - t0, stdout: result.stdout };
};

/** A journal of `calls` calls as sop run writes them (8 lines each), the chain computed. */
function writeJournal(dataDir, calls) {
  const dir = join(dataDir, 'journal', 'calls');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let prev = '0'.repeat(64);
  const out = [];
  const t = Date.parse('2026-11-01T08:00:00.000Z');
  for (let i = 0; i < calls; i++) {
    const session = `202611${String(1 + (i % 28)).padStart(2, '0')}-0800-${i.toString(36).padStart(4, '0')}`;
    const at = (ms) => new Date(t + i * 60_000 + ms).toISOString();
    const sop = i % 3 === 0 ? 'emergency' : 'first-contact';
    const events = [
      { type: 'session-start', sop, version: '1.0.0', files: [], operator: `c${i % 40}`, lang: 'uk', tool: '0.1.0', mode: 'live' },
      { type: 'sop-entered', sop, from: '' },
      { type: 'step-shown', step: `${sop}/greeting`, kind: 'say' },
      { type: 'answer', step: `${sop}/greeting`, answer: { kind: 'continue' }, value: null, sensitive: false },
      { type: 'step-shown', step: `${sop}/call-type`, kind: 'ask' },
      { type: 'answer', step: `${sop}/call-type`, answer: { kind: 'option', option: i % 2 ? 'victim' : 'job-offer' }, value: i % 2 ? 'victim' : 'job-offer', sensitive: false, stat: 'call-type' },
      { type: 'call-ended', outcome: `${sop}/referred`, referrals: [] },
      { type: 'session-end', outcome: `${sop}/referred`, referrals: [], durationMs: 60_000 + (i % 600) * 1000 },
    ];
    events.forEach((event, seq) => {
      const raw = JSON.stringify({ v: 1, session, seq, at: at(seq * 1000), ms: seq * 1000 + (i % 7) * 100, ...event, prev });
      prev = createHash('sha256').update(raw).digest('hex');
      out.push(raw);
    });
  }
  writeFileSync(join(dir, '2026-11.jsonl'), `${out.join('\n')}\n`, { mode: 0o600 });
}

const results = [];
const report = (name, ms, floorMs, floorName, target) => {
  const ratio = ms / floorMs;
  results.push({ name, ratio, target });
  process.stdout.write(`${name.padEnd(8)} ${ms.toFixed(0).padStart(7)} ms   ${floorName} ${floorMs.toFixed(0).padStart(7)} ms   ${ratio.toFixed(2)}x (target <= ${target}x)\n`);
};

try {
  // 1. sync of CALLS calls vs a bare COPY of the same rows, best of 3 each, interleaved.
  const dataDir = join(work, 'data');
  writeJournal(dataDir, CALLS);
  sop(['db', 'init', url]);
  let syncMs = Infinity;
  let copyMs = Infinity;
  let lines = 0;
  for (let round = 0; round < 3; round++) {
    await admin.query('truncate sop_lines');
    rmSync(join(dataDir, 'sync'), { recursive: true, force: true });
    const run = sop(['sync', '--db', url, '--data-dir', dataDir]);
    syncMs = Math.min(syncMs, run.ms);
    lines = Number(/sent (\d+)/.exec(run.stderr)?.[1]);
    await admin.query('drop table if exists copy_floor; create table copy_floor (like sop_lines including all)');
    copyMs = Math.min(copyMs, timed(process.execPath, [join(ROOT, 'bench', 'floors', 'store-copy.mjs'), base, schema, 'copy_floor', dataDir]).ms);
  }
  process.stdout.write(`(${CALLS} calls, ${lines} lines)\n`);
  report('sync', syncMs, copyMs, 'COPY', 1.5);

  // 3. a second sync with nothing new vs bare Node start-up, best of 10.
  let againMs = Infinity;
  let nodeMs = Infinity;
  for (let round = 0; round < 10; round++) {
    againMs = Math.min(againMs, sop(['sync', '--db', url, '--data-dir', dataDir]).ms);
    nodeMs = Math.min(nodeMs, timed(process.execPath, ['-e', '0']).ms);
  }
  report('nothing', againMs, nodeMs, 'node  ', 2);

  // 2. stats over STATS_CALLS calls vs the same query in psql.
  const statsDir = join(work, 'stats');
  writeJournal(statsDir, STATS_CALLS);
  await admin.query('truncate sop_lines');
  timed(process.execPath, [join(ROOT, 'bench', 'floors', 'store-copy.mjs'), base, schema, 'sop_lines', statsDir]);
  await admin.query('analyze sop_lines');
  if (!psqlOk) {
    process.stdout.write('stats: skipped: psql is not installed\n');
  } else {
    const { STATS_SQL } = await importSources(["export { STATS_SQL } from './src/shell/store/stats-sql.ts';"]);
    const byHand = STATS_SQL.replace('$1', "'live'").replace(/\$2::text/g, 'null::text').replace(/\$3::text/g, 'null::text');
    let statsMs = Infinity;
    let psqlMs = Infinity;
    let same = true;
    for (let round = 0; round < 3; round++) {
      const ours = sop(['stats', '--db', url, '--format', 'json', '--raw']);
      statsMs = Math.min(statsMs, ours.ms);
      const theirs = timed('psql', [base, '-qAtX', '-c', byHand], { PGOPTIONS: `-c search_path=${schema}` });
      psqlMs = Math.min(psqlMs, theirs.ms);
      same &&= JSON.parse(ours.stdout).calls === JSON.parse(theirs.stdout).calls;
    }
    process.stdout.write(`(${STATS_CALLS} calls; the same count from both: ${same})\n`);
    report('stats', statsMs, psqlMs, 'psql  ', 1.2);
  }
} finally {
  await admin.query(`drop schema ${schema} cascade`).catch(() => undefined);
  await admin.end();
  rmSync(work, { recursive: true, force: true });
}
