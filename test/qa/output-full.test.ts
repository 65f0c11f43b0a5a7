/** QA: stdout on a full disk (/dev/full) is a clear message and exit 2, never a stack trace. */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv } from '../graph/run-sop.js';
import { ROOT } from './sop.js';

describe.runIf(existsSync('/dev/full'))('stdout on a full disk', () => {
  for (const args of [['schema'], ['validate', '--format', 'json', 'test/qa/fixtures/hostile-key'], ['graph', 'closing']]) {
    it(`sop ${args.join(' ')} > /dev/full`, () => {
      const full = openSync('/dev/full', 'w');
      try {
        const result = spawnSync(process.execPath, [join(ROOT, 'bin/sop.cjs'), ...args], { cwd: ROOT, env: isolatedEnv(), stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        expect(result.stderr).not.toMatch(/\n\s+at /);
        expect(result.stderr).toMatch(/cannot write the output/);
        expect(result.stderr).toMatch(/full/);
        expect(result.status).toBe(2);
      } finally {
        closeSync(full);
      }
    });
  }
});
