// Builds dist/: first the generators (precompiled schema validators...), then one esbuild bundle
// with code splitting, so each command loads only its own chunk.
import { build } from 'esbuild';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Generators: scripts/gen-*.mjs, run in name order (each writes into src/generated/).
for (const file of readdirSync(new URL('.', import.meta.url)).filter((f) => /^gen-.*\.mjs$/.test(f)).sort()) {
  const result = spawnSync(process.execPath, [fileURLToPath(new URL(file, import.meta.url))], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// dist/ is not wiped first: parallel builds and running tests must never find it missing.
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  define: { __SOP_VERSION__: JSON.stringify(pkg.version) },
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __sopCreateRequire } from 'node:module'; const require = __sopCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
};
const [result, worker] = await Promise.all([
  build({ ...common, entryPoints: { cli: 'src/shell/cli/entry.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]' }),
  // A replay --check worker thread loads one file holding only what checking needs (it is
  // started next to the chunk that starts it: src/shell/replay/check-sources.ts).
  build({ ...common, entryPoints: ['src/shell/replay/check-worker.ts'], outfile: 'dist/chunks/replay-check-worker.js' }),
]);

// Chunks of earlier builds are removed once they are a few minutes old (a test started before
// this build may still be loading them).
const current = new Set([...Object.keys(result.metafile.outputs), ...Object.keys(worker.metafile.outputs)].map((file) => join(root, file)));
const chunks = join(root, 'dist', 'chunks');
for (const name of readdirSync(chunks)) {
  const file = join(chunks, name);
  const base = file.endsWith('.map') ? file.slice(0, -4) : file;
  if (!current.has(base) && Date.now() - statSync(file).mtimeMs > 5 * 60_000) rmSync(file, { force: true });
}
