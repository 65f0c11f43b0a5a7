/**
 * QA: `sop run` off a terminal (a pipe, cron, CI). A named SOP is looked up first, so a mistyped
 * name or path is what the user hears; only a run that would start says it needs a terminal.
 */
import { describe, expect, it } from 'vitest';
import { sop } from './sop.js';

describe('sop run off a terminal', () => {
  it('names a missing file before saying a call needs a terminal (exit 2)', () => {
    const result = sop(['run', 'missing.sop.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing.sop.yaml: no such file');
    expect(result.stderr).not.toMatch(/needs a terminal/);
  });

  it('names an unknown SOP id, with a suggestion, before the terminal (exit 2)', () => {
    const result = sop(['run', 'frist-contact']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no SOP "frist-contact".*Did you mean "first-contact"\?/);
    expect(result.stderr).not.toMatch(/needs a terminal/);
  });

  it('a known SOP, or the menu, needs a terminal (exit 2, with the --answers way out)', () => {
    for (const args of [['run', 'first-contact'], ['run']]) {
      const result = sop(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/a live call needs a terminal.*--answers FILE/);
    }
  });
});
