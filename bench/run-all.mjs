// `npm run bench`: runs every benchmark in bench/ in turn (a benchmark, not a timed test).
// Each prints its figures as ratios against a baseline measured in the same run, because
// these machines are noisy; docs/performance.md keeps the targets and latest figures, bench/LAB-NOTES.md the dated runs.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'run-all.mjs' && f !== 'lib.mjs')
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

let failed = 0;
for (const file of benches) {
  process.stdout.write(`\n=== ${file} ===\n`);
  const result = spawnSync(process.execPath, [here + file], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    process.stdout.write(`(${file} exited with ${result.status})\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
