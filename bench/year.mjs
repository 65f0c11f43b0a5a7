// A year of journals (issue 17): `sop log verify`, `sop stats` and `sop replay --check` of the
// built binary on journals of 1,000 / 10,000 / 50,000 calls, each against floors measured in the
// same run (bench/floors/journal-floor.mjs: read the same files a block at a time and, per line,
//   hash        SHA-256 (verify's floor),
//   parse       JSON.parse (the floor of stats and replay --check),
//   hash-parse  both (what verify must do at least to check seq numbers too; shown for reference)).
// Targets: verify <= 1.3x the hash floor, stats and replay --check <= 1.3x the parse floor, at every
// size; peak memory (max RSS, from /usr/bin/time) <= 1.2x the floor's at 50,000 calls. Also the
// growth: milliseconds per 1,000 calls at each size. Times are medians of wall-clock time, with
// CPU time (user + system, steadier on a shared machine) beside them; replay --check runs on one
// thread (SOP_REPLAY_WORKERS=0), as its floor does, so that its figures do not depend on whether
// a core happened to be idle.
//
// The journal: the shipped scenarios' paths through the shipped SOPs (run by the engine, protected
// as the writer protects them), one call after another over a year (live month files with their
// .head, as sop writes them), with times between steps that vary from call to call. Generated
// once per size into the system's temporary folder and kept for the next run (SOP_BENCH_YEAR_DIR
// puts it elsewhere; delete the folder to regenerate).
//   node bench/year.mjs            (1k, 10k, 50k calls; about 15 minutes)
//   node bench/year.mjs --quick    (1k, 10k)
// Needs `npm run build` (it runs bin/sop.cjs).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSources, ROOT as root } from './lib.mjs';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
const ROUNDS = { 1000: 5, 10000: 3, 50000: 3 };
const NO_PREV = '0'.repeat(64);
const TIME = '/usr/bin/time';
const floorScript = join(root, 'bench', 'floors', 'journal-floor.mjs');
const sop = join(root, 'bin', 'sop.cjs');
const cacheRoot = process.env.SOP_BENCH_YEAR_DIR ?? join(tmpdir(), 'sop-bench-year');

/** A small deterministic generator (mulberry32): the same journal on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function scenarioRuns() {
  const { readLibrary, readScenarios, runScenario, protect } = await importSources([
    "export { readLibrary } from './src/shell/library/read-library.ts';",
    "export { readScenarios } from './src/shell/library/read-scenarios.ts';",
    "export { runScenario } from './src/core/check/run-scenario.ts';",
    "export { protect } from './src/shell/journal/protect.ts';",
  ]);
  const cwd = process.cwd();
  process.chdir(root);
  const { library } = await readLibrary(['sops']);
  const { scenarios } = await readScenarios(['sops/scenarios']);
  process.chdir(cwd);
  const runs = scenarios.map((source) => runScenario(library, source)).filter((run) => run.passed);
  const files = [...library.sops.values()].map((l) => ({ sop: l.sop.sop, file: l.file, sha256: l.sha256 }));
  const fingerprint = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 12);
  return { library, runs: runs.map((run) => ({ ...run, events: run.events.map((event) => protect(event)) })), files, fingerprint };
}

/** `calls` calls over 2026, in month files with their heads, in `dataDir`. */
function generate(dataDir, calls, { library, runs, files }) {
  const dir = join(dataDir, 'journal', 'calls');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const rand = random(calls);
  const yearMs = Date.UTC(2027, 0, 1) - Date.UTC(2026, 0, 1);
  const operators = ['olena', 'taras', 'iryna', 'mykola', 'sofia'];
  let month;
  let fd;
  let size = 0;
  let prev = NO_PREV;
  let pending = '';
  const flush = () => {
    if (fd === undefined) return;
    if (pending) writeSync(fd, pending);
    pending = '';
    closeSync(fd);
    writeFileSync(`${join(dir, month)}.head`, `${JSON.stringify({ size, last: prev })}`.padEnd(127, ' ') + '\n', { mode: 0o600 });
  };
  for (let n = 0; n < calls; n++) {
    const started = Date.UTC(2026, 0, 1) + Math.floor((n * yearMs) / calls);
    const date = new Date(started);
    const name = `${date.toISOString().slice(0, 7)}.jsonl`;
    if (name !== month) {
      flush();
      month = name;
      fd = openSync(join(dir, name), 'w', 0o600);
      size = 0;
      prev = NO_PREV;
    }
    const run = runs[Math.floor(rand() * runs.length)];
    const stamp = date.toISOString().replace(/[-:]/g, '');
    const session = `${stamp.slice(0, 8)}-${stamp.slice(9, 13)}-${n.toString(36).padStart(4, '0')}`;
    let ms = 0;
    const events = [
      { type: 'session-start', sop: run.sop, version: library.sops.get(run.sop).sop.version, files, operator: operators[n % operators.length], lang: rand() < 0.8 ? 'uk' : 'en', tool: 'bench', mode: 'live' },
      ...run.events,
      { type: 'session-end', outcome: run.outcome, referrals: [], durationMs: 0 },
    ];
    events.forEach((event, seq) => {
      // A counsellor takes 2-60 s over a step; other events follow within a few milliseconds.
      ms += event.type === 'answer' || event.type === 'amend' ? Math.floor(2000 + rand() * 58_000) : Math.floor(rand() * 5);
      const at = new Date(started + ms).toISOString();
      const body = event.type === 'session-end' ? { ...event, durationMs: ms } : event;
      const line = JSON.stringify({ v: 1, session, seq, at, ms, ...body, prev });
      prev = createHash('sha256').update(line).digest('hex');
      pending += `${line}\n`;
      size += Buffer.byteLength(line) + 1;
    });
    if (pending.length > 1 << 20) {
      writeSync(fd, pending);
      pending = '';
    }
  }
  flush();
}

