/**
 * What `sop test` reports, in one plain shape that every format (pretty, json, junit, tap) renders.
 * Deterministic: scenarios sorted by file then id, no times.
 */
import type { SopCoverage } from '../../core/check/compute-coverage.js';
import type { ScenarioResult } from '../../core/check/run-scenario.js';

export interface CoverageReport {
  /** Coverage by the scenarios. */
  readonly scenarios: readonly SopCoverage[];
  /** Coverage by recorded calls, with --journal. */
  readonly calls?: readonly SopCoverage[];
  readonly callCount?: number;
  /** --min-coverage and the SOPs whose step coverage by scenarios falls below it. */
  readonly minimum?: number;
  readonly belowMinimum?: readonly string[];
}

export interface TestReport {
  readonly results: readonly ScenarioResult[];
  readonly coverage?: CoverageReport;
}

export function summarise(report: TestReport): { total: number; passed: number; failed: number } {
  const total = report.results.length;
  const passed = report.results.filter((result) => result.passed).length;
  return { total, passed, failed: total - passed };
}
