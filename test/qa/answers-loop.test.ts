/** QA: an answers file that sends the call round a loop stops early, without filling the journal. */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sop, tempDir } from './sop.js';

describe('sop run --answers round a loop', () => {
  it('stops at the looping step with a clear message, and the journal stays small', () => {
    const home = tempDir();
    const answers = join(home, 'answers.yaml');
    writeFileSync(answers, 'a: 5\n');
    const data = join(home, 'data');
    const result = sop(['run', 'loop', '--sops', join(ROOT, 'test/qa/fixtures/loop'), '--answers', answers], { env: { XDG_DATA_HOME: data } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/loop\/a.*loop/);
    expect(result.stderr).not.toContain('command-limit');
    const calls = join(data, 'sop-runner', 'journal', 'calls');
    const bytes = readdirSync(calls).reduce((sum, name) => sum + statSync(join(calls, name)).size, 0);
    expect(bytes).toBeLessThan(200_000);
  });

  it('a finite way through the same SOP still ends normally', () => {
    const home = tempDir();
    const answers = join(home, 'answers.yaml');
    writeFileSync(answers, 'a: 20\n');
    const result = sop(['run', 'loop', '--sops', join(ROOT, 'test/qa/fixtures/loop'), '--answers', answers], { env: { XDG_DATA_HOME: join(home, 'data') } });
    expect(result.code).toBe(0);
  });
});