async function journalFor(calls, runs) {
  const dataDir = join(cacheRoot, `${calls}-${runs.fingerprint}`);
  if (!existsSync(join(dataDir, 'done'))) {
    rmSync(dataDir, { recursive: true, force: true });
    const partial = `${dataDir}.partial-${process.pid}`;
    generate(partial, calls, runs);
    writeFileSync(join(partial, 'done'), '');
    renameSync(partial, dataDir);
  }
  const dir = join(dataDir, 'journal', 'calls');
  const bytes = readdirSync(dir).filter((n) => n.endsWith('.jsonl')).reduce((sum, n) => sum + statSync(join(dir, n)).size, 0);
  return { dataDir, bytes };
}

/** One run under /usr/bin/time: wall and CPU (user + system) ms, max RSS in MiB, exit status, stdout. */
function timed(args) {
  const env = { ...process.env, NO_COLOR: '1', SOP_REPLAY_WORKERS: '0' };
  const result = spawnSync(TIME, ['-f', '%e %U %S %M', process.execPath, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30, env });
  const stderr = result.stderr.toString().trimEnd().split('\n');
  const [seconds, user, system, kb] = stderr[stderr.length - 1].split(' ').map(Number);
  return { ms: seconds * 1000, cpuMs: (user + system) * 1000, rssMiB: kb / 1024, status: result.status, stdout: result.stdout.toString(), stderr: stderr.slice(0, -1).join('\n') };
}

/** Every case once per round, in turn (the load of this shared machine weighs on all alike); median time and max RSS per case. */
function interleaved(cases, rounds) {
  const runs = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let i = 0; i < rounds; i++) for (const [name, args] of Object.entries(cases)) runs[name].push(timed(args));
  return Object.fromEntries(
    Object.entries(runs).map(([name, list]) => {
      const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
      return [name, { ms: median(list.map((r) => r.ms)), cpuMs: median(list.map((r) => r.cpuMs)), rssMiB: Math.max(...list.map((r) => r.rssMiB)), last: list[list.length - 1] }];
    }),
  );
}

const runs = await scenarioRuns();
console.log(`a year of journals (node ${process.version}); ${runs.runs.length} scenario paths; load average ${loadavg()[0].toFixed(2)} at the start`);
const verdicts = [];
for (const calls of SIZES) {
  const { dataDir, bytes } = await journalFor(calls, runs);
  const cases = {
    'hash floor': [floorScript, 'hash', dataDir],
    'parse floor': [floorScript, 'parse', dataDir],
    'hash+parse floor': [floorScript, 'hash-parse', dataDir],
    'sop log verify': [sop, 'log', 'verify', '--data-dir', dataDir],
    'sop stats': [sop, 'stats', '--data-dir', dataDir, '--sops', 'sops', '--format', 'json'],
    'sop replay --check': [sop, 'replay', '--check', '--data-dir', dataDir, '--sops', 'sops'],
  };
  const warm = Object.values(cases).map((args) => timed(args));
  const failed = Object.keys(cases).filter((_, i) => warm[i].status !== 0);
  if (failed.length > 0) throw new Error(`${failed.join(', ')} failed at ${calls} calls: ${failed.map((name) => warm[Object.keys(cases).indexOf(name)].stderr).join('\n')}`);
  const r = interleaved(cases, ROUNDS[calls]);
  const target = { 'sop log verify': 'hash floor', 'sop stats': 'parse floor', 'sop replay --check': 'parse floor' };
  console.log(`\n${calls.toLocaleString('en-US')} calls (${(bytes / 1e6).toFixed(0)} MB), median of ${ROUNDS[calls]} runs, load average ${loadavg()[0].toFixed(2)}`);
  for (const [name, { ms, cpuMs, rssMiB }] of Object.entries(r)) {
    const floor = target[name];
    const ratio = floor ? `  ${(ms / r[floor].ms).toFixed(2)}x ${floor} (CPU ${(cpuMs / r[floor].cpuMs).toFixed(2)}x), memory ${(rssMiB / r[floor].rssMiB).toFixed(2)}x` : '';
    console.log(`  ${name.padEnd(20)} ${ms.toFixed(0).padStart(7)} ms  CPU ${cpuMs.toFixed(0).padStart(7)} ms  ${((ms / calls) * 1000).toFixed(0).padStart(6)} ms/1k calls  max RSS ${rssMiB.toFixed(0).padStart(5)} MiB${ratio}`);
    if (floor) verdicts.push({ calls, name, time: ms / r[floor].ms, cpu: cpuMs / r[floor].cpuMs, memory: rssMiB / r[floor].rssMiB });
  }
}
console.log('\ntargets: time <= 1.3x at every size; memory <= 1.2x at 50,000 calls');
for (const name of ['sop log verify', 'sop stats', 'sop replay --check']) {
  const mine = verdicts.filter((v) => v.name === name);
  const timeMet = mine.every((v) => v.time <= 1.3);
  const largest = mine[mine.length - 1];
  const memory = largest.calls === 50_000 ? `memory ${largest.memory.toFixed(2)}x at 50k: ${largest.memory <= 1.2 ? 'met' : 'NOT met'}` : 'memory: needs the 50k size (not --quick)';
  console.log(`  ${name.padEnd(20)} time ${mine.map((v) => `${v.time.toFixed(2)}x`).join(' / ')} (CPU ${mine.map((v) => `${v.cpu.toFixed(2)}x`).join(' / ')}): ${timeMet ? 'met' : 'NOT met'}; ${memory}`);
}
