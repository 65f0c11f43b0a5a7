// The shipped library (sops/) through the built binary, as ratios against a bare `node -e ""`
// start measured in the same run (machines here are noisy). Answers: does checking and testing
// the whole library stay within a few Node start-ups, so that editors and CI can run it on every
// save and push? And how close can it get: each target is set beside a *floor*, a script that
// does only the part of the command's work the issue itself requires on every run (see
// bench/floors/), so a target below its floor is shown to be out of reach, not just unmet. The
// floors run as sop does: a minified CommonJS bundle through a V8 code cache (bench/lib.mjs).
//   1. sop --version
//   2. sop validate --no-cache sops/   (every SOP, the directory, every scenario; cold parse)
//   3. sop validate sops/              (parse cache warm)         target <= 1.3x bare node
//      floor: the JSON Schema check of every file (ajv, precompiled), parses handed over
//   4. sop test sops/scenarios/        (every scenario through the engine)   target <= 1.5x
//      floor: the schema check as above, and CEL loaded with every condition checked and compiled
// Every case runs once per round, the cases in turn, so a change of load weighs on all alike;
// the figure is the median over the rounds. Needs `npm run build`.
//   node bench/library.mjs   (about 30 s; BENCH_RUNS=N rounds, default 11)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildFloors, ROOT as root, warmUp, writeParsedFiles } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const scratch = mkdtempSync(join(tmpdir(), 'sop-bench-library-'));
const env = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: join(scratch, 'cache') };

function run(args, okCodes) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env });
  const ms = performance.now() - start;
  if (!okCodes.includes(result.status)) throw new Error(`${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return ms;
}

function libraryFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return libraryFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  const files = libraryFiles(join(root, 'sops'));
  const parsed = await writeParsedFiles(files, join(scratch, 'parsed.json'));
  const floors = await buildFloors(join(scratch, 'floors'), ['warm-validate', 'scenario-test']);
  const scenarios = files.filter((file) => file.endsWith('.scenario.yaml')).length;
  const sops = files.filter((file) => file.endsWith('.sop.yaml')).length;
  const cases = [
    ['bare', 'node -e ""', ['-e', ''], [0]],
    ['version', 'sop --version', ['bin/sop.cjs', '--version'], [0]],
    ['cold', `sop validate --no-cache sops/ (${sops} SOPs, ${scenarios} scenarios)`, ['bin/sop.cjs', 'validate', '--no-cache', 'sops/'], [0]],
    ['warm', 'sop validate sops/ (cache warm)', ['bin/sop.cjs', 'validate', 'sops/'], [0]],
    ['warmFloor', '  floor: schema check of every file', [...floors['warm-validate'], parsed], [0]],
    ['test', `sop test sops/scenarios/ (${scenarios} scenarios)`, ['bin/sop.cjs', 'test', 'sops/scenarios/'], [0]],
    ['testFloor', '  floor: schema check and every condition (CEL)', [...floors['scenario-test'], parsed], [0]],
  ];
  // Fills the parse cache and the code caches: every case starts warm.
  for (const [, , args] of cases) warmUp(args);
  const samples = Object.fromEntries(cases.map(([key]) => [key, []]));
  for (let round = 0; round < RUNS; round++) {
    for (const [key, , args, okCodes] of cases) samples[key].push(run(args, okCodes));
  }
  const figure = Object.fromEntries(cases.map(([key]) => [key, median(samples[key])]));
  const ratio = (key) => figure[key] / figure.bare;

  console.log(`median of ${RUNS} interleaved rounds; ratios against node -e "" (${figure.bare.toFixed(1)} ms)`);
  for (const [key, name] of cases.slice(1)) {
    console.log(`${name.padEnd(58)} ${figure[key].toFixed(1).padStart(8)} ms   ${ratio(key).toFixed(2)}x`);
  }
  const verdict = (key, floorKey, target) => {
    const met = ratio(key) <= target ? 'met' : 'NOT met';
    const reach = ratio(floorKey) > target ? `out of reach: the floor alone is ${ratio(floorKey).toFixed(2)}x` : `the floor is ${ratio(floorKey).toFixed(2)}x`;
    return `<= ${target}x: ${met} (${ratio(key).toFixed(2)}x); ${reach}`;
  };
  console.log(`target warm validate ${verdict('warm', 'warmFloor', 1.3)}`);
  console.log(`target sop test      ${verdict('test', 'testFloor', 1.5)}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
