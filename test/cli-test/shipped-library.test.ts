/**
 * The shipped library in npm test: `sop test` passes its scenarios (see test.test.ts), and
 * `sop replay --check` over calls recorded from those scenarios (through the engine and the
 * journal writer) finds no divergence with today's SOPs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/core/check/run-scenario.js';
import { readLibrary } from '../../src/shell/library/read-library.js';
import { readScenarios } from '../../src/shell/library/read-scenarios.js';
import { recordEventLists } from '../replay/record-calls.js';
import { ROOT, sop } from './run-sop.js';

const dataDir = mkdtempSync(join(tmpdir(), 'sop-shipped-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the shipped library', () => {
  it('replays every scenario call recorded in the journal without divergence', async () => {
    process.chdir(ROOT);
    const { library } = await readLibrary(['sops'], { cache: false });
    const { scenarios } = await readScenarios(['sops/scenarios']);
    expect(scenarios.length).toBeGreaterThan(0);
    const runs = scenarios.map((source) => runScenario(library, source)).filter((result) => result.passed);
    expect(runs.length).toBe(scenarios.length);
    await recordEventLists(library, runs.map((result) => ({ sop: result.sop, events: result.events })), dataDir);
    const result = sop(['replay', '--check', '--data-dir', dataDir, '--format', 'json']);
    const report = JSON.parse(result.stdout) as { summary: { total: number; diverged: number; same: number; unchecked: number } };
    expect(report.summary.total).toBe(scenarios.length);
    expect(report.summary.diverged).toBe(0);
    expect(report.summary.same + report.summary.unchecked).toBe(scenarios.length);
    expect(result.status).toBe(0);
    // The human summary too.
    expect(sop(['replay', '--check', '--data-dir', dataDir]).stdout).toMatch(new RegExp(`${scenarios.length} call\\(s\\): \\d+ same, 0 diverged`));
  });
});
