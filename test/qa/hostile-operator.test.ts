/** QA: an operator name with terminal escapes and a newline never reaches the terminal raw. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sop, tempDir } from './sop.js';

const ESC = /[\u001b\u0007\u009b]/;

describe('a hostile operator name', () => {
  it('sop log list shows it neutralised, on one row', () => {
    const home = tempDir();
    const env = { XDG_DATA_HOME: join(home, 'data') };
    const run = sop(['run', 'closing', '--answers', '-', '--operator', 'evil\u001b]0;TITLE\u0007\u001b[31mRED\nname'], {
      env,
      input: 'summary: continue\nnext-steps: thinking-it-over\nsafety-reminder: continue\nhow-to-call-back: continue\n',
      cwd: ROOT,
    });
    expect(run.code).toBe(0);
    const list = sop(['log', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).not.toMatch(ESC);
    expect(list.stdout.trim().split('\n')).toHaveLength(2);
    expect(list.stdout).toContain('evil');
  });
});
