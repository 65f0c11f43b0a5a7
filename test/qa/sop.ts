/** QA helpers: the BUILT `sop` binary (run `npm run build` first) in an isolated home. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'sop.js');

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sop-qa-'));
}

export function sop(args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv; home?: string } = {}) {
  const home = options.home ?? tempDir();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'] ?? '',
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CACHE_HOME: join(home, 'cache'),
    LANG: 'en_US.UTF-8',
    ...options.env,
  };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, input: options.input ?? '', encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
