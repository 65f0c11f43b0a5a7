/** Runs the BUILT `sop` binary as a process (run `npm run build` first), in an isolated home. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempHomeEnv } from '../temp-dirs.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'sop.cjs');

export interface SopRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * A fresh HOME / XDG dirs, so no config file or journal of the machine leaks in; removed after
 * the test file.
 */
export function isolatedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'] ?? '',
    ...tempHomeEnv(),
    LANG: 'en_US.UTF-8',
    ...extra,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env;
}

export function runSop(args: readonly string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): SopRun {
  const started = Date.now();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? isolatedEnv(),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
    // A whole library's handbook with its diagrams is over 1 MB (spawnSync's default limit).
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}
