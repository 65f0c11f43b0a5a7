/** QA: sop validate output in every format carries no escape sequence or control character from an SOP file. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sop } from './sop.js';

const file = join(ROOT, 'test/qa/fixtures/hostile-key/esc.sop.yaml');
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

describe('an SOP key with an escape sequence', () => {
  for (const format of ['pretty', 'json', 'github', 'sarif', 'junit']) {
    it(`sop validate --format ${format}`, () => {
      const result = sop(['validate', '--format', format, file], { env: { FORCE_COLOR: '0' } });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('unknown');
      expect(result.stdout).not.toMatch(CONTROL);
    });
  }
});
