/** QA: `sop run --answers FILE` with a mistyped step name points at the mistyped key. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sop, tempDir } from './sop.js';

describe('sop run --answers with a typo in a step name', () => {
  it('names the missing step, the key that looks like it, and what to write', () => {
    const home = tempDir();
    const answers = join(home, 'answers.yaml');
    writeFileSync(answers, 'summary: continue\nnext-stps: thinking-it-over\n');
    const result = sop(['run', 'closing', '--answers', answers], { env: { XDG_DATA_HOME: join(home, 'data') } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no answer for step closing/next-steps');
    expect(result.stderr).toMatch(/next-stps.*did you mean/);
  });

  it('says it in Ukrainian too', () => {
    const home = tempDir();
    const answers = join(home, 'answers.yaml');
    writeFileSync(answers, 'summary: continue\nnext-stps: thinking-it-over\n');
    const result = sop(['run', 'closing', '--answers', answers, '--lang', 'uk'], { env: { XDG_DATA_HOME: join(home, 'data') } });
    expect(result.stderr).toMatch(/next-stps.*можливо/);
  });
});
