// Replay and test costs, as ratios against baselines measured in the same run (noisy machines):
//   replay --check  `sop replay --check` over 10,000 recorded calls (the shipped scenarios run
//                   through the engine, protected like the journal does, written as exported
//                   JSON Lines with a hash chain, 1,000 calls per file) — target: <= 1 s wall;
//                   against the parse floor (a script that only reads and JSON.parses the same
//                   files) and a bare `node -e 0`; also with the worker threads turned off, and
//                   with one worker forced (by default workers start only for idle cores).
//   sop test        `sop test` over the shipped scenarios vs a bare `node -e 0` — target <= 1.5x.
// Needs `npm run build` (it runs bin/sop.cjs). Generation bundles src/ with esbuild.
//   node bench/replay.mjs            (a few minutes on a busy machine)
//   SOP_BENCH_COMPARE=/tmp/old node bench/replay.mjs   also times another checkout's built sop
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSources, ROOT as root } from './lib.mjs';

const CALLS = 10_000;
const PER_FILE = 1_000;
const ROUNDS = 7;
const work = mkdtempSync(join(tmpdir(), 'sop-bench-replay-'));
const NO_PREV = '0'.repeat(64);

async function generate() {
  const { readLibrary, readScenarios, runScenario, protect } = await importSources([
    "export { readLibrary } from './src/shell/library/read-library.ts';",
    "export { readScenarios } from './src/shell/library/read-scenarios.ts';",
    "export { runScenario } from './src/core/check/run-scenario.ts';",
    "export { protect } from './src/shell/journal/protect.ts';",
  ]);
  process.chdir(root);
  const { library } = await readLibrary(['sops']);
  const { scenarios } = await readScenarios(['sops/scenarios']);
  const runs = scenarios.map((source) => runScenario(library, source)).filter((run) => run.passed);
  const files = [...library.sops.values()].map((l) => ({ sop: l.sop.sop, file: l.file, sha256: l.sha256 }));
  const dir = join(work, 'calls');
  mkdirSync(dir);
  let lines = 0;
  for (let f = 0; f < CALLS / PER_FILE; f++) {
    let prev = NO_PREV;
    let text = '';
    for (let c = 0; c < PER_FILE; c++) {
      const n = f * PER_FILE + c;
      const run = runs[n % runs.length];
      const session = `20261101-0000-${String(n).padStart(5, '0')}`;
      const at = new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString();
      const events = [
        { type: 'session-start', sop: run.sop, version: library.sops.get(run.sop).sop.version, files, operator: 'bench', lang: 'uk', tool: 'bench', mode: 'live' },
        ...run.events.map((event) => protect(event)),
        { type: 'session-end', outcome: run.outcome, referrals: [], durationMs: 1000 },
      ];
      events.forEach((event, seq) => {
        const line = JSON.stringify({ v: 1, session, seq, at, ms: seq * 1000, ...event, prev });
        prev = createHash('sha256').update(line).digest('hex');
        text += `${line}\n`;
        lines++;
      });
    }
    writeFileSync(join(dir, `calls-${String(f).padStart(2, '0')}.jsonl`), text);
  }
  return { dir, lines, scenarios: runs.length };
}

/**
 * Runs every case once per round, the cases in turn, so that a change of load on this shared
 * machine weighs on every case alike; median of the rounds per case.
 */
function interleaved(cases) {
  const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  const last = {};
  for (let i = 0; i < ROUNDS; i++) {
    for (const [name, { args, env }] of Object.entries(cases)) {
      const t0 = performance.now();
      last[name] = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28, ...(env ? { env: { ...process.env, ...env } } : {}) });
      times[name].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(
    Object.entries(times).map(([name, list]) => {
      list.sort((a, b) => a - b);
      return [name, { median: list[Math.floor(list.length / 2)], status: last[name].status, stdout: last[name].stdout.toString() }];
    }),
  );
}

