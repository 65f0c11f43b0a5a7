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
 * A floor runs as `sop` itself does (src/shell/boot/start-cli.ts): one minified, plain-ASCII
 * CommonJS bundle compiled through a V8 code cache written at the end of its first run, so that
 * no floor is higher than it needs to be.
 */
const FLOOR_LOADER = `const { readFileSync, writeFileSync } = require('node:fs');
const { Module } = require('node:module');
const { Script } = require('node:vm');
const file = process.argv[2];
const cacheFile = file + '.v8';
let cachedData;
try { cachedData = readFileSync(cacheFile); } catch {}
const script = new Script(Module.wrap(readFileSync(file, 'latin1')), { filename: file, cachedData });
process.argv.splice(1, 1);
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, require, module_, file, __dirname);
if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
`;

/**
 * Builds the floor scripts of bench/floors/ (the least a command must do, without the command)
 * into `outdir`; returns for each the node arguments that run it (add the floor's own, then
 * warm it with warmFloor before timing).
 */
export async function buildFloors(outdir, names) {
  mkdirSync(outdir, { recursive: true });
  const loader = join(outdir, 'floor-loader.cjs');
  writeFileSync(loader, FLOOR_LOADER);
  await build({
    entryPoints: Object.fromEntries(names.map((name) => [name, join(ROOT, 'bench', 'floors', `${name}.ts`)])),
    absWorkingDir: ROOT,
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
  });
  return Object.fromEntries(
    names.map((name) => {
      const bundle = join(outdir, `${name}.cjs`);
      writeFileSync(bundle, readFileSync(bundle, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
      return [name, [loader, bundle]];
    }),
  );
}

/** Runs a floor once (with its own arguments) so that its code cache exists before timing. */
export function warmFloor(args) {
  spawnSync(process.execPath, args, { stdio: 'ignore' });
}

/** Parses YAML files once, here, into the one JSON file the floor scripts read. */
export async function writeParsedFiles(paths, outfile) {
  const { parse } = await import('yaml');
  writeFileSync(outfile, JSON.stringify(paths.map((path) => ({ path, value: parse(readFileSync(path, 'utf8')) }))));
  return outfile;
}
