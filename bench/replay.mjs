// Replay and test costs, as ratios against baselines measured in the same run (noisy machines):
//   replay --check  `sop replay --check` over 10,000 recorded calls (the shipped scenarios run
//                   through the engine, protected like the journal does, written as exported
//                   JSON Lines with a hash chain, 1,000 calls per file) — target: <= 1 s wall;
//                   against the parse floor (a script that only reads and JSON.parses the same
//                   files) and a bare `node -e 0`; also with the worker threads turned off.
//   sop test        `sop test` over the shipped scenarios vs a bare `node -e 0` — target <= 1.5x.
// Needs `npm run build` (it runs bin/sop.js). Generation bundles src/ with esbuild.
//   node bench/replay.mjs            (about 30 s)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

function wall(args, options = {}) {
  const times = [];
  let last;
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    last = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28, ...options });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], status: last.status, stdout: last.stdout.toString() };
}

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
  const bare = wall(['-e', '0']);
  const floor = wall([floorScript]);
  const check = wall(['bin/sop.js', 'replay', '--check', dir, '--sops', 'sops', '--format', 'json']);
  const summary = JSON.parse(check.stdout).summary;
  const single = wall(['bin/sop.js', 'replay', '--check', dir, '--sops', 'sops', '--format', 'json'], { env: { ...process.env, SOP_REPLAY_WORKERS: '0' } });
  const test = wall(['bin/sop.js', 'test']);
  const row = (name, ms, base) => `${name.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms   ${(ms / base).toFixed(2)}x`;
  console.log(`${CALLS} calls (${lines} journal lines, ${scenarios} scenario paths), median of ${ROUNDS} runs`);
  console.log(row('node -e 0 (baseline)', bare.median, bare.median));
  console.log(row('parse floor: read + JSON.parse the same files', floor.median, bare.median));
  console.log(row('sop replay --check (10,000 calls)', check.median, bare.median));
  console.log(row('sop replay --check, one thread (SOP_REPLAY_WORKERS=0)', single.median, bare.median));
  console.log(`  replay --check vs parse floor: ${(check.median / floor.median).toFixed(2)}x; target <= 1000 ms: ${check.median <= 1000 ? 'met' : 'NOT met'}`);
  console.log(`  result: ${JSON.stringify(summary)} (exit ${check.status})`);
  console.log(row(`sop test (${scenarios} shipped scenarios)`, test.median, bare.median));
  console.log(`  sop test vs node -e 0: ${(test.median / bare.median).toFixed(2)}x; target <= 1.5x: ${test.median / bare.median <= 1.5 ? 'met' : 'NOT met'}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
