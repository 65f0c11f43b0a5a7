/** `sop replay --check` with the files shared out over worker threads: the same report and notices, in the same order. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sop } from './run-sop.js';

const CALLS = 'test/replay/fixtures/calls';
const DIVERGENT = ['--sops', 'test/replay/fixtures/sops-divergent'];
let dir: string;

beforeAll(() => {
  // Several files, some with a damaged or torn line, so that notices come from every thread.
  dir = mkdtempSync(join(tmpdir(), 'sop-replay-workers-'));
  const files = readdirSync(CALLS).filter((name) => name.endsWith('.jsonl'));
  files.forEach((name, index) => {
    const lines = readFileSync(join(CALLS, name), 'utf8').split('\n');
    if (index % 2 === 0) lines.splice(2, 0, 'damaged');
    const text = lines.join('\n');
    writeFileSync(join(dir, `${index}-${name}`), index === files.length - 1 ? `${text}{"v":1,"sess` : text);
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sop replay --check over worker threads', () => {
  it('has the workers\' own bundle next to the CLI chunks (without it a run silently stays on one thread)', () => {
    expect(existsSync(join(ROOT, 'dist/chunks/replay-check-worker.js'))).toBe(true);
  });

  it('prints the same report and the same notices in file order, whatever the number of threads', () => {
    const args = ['replay', '--check', dir, ...DIVERGENT, '--format', 'json'];
    const alone = sop(args, { env: { SOP_REPLAY_WORKERS: '0' } });
    expect(alone.stderr).toMatch(/damaged line/);
    expect(alone.stderr).toMatch(/torn/);
    for (const workers of ['1', '3']) {
      const split = sop(args, { env: { SOP_REPLAY_WORKERS: workers } });
      expect(split.status).toBe(alone.status);
      expect(split.stdout).toBe(alone.stdout);
      expect(split.stderr).toBe(alone.stderr);
    }
  });
});
