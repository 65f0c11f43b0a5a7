/**
 * The shipped library reaches 100 % step coverage with its own scenarios, through the built
 * binary (assumes `npm run build` ran): `sop test --coverage --min-coverage 100` exits 0, and
 * the JSON report shows every SOP of the library with all of its steps, options and branches
 * covered.
 */
import { describe, expect, it } from 'vitest';
import { sop } from '../cli-test/run-sop.js';
import { ALL_SOPS } from './helpers.js';

const SCENARIOS = 'sops/scenarios/';

interface Measure {
  readonly covered: number;
  readonly total: number;
  readonly percent: number;
}

interface SopCoverage {
  readonly sop: string;
  readonly steps: Measure;
  readonly options: Measure;
  readonly branches: Measure;
  readonly uncovered: readonly { readonly kind: string; readonly id: string; readonly at: string }[];
}

describe('coverage of the shipped library by its own scenarios', () => {
  it('sop test --coverage --min-coverage 100 passes', () => {
    const result = sop(['test', '--coverage', '--min-coverage', '100', SCENARIOS]);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('every SOP has every step, option and branch covered (JSON report)', () => {
    const result = sop(['test', '--coverage', '--min-coverage', '100', '--format', 'json', SCENARIOS]);
    const report = JSON.parse(result.stdout) as { coverage: { scenarios: SopCoverage[] } };
    const bySop = new Map(report.coverage.scenarios.map((entry) => [entry.sop, entry]));
    expect([...bySop.keys()].sort()).toEqual([...ALL_SOPS].sort());
    const missing: string[] = [];
    for (const entry of bySop.values()) {
      expect(entry.steps.total, entry.sop).toBeGreaterThan(0);
      for (const [kind, measure] of [['step', entry.steps], ['option', entry.options], ['branch', entry.branches]] as const) {
        if (measure.covered !== measure.total || measure.percent !== 100) {
          const elements = entry.uncovered.filter((element) => element.kind === kind);
          missing.push(`${entry.sop} ${kind}: ${measure.covered}/${measure.total} (${elements.map((e) => `${e.id} at ${e.at}`).join(', ')})`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(result.status, result.stderr).toBe(0);
  });
});
