/** QA: an SOP whose texts hold terminal escape sequences: no output of sop graph or sop docs carries them. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sop } from './sop.js';

const sops = join(ROOT, 'test/qa/fixtures/hostile-sop');
const ESC = /[\u001b\u0007\u009b]/;

describe('escape sequences in SOP texts', () => {
  for (const format of ['text', 'mermaid', 'dot', 'svg']) {
    it(`sop graph --format ${format}`, () => {
      const result = sop(['graph', 'demo', '--format', format, '--sops', sops]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Demo');
      expect(result.stdout).not.toMatch(ESC);
    });
  }

  it('sop docs', () => {
    const result = sop(['docs', 'demo', '--sops', sops]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(ESC);
  });
});

describe('escape sequences in a scenario', () => {
  it('sop test (pretty, with coverage) prints the failure neutralised', () => {
    const result = sop(['test', join(sops, 'scenarios'), '--sops', sops, '--coverage'], { env: { FORCE_COLOR: '0' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('There is no option');
    expect(result.stdout).not.toMatch(ESC);
  });
});
