/** QA: a day that does not exist (2026-02-30, 2026-13-45) is refused, never rolled over to another day. */
import { describe, expect, it } from 'vitest';
import { sop } from './sop.js';

describe('impossible dates on the command line', () => {
  for (const args of [
    ['log', 'list', '--since', '2026-13-45'],
    ['log', 'list', '--until', '2026-02-30'],
    ['log', 'purge', '--older-than', '2026-02-30', '--dry-run'],
    ['stats', '--since', '2026-02-30'],
    ['validate', '--today', '2026-02-30'],
  ]) {
    it(`sop ${args.join(' ')}: exit 2, "not a date"`, () => {
      const result = sop(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/not a date|a date \(|must be a date/);
      expect(result.stderr).not.toMatch(/Would remove/);
    });
  }
});

describe('in Ukrainian', () => {
  it('validate --today with an impossible day', () => {
    const result = sop(['validate', '--today', '2026-02-30', '--lang', 'uk']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/має бути датою/);
  });
});
