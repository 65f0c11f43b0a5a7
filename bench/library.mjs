// The shipped example library (sops/) through the built binary, as ratios against a bare
// `node -e ""` start measured in the same run (machines here are noisy). Answers: does checking
// and testing the whole library stay within a few Node start-ups, so that editors and CI can run
// it on every save / push?
//   1. sop validate --no-cache sops/   (10 SOPs, directory, every scenario; cold parse)
//   2. sop validate sops/              (parse cache warm)
//   3. sop test sops/scenarios/        (every scenario driven through the engine)
// Needs `npm run build`.   node bench/library.mjs   (about 15 s)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function time(args, okCodes = [0]) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    samples.push(performance.now() - start);
    if (!okCodes.includes(result.status)) {
      throw new Error(`${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
    }
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const scenarios = readdirSync(`${root}/sops/scenarios`).filter((f) => f.endsWith('.scenario.yaml')).length;
const sops = readdirSync(`${root}/sops`).filter((f) => f.endsWith('.sop.yaml')).length;

const baseline = time(['-e', '']);
const rows = [
  ['sop --version', time(['bin/sop.js', '--version'])],
  [`sop validate --no-cache sops/ (${sops} SOPs, ${scenarios} scenarios)`, time(['bin/sop.js', 'validate', '--no-cache', 'sops/'])],
  ['sop validate sops/ (cache warm)', time(['bin/sop.js', 'validate', 'sops/'])],
  [`sop test sops/scenarios/ (${scenarios} scenarios)`, time(['bin/sop.js', 'test', 'sops/scenarios/'])],
];

console.log(`baseline: node -e "" = ${baseline.toFixed(1)} ms (median of ${RUNS})`);
for (const [name, median] of rows) {
  console.log(`${name.padEnd(58)} ${median.toFixed(1).padStart(8)} ms   ${(median / baseline).toFixed(2)}x baseline`);
}