const loadAtStart = loadavg()[0].toFixed(2);
try {
  const { dir, lines, scenarios } = await generate();
  const floorScript = join(work, 'floor.mjs');
  writeFileSync(
    floorScript,
    `import { readdirSync, readFileSync } from 'node:fs';
let n = 0;
for (const f of readdirSync(${JSON.stringify(dir)})) for (const l of readFileSync(${JSON.stringify(dir)} + '/' + f, 'utf8').split('\\n')) if (l) { JSON.parse(l); n++; }
if (n === 0) process.exit(1);`,
  );
  const replay = (bin, workers) => ({ args: [bin, 'replay', '--check', dir, '--sops', 'sops', '--format', 'json'], ...(workers === undefined ? {} : { env: { SOP_REPLAY_WORKERS: workers } }) });
  // SOP_BENCH_COMPARE=DIR: also time the built sop of another checkout (e.g. the commit before a change).
  // Checkouts from before the CommonJS entry have bin/sop.js.
  const otherBin = (dir) => (existsSync(join(dir, 'bin/sop.cjs')) ? join(dir, 'bin/sop.cjs') : join(dir, 'bin/sop.js'));
  const other = process.env.SOP_BENCH_COMPARE ? otherBin(process.env.SOP_BENCH_COMPARE) : undefined;
  const { bare, floor, check, single, worker, test, ...compared } = interleaved({
    bare: { args: ['-e', '0'] },
    floor: { args: [floorScript] },
    check: replay('bin/sop.cjs'),
    single: replay('bin/sop.cjs', '0'),
    worker: replay('bin/sop.cjs', '1'),
    test: { args: ['bin/sop.cjs', 'test'] },
    ...(other ? { otherCheck: replay(other), otherSingle: replay(other, '0') } : {}),
  });
  const summary = JSON.parse(check.stdout).summary;
  const row = (name, ms, base) => `${name.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms   ${(ms / base).toFixed(2)}x`;
  console.log(`${CALLS} calls (${lines} journal lines, ${scenarios} scenario paths), median of ${ROUNDS} runs; load average ${loadAtStart} at the start, ${loadavg()[0].toFixed(2)} at the end`);
  console.log(row('node -e 0 (baseline)', bare.median, bare.median));
  console.log(row('parse floor: read + JSON.parse the same files', floor.median, bare.median));
  console.log(row('sop replay --check (10,000 calls)', check.median, bare.median));
  console.log(row('sop replay --check, one thread (SOP_REPLAY_WORKERS=0)', single.median, bare.median));
  console.log(row('sop replay --check, one worker (SOP_REPLAY_WORKERS=1)', worker.median, bare.median));
  if (compared.otherCheck) {
    console.log(row(`  ${process.env.SOP_BENCH_COMPARE}: replay --check`, compared.otherCheck.median, bare.median));
    console.log(row(`  ${process.env.SOP_BENCH_COMPARE}: one thread`, compared.otherSingle.median, bare.median));
    console.log(`  vs parse floor: this ${(check.median / floor.median).toFixed(2)}x / ${(single.median / floor.median).toFixed(2)}x one thread; other ${(compared.otherCheck.median / floor.median).toFixed(2)}x / ${(compared.otherSingle.median / floor.median).toFixed(2)}x`);
  }
  console.log(`  replay --check vs parse floor: ${(check.median / floor.median).toFixed(2)}x; target <= 1000 ms: ${check.median <= 1000 ? 'met' : 'NOT met'}`);
  console.log(`  result: ${JSON.stringify(summary)} (exit ${check.status})`);
  console.log(row(`sop test (${scenarios} shipped scenarios)`, test.median, bare.median));
  console.log(`  sop test vs node -e 0: ${(test.median / bare.median).toFixed(2)}x; target <= 1.5x: ${test.median / bare.median <= 1.5 ? 'met' : 'NOT met'}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
