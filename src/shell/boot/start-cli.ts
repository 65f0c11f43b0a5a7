/**
 * What bin/sop.cjs starts: the command line's bundle, compiled through V8's code cache.
 *
 * Why: compiling our JavaScript was about a third of every command's start-up, and Node 20 has
 * no compile cache of its own (module.enableCompileCache came with Node 22). So the build writes
 * the whole CLI as one CommonJS bundle (dist/chunks/sop-<hash>.cjs, named in dist/bundle.json; see
 * scripts/boot-bundle.mjs),
 * and this loads it with vm.Script, handing V8 the code it compiled the last time the same
 * command ran. The cache is written when the process exits, so it holds every function that run
 * needed, not only the top level. One cache per command (a run and a validate use different
 * code), per bundle, per Node version and per set of Node options (V8 refuses a cache made under
 * other flags). Caches live in $XDG_CACHE_HOME/sop-runner/code (files 0600, folder 0700)
 * and hold compiled code only, never data a command worked on. SOP_NO_CODE_CACHE=1 turns the
 * cache off; a cache that cannot be read or written is only slower.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { commandName } from '../cli/command-name.js';
import { cacheDir } from '../paths.js';
import { readCodeCache, writeCodeCache } from './code-cache.js';

interface Cli {
  run(argv: readonly string[]): Promise<void>;
}

/** The bundle this build wrote (dist/bundle.json names it; its name carries its content hash). */
function bundlePath(dist: string): string {
  const manifest = JSON.parse(readFileSync(join(dist, 'bundle.json'), 'utf8')) as { readonly file: string };
  return join(dist, manifest.file);
}

/** The cache file of this bundle, this Node and this command (`other` for help, --version...). */
function cacheFileFor(bundle: string, argv: readonly string[]): string {
  const command = commandName(argv) ?? '';
  const name = /^[a-z]+$/.test(command) ? command : 'other';
  const id = basename(bundle, '.cjs');
  return join(cacheDir(), 'code', `${id}.${process.version}.${process.arch}${flagsPart()}.${name}.bin`);
}

/**
 * V8 refuses a cache made under other flags. Runs with Node options (a profiler, NODE_OPTIONS)
 * get caches of their own, so that they and plain runs do not overwrite each other's every time.
 */
function flagsPart(): string {
  const flags = [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].join(' ').trim();
  if (flags === '') return '';
  // FNV-1a: a name, not a check (V8 checks the flags itself); node:crypto would cost 5 ms here.
  let hash = 0x811c9dc5;
  for (let i = 0; i < flags.length; i++) hash = Math.imul(hash ^ flags.charCodeAt(i), 0x01000193);
  return `.f${(hash >>> 0).toString(36)}`;
}

/**
 * Compiles and runs a bundle built for boot (scripts/boot-bundle.mjs) as require() would, through
 * the code cache in `cacheFile` when there is one, and writes that cache at exit when there was
 * none. Returns the bundle's exports. The benchmark floors run through it too (bench/floors/).
 */
export function runBundle<Exports>(file: string, cacheFile: string | undefined): Exports {
  const cachedData = cacheFile === undefined ? undefined : readCodeCache(cacheFile);
  // The build made the file plain ASCII (read as latin1, no decoding), inside CommonJS's wrapper,
  // and free of import(), which a script compiled from a cache cannot run in Node 20.
  const script = new Script(readFileSync(file, 'latin1'), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as Exports };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    // At exit, so that the cache holds the functions this run compiled, not only the top level.
    process.once('exit', () => writeCodeCache(cacheFile, () => script.createCachedData()));
  }
  return module.exports;
}

/** The bundle, compiled and run to its exports; undefined (and said) when dist/ is damaged. */
function loadCli(argv: readonly string[], dist: string): Cli | undefined {
  let bundle: string | undefined;
  try {
    bundle = bundlePath(dist);
    const cacheFile = process.env['SOP_NO_CODE_CACHE'] === '1' ? undefined : cacheFileFor(bundle, argv);
    return runBundle<Cli>(bundle, cacheFile);
  } catch (error) {
    // A half-finished install or build, not a bug to report: say how to repair it.
    const what = bundle ?? 'dist/bundle.json';
    const code = (error as NodeJS.ErrnoException).code ?? String((error as Error).message).split('\n')[0];
    process.stderr.write(`sop: cannot load ${what} (${code}); run "npm install" (or "npm run build") in the sop-runner folder again.\n`);
    return undefined;
  }
}

/** Runs the command line `argv` with the bundle of the build in `dist`. */
export async function startCli(argv: readonly string[], dist: string): Promise<void> {
  const cli = loadCli(argv, dist);
  if (cli === undefined) {
    process.exitCode = 2;
    return;
  }
  await cli.run(argv);
}
