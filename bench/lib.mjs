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

/**
 * Builds the floor scripts of bench/floors/ (the least a command must do, without the command)
 * into `outdir`, one standalone bundle each, as `sop` itself is built; returns their paths.
 */
export async function buildFloors(outdir, names) {
  await build({
    entryPoints: Object.fromEntries(names.map((name) => [name, join(ROOT, 'bench', 'floors', `${name}.ts`)])),
    absWorkingDir: ROOT,
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return Object.fromEntries(names.map((name) => [name, join(outdir, `${name}.js`)]));
}

/** Parses YAML files once, here, into the one JSON file the floor scripts read. */
export async function writeParsedFiles(paths, outfile) {
  const { parse } = await import('yaml');
  const { readFileSync, writeFileSync } = await import('node:fs');
  writeFileSync(outfile, JSON.stringify(paths.map((path) => ({ path, value: parse(readFileSync(path, 'utf8')) }))));
  return outfile;
}
