/** QA helpers: the BUILT `sop` binary (run `npm run build` first) in an isolated home. */
import { isolatedEnv, runSop } from '../graph/run-sop.js';
import { tempDirForFile } from '../temp-dirs.js';

export { ROOT } from '../graph/run-sop.js';

/** A fresh directory, removed after the test file. */
export function tempDir(): string {
  return tempDirForFile('sop-qa-');
}

export function sop(args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = runSop(args, { env: isolatedEnv(options.env), ...(options.input !== undefined ? { input: options.input } : {}), ...(options.cwd ? { cwd: options.cwd } : {}) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
