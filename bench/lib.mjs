// Shared by the benchmarks (not a benchmark itself: run-all.mjs skips it).
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

let bundles = 0;

/**
 * Bundles TypeScript sources of this repository with esbuild and imports the bundle, so a
 * benchmark needs no build step. `exports` are the entry's lines, with paths from the repository
 * root: ["export * from './src/core/engine/index.ts';"]. `external: true` leaves the npm packages
 * out of the bundle. The bundle is written inside the repository (node_modules/.cache, where the
 * packages resolve) and removed once imported.
 */
export async function importSources(exports, { external = false } = {}) {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outfile = join(cache, `sop-bench-${process.pid}-${bundles++}.mjs`);
  await build({
    stdin: { contents: exports.join('\n'), resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    ...(external ? { packages: 'external' } : {}),
    // Bundled CommonJS packages (yaml) require node built-ins.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    define: { __SOP_VERSION__: '"bench"' },
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}

/** The fastest of `rounds` runs of fn(), in milliseconds (the least disturbed by other load). */
export function best(rounds, fn) {
  let min = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}
