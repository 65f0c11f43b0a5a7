/** QA: `sop resume` takes the same session ids as `sop log show` and `sop replay`: a unique prefix or the short suffix. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sop, tempDir } from './sop.js';

describe('sop resume <id>', () => {
  it('finds an interrupted call by its short suffix or a unique prefix, as log show does', () => {
    const home = tempDir();
    const env = { XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config') };
    const answers = join(home, 'answers.yaml');
    writeFileSync(answers, 'summary: continue\n');
    const run = sop(['run', 'closing', '--answers', answers], { env });
    expect(run.code).toBe(1);
    const id = /Session: (\d{8}-\d{4}-([a-z0-9]{4}))/.exec(run.stdout);
    expect(id).not.toBeNull();
    const [, full, suffix] = id!;
    expect(sop(['log', 'show', suffix!], { env }).code).toBe(0);
    for (const given of [suffix!, full!.slice(0, 15)]) {
      const result = sop(['resume', given], { env });
      // Found: without a terminal it can only say how to continue it.
      expect(result.stderr).toContain(`sop resume ${full}`);
      expect(result.stderr).toMatch(/needs a terminal/);
      expect(result.code).toBe(2);
    }
    const unknown = sop(['resume', 'zzzz'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no call zzzz/);
  });
});
