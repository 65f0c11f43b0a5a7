/** QA: `sop replay --check FILES` where the named files hold no recorded call must not pass. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sop, tempDir } from './sop.js';

describe('sop replay --check on files that are not recorded calls', () => {
  it('exits 2 and says what the files should be, for a file and for a folder of them', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'calls'));
    writeFileSync(join(dir, 'calls', 'a.jsonl'), '{"hello": 1}\n');
    writeFileSync(join(dir, 'calls', 'b.jsonl'), 'not json\n');
    for (const target of ['calls', join('calls', 'a.jsonl')]) {
      const result = sop(['replay', '--check', target], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/no recorded call/);
      expect(result.stderr).toContain('sop log export');
    }
  });

  it('an empty journal is still fine: nothing recorded yet, nothing to check (exit 0)', () => {
    expect(sop(['replay', '--check']).code).toBe(0);
  });
});

describe('sop replay FILE that holds no recorded call', () => {
  it('says what the file should be, not "name one session id" (exit 2)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.jsonl'), '{"hello": 1}\n');
    const result = sop(['replay', 'notes.jsonl'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no recorded call/);
    expect(result.stderr).toContain('sop log export');
    expect(result.stderr).not.toMatch(/name one session id/);
  });
});
