/** QA: the operator pseudonym is one line of plain text, wherever it comes from (flag, SOP_OPERATOR, config file). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sop, tempDir } from './sop.js';

const bad = 'counsellor\u001b[31m\nseven';

describe('an operator name with control characters or a line break', () => {
  it('is refused from --operator, SOP_OPERATOR and the config file (exit 2), saying what to write', () => {
    const home = tempDir();
    const config = join(home, 'config');
    mkdirSync(join(config, 'sop-runner'), { recursive: true });
    writeFileSync(join(config, 'sop-runner', 'config.yaml'), `operator: ${JSON.stringify(bad)}\n`);
    for (const [args, env] of [
      [['config', '--operator', bad], {}],
      [['config'], { SOP_OPERATOR: bad }],
      [['config'], { XDG_CONFIG_HOME: config }],
    ] as const) {
      const result = sop(args, { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/operator/);
      expect(result.stderr).toMatch(/one line/);
      expect(result.stderr).not.toMatch(/\u001b/);
    }
  });

  it('a plain pseudonym is fine', () => {
    expect(sop(['config', '--operator', 'counsellor-7']).code).toBe(0);
  });
});

describe('a trainee name with control characters or a line break', () => {
  it('sop train --trainee refuses it (exit 2) before anything else', () => {
    const result = sop(['train', '--trainee', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--trainee/);
    expect(result.stderr).toMatch(/one line/);
  });
});
