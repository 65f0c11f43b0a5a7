/**
 * QA: a recorded call file from elsewhere (an exported fixture committed to git) whose step names
 * hold terminal escape sequences (a window title, clear screen): no command prints them raw.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sop } from './sop.js';

const file = join(ROOT, 'test/qa/fixtures/hostile-call/escapes.jsonl');
const ESC = /[\u001b\u0007\u009b]/;

describe('escape sequences in a recorded call file', () => {
  for (const args of [
    ['replay', file],
    ['replay', '--check', file],
    ['replay', '--check', '--format', 'junit', file],
  ]) {
    it(`sop ${args.slice(0, -1).join(' ')} prints none of them`, () => {
      const result = sop(args, { env: { FORCE_COLOR: '0' } });
      expect(result.code === 0 || result.code === 1).toBe(true);
      expect(result.stdout).not.toMatch(ESC);
      expect(result.stderr).not.toMatch(ESC);
    });
  }
});
