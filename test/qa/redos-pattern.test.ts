/** QA: an input pattern that can take exponential time (a repeated group that itself repeats) is an error. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sop } from './sop.js';

describe('an input pattern with nested repetition', () => {
  it('sop validate reports SOP206 at the pattern (exit 1)', () => {
    const result = sop(['validate', join(ROOT, 'test/qa/fixtures/redos')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/redos\.sop\.yaml:17:\d+: error: .*SOP206 invalid-pattern/);
    expect(result.stdout).toMatch(/freeze/);
  });

  it('sop run refuses the library, so no call can freeze on it', () => {
    const result = sop(['run', 'redos', '--sops', join(ROOT, 'test/qa/fixtures/redos'), '--answers', '-'], { input: 'a: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/SOP206/);
  }, 10_000);
});

describe('a condition whose matches() pattern has nested repetition', () => {
  it('sop validate reports SOP206 at the pattern (exit 1), and sop run refuses the library', () => {
    const sops = join(ROOT, 'test/qa/fixtures/redos-condition');
    const result = sop(['validate', sops]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/redos\.sop\.yaml:20:\d+: error: .*\(x\+x\+\)\+.*SOP206 invalid-pattern/);
    const run = sop(['run', 'redos', '--sops', sops, '--answers', '-'], { input: 'a: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/SOP206/);
  }, 10_000);
});
