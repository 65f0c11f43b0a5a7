// Builds dist/: first the generators (precompiled schema validators...), then with esbuild:
//   dist/chunks/sop-<hash>.cjs  the whole command line as one CommonJS bundle, which
//                               dist/boot.cjs runs through V8's code cache (src/shell/boot/);
//   dist/bundle.json            names that bundle for boot.cjs;
//   dist/boot.cjs               what bin/sop.cjs requires;
//   dist/chunks/replay-check-worker.js  a replay --check worker thread's own small bundle;
//   dist/chunks/graphviz.cjs    Graphviz in WebAssembly (@viz-js/viz's own file, copied as is):
//                               required only when a diagram is drawn (src/shell/format/draw-svg.ts);
//   dist/locales/<lang>.json    each catalogue (locales/<lang>.ftl) parsed ahead: read at start-up
//                               in a tenth of the time (src/shell/catalogues.ts).
import { FluentResource } from '@fluent/bundle';
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { bootBundleOptions, finishBootBundle } from './boot-bundle.mjs';
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
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  define: { __SOP_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  metafile: true,
};
const esm = {
  ...common,
  format: 'esm',
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __sopCreateRequire } from 'node:module'; const require = __sopCreateRequire(import.meta.url);" },
};
/**
 * commander requires node:child_process when it loads, for executable subcommands, which sop
 * does not have; Node takes about 5 ms to load that module at every start. commander gets a
 * stand-in that loads it on first use instead (it never comes).
 */
const childProcessOnFirstUse = {
  name: 'child-process-on-first-use',
  setup(builder) {
    builder.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'on-first-use' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'on-first-use' }, () => ({
      contents: "let real;\nmodule.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });\n",
      loader: 'js',
    }));
  },
};

const outputs = await Promise.all([
  build({
    ...common,
    ...bootBundleOptions,
    entryPoints: { sop: 'src/shell/cli/entry.ts' },
    outdir: 'dist/chunks',
    entryNames: '[name]-[hash]',
    define: { ...common.define, ...bootBundleOptions.define },
    plugins: [childProcessOnFirstUse],
  }),
  // CommonJS too: bin/sop.cjs requires it (an ES module entry costs Node about 6 ms more).
  build({ ...common, format: 'cjs', entryPoints: { boot: 'src/shell/boot/start-cli.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' } }),
  // A replay --check worker thread loads one file holding only what checking needs (it is
  // started next to the bundle that starts it: src/shell/replay/check-sources.ts).
  build({ ...esm, entryPoints: ['src/shell/replay/check-worker.ts'], outfile: 'dist/chunks/replay-check-worker.js' }),
]);

const bundle = Object.keys(outputs[0].metafile.outputs).find((file) => file.endsWith('.cjs'));
finishBootBundle(join(root, bundle));
// Written whole, then renamed: a sop starting meanwhile reads the old name or the new one.
writeFileSync(join(root, 'dist', 'bundle.json.tmp'), `${JSON.stringify({ file: `chunks/${basename(bundle)}` })}\n`);
renameSync(join(root, 'dist', 'bundle.json.tmp'), join(root, 'dist', 'bundle.json'));

// Graphviz: 1.2 MB with its WASM inside, so not in the bundle every command reads at start-up.
// Copied whole (its licence header included), then renamed, as bundle.json.
const graphviz = join(root, 'dist', 'chunks', 'graphviz.cjs');
copyFileSync(createRequire(import.meta.url).resolve('@viz-js/viz'), `${graphviz}.tmp`);
renameSync(`${graphviz}.tmp`, graphviz);

// The catalogues, parsed: Fluent's parser takes 1-5 ms for a catalogue at a cold start, JSON.parse
// of its result a tenth of that. Written whole, then renamed, as bundle.json.
mkdirSync(join(root, 'dist', 'locales'), { recursive: true });
for (const name of readdirSync(join(root, 'locales')).filter((file) => file.endsWith('.ftl'))) {
  const compiled = join(root, 'dist', 'locales', name.replace(/\.ftl$/, '.json'));
  const { body } = new FluentResource(readFileSync(join(root, 'locales', name), 'utf8'));
  writeFileSync(`${compiled}.tmp`, JSON.stringify({ body }));
  renameSync(`${compiled}.tmp`, compiled);
}

// Files of earlier builds are removed once they are a few minutes old (a test started before
// this build may still be loading them).
const current = new Set(outputs.flatMap((output) => Object.keys(output.metafile.outputs)).map((file) => join(root, file)));
current.add(join(root, 'dist', 'bundle.json'));
current.add(graphviz);
for (const folder of [join(root, 'dist'), join(root, 'dist', 'chunks')]) {
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    const base = file.endsWith('.map') ? file.slice(0, -4) : file;
    if (!current.has(base) && statSync(file).isFile() && Date.now() - statSync(file).mtimeMs > 5 * 60_000) rmSync(file, { force: true });
  }
}
