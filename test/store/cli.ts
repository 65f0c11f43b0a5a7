/** The built binary against a store: `npm run build` first. */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/sop.cjs', import.meta.url));

export interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '', HOME: '/nonexistent-home', TZ: 'UTC', NO_COLOR: '1', LANG: 'C', ...extra };
}

export function sop(args: readonly string[], extra: Record<string, string> = {}): Result {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: env(extra), timeout: 120_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking the test process (the embedded server may live in it, or run alongside). */
export function sopAsync(args: readonly string[], extra: Record<string, string> = {}): Promise<Result> & { kill: (signal?: NodeJS.Signals) => void } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: env(extra) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Result>((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -9 : -1), stdout, stderr })));
  return Object.assign(done, { kill: (signal: NodeJS.Signals = 'SIGKILL') => child.kill(signal) });
}
