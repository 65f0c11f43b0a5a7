/** Runs the BUILT binary (`npm run build` first) as a process: exit code, stdout, stderr. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tempHomeEnv } from '../temp-dirs.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface SopResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Each run gets its own empty HOME and XDG dirs (removed after the test file), so the machine's
 * config, keys, journal and parse cache never leak in; a test that needs state passes it in `env`.
 */
export function sop(args: readonly string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): SopResult {
  const result = spawnSync(process.execPath, ['bin/sop.cjs', ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...tempHomeEnv(), LANG: 'C', ...options.env },
    timeout: 60_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[/;
