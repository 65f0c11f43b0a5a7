// Shared by the benchmarks (not a benchmark itself: run-all.mjs skips it).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
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
 * into `outdir`; returns for each the node arguments that run it (add the floor's own, then warm
 * it with warmUp before timing). A floor runs as `sop` itself does: a bundle built for boot
 * (scripts/boot-bundle.mjs), run by bench/floors/run-floor.ts through start-cli.ts's runBundle
 * and a V8 code cache, so that no floor is higher than the tool could be.
 */
export async function buildFloors(outdir, names) {
  const { bootBundleOptions, finishBootBundle } = await import('../scripts/boot-bundle.mjs');
  mkdirSync(outdir, { recursive: true });
  const common = { absWorkingDir: ROOT, outdir, logLevel: 'warning', define: { __SOP_VERSION__: '"bench"' } };
  await build({
    ...common,
    ...bootBundleOptions,
    define: { ...common.define, ...bootBundleOptions.define },
    entryPoints: Object.fromEntries(names.map((name) => [name, join(ROOT, 'bench', 'floors', `${name}.ts`)])),
  });
  await build({ ...common, entryPoints: { 'run-floor': join(ROOT, 'bench', 'floors', 'run-floor.ts') }, bundle: true, platform: 'node', target: 'node20', format: 'cjs', outExtension: { '.js': '.cjs' } });
  const runner = join(outdir, 'run-floor.cjs');
  return Object.fromEntries(
    names.map((name) => {
      const bundle = join(outdir, `${name}.cjs`);
      finishBootBundle(bundle);
      return [name, [runner, bundle]];
    }),
  );
}

/** Runs node with `args` once, untimed, so that its code cache (and parse cache) exist before timing. */
export function warmUp(args) {
  spawnSync(process.execPath, args, { stdio: 'ignore' });
}

/** Parses YAML files once, here, into the one JSON file the floor scripts read. */
export async function writeParsedFiles(paths, outfile) {
  const { parse } = await import('yaml');
  writeFileSync(outfile, JSON.stringify(paths.map((path) => ({ path, value: parse(readFileSync(path, 'utf8')) }))));
  return outfile;
}
