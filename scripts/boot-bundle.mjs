// What makes an esbuild bundle one that src/shell/boot/start-cli.ts can run through V8's code
// cache: used by scripts/build.mjs for the CLI and by bench/lib.mjs for the benchmark floors.
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * esbuild options. The bundle is CommonJS written inside CommonJS's own wrapper, so that boot
 * compiles the file as read (wrapping it at start-up made a second 1 MB string to flatten), and
 * the source map counts the wrapper. It is minified: every megabyte read and made a string costs
 * about 8 ms at start-up on these machines (fresh pages). import.meta is empty in CommonJS: the
 * modules that look at it get the bundle's own URL.
 */
export const bootBundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  outExtension: { '.js': '.cjs' },
  banner: { js: "(function (exports, require, module, __filename, __dirname) { const __sopBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  footer: { js: '});' },
  define: { 'import.meta.url': '__sopBundleUrl' },
};

/**
 * Makes the written bundle plain ASCII and checks it holds no import(). Boot reads it as latin1,
 * a copy, where one non-ASCII character made Node decode all of it as UTF-8 into a two-byte string
 * (22 ms for 1.6 MB); esbuild escapes strings but leaves regular expressions as written, so escape
 * the rest here (\uXXXX means the same inside strings, templates, regular expressions and
 * comments). A script compiled from a code cache has no module loader for import() in Node 20.
 */
export function finishBootBundle(file) {
  const text = readFileSync(file, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const dynamicImport = /(?<![\w$.])import\(/.exec(text);
  if (dynamicImport) {
    const line = text.slice(0, dynamicImport.index).split('\n').length;
    throw new Error(`${file}:${line}: import() in a bundle for boot; import Node's built-ins statically instead`);
  }
  writeFileSync(file, text);
}
