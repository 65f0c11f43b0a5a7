/** QA helpers: the BUILT `sop` binary (run `npm run build` first) in an isolated home. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isolatedEnv, runSop } from '../graph/run-sop.js';

export { ROOT } from '../graph/run-sop.js';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sop-qa-'));
}

export function sop(args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = runSop(args, { env: isolatedEnv(options.env), ...(options.input !== undefined ? { input: options.input } : {}), ...(options.cwd ? { cwd: options.cwd } : {}) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
