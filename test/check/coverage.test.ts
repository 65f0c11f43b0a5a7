import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeCoverage, percent, traceAll } from '../../src/core/check/compute-coverage.js';
import { runScenario } from '../../src/core/check/run-scenario.js';
import { traceEvents } from '../../src/core/record/trace-events.js';
import { formatWhere } from '../../src/core/check/where.js';
import { drive } from '../../src/core/engine/drive.js';
import type { Command, EngineEvent } from '../../src/core/engine/types.js';
import { loadScenario } from '../../src/core/load/load-scenario.js';
import { loadFixtureLibrary, sourceFile } from '../fixture-files.js';
import { FIXTURE_CALLS, driveScript } from '../replay/record-calls.js';
import { fixtureLibrary, fixtureScenario } from './helpers.js';

const library = fixtureLibrary();
const coverageOf = (names: string[]) =>
  computeCoverage(library, traceAll(library, names.map((name) => runScenario(library, fixtureScenario(name)).events)));
const uncovered = (list: ReturnType<typeof computeCoverage>) =>
  list.flatMap((sop) => sop.uncovered.map((element) => `${sop.sop} ${element.kind} ${element.id} ${formatWhere(element.where).replace(/^.*fixtures\//, '')}`));

describe('coverage', () => {
  it('counts steps (of every kind), options and branches, and lists what is uncovered at file:line', () => {
    const list = coverageOf(['minor-unsafe']);
    const hotline = list.find((sop) => sop.sop === 'hotline')!;
    expect(hotline.steps).toEqual({ covered: 7, total: 10 });
    expect(hotline.options).toEqual({ covered: 3, total: 4 });
    expect(hotline.branches).toEqual({ covered: 2, total: 4 });
    expect(uncovered(list)).toEqual([
      'hotline option topic#other lib/hotline.sop.yaml:31:9',
      'hotline branch signs:next[1] lib/hotline.sop.yaml:46:9',
      'hotline branch check-age:next[1] lib/hotline.sop.yaml:59:9',
      'hotline step info-end lib/hotline.sop.yaml:68:3',
      'hotline step danger lib/hotline.sop.yaml:71:3',
      'hotline step danger-end lib/hotline.sop.yaml:75:3',
      'safety option safe-now#safe lib/safety.sop.yaml:15:9',
      'safety step safe-end lib/safety.sop.yaml:21:3',
    ]);
  });

  it('reaches every step of hotline with the passing scenarios; the end step is found even when two ends share nothing but the SOP', () => {
    const list = coverageOf(['minor-unsafe', 'adult-referred', 'danger', 'wrong-expectations']);
    const hotline = list.find((sop) => sop.sop === 'hotline')!;
    expect(percent(hotline.steps)).toBe(100);
    expect(hotline.options).toEqual({ covered: 4, total: 4 });
  });

  it('measures recorded calls the same way (all fixture calls cover safety/unsafe but not safety/safe)', () => {
    const list = computeCoverage(library, traceAll(library, FIXTURE_CALLS.map((call) => driveScript(library, call).events.flat())));
    const safety = list.find((sop) => sop.sop === 'safety')!;
    expect(safety.steps).toEqual({ covered: 2, total: 3 });
    const hotline = list.find((sop) => sop.sop === 'hotline')!;
    expect(hotline.branches).toEqual({ covered: 3, total: 4 });
  });

  it('reports 100% for nothing to cover, and floors to one decimal', () => {
    expect(percent({ covered: 0, total: 0 })).toBe(100);
    expect(percent({ covered: 2, total: 3 })).toBe(66.6);
  });
});

describe('coverage of branches that share a target', () => {
  // signs and follow-up each have two branches with different conditions to the same step; the
  // scenario takes only the second (debt ticked, no passport, no threats).
  const dir = fileURLToPath(new URL('../cli-test/fixtures/shared-target/', import.meta.url));
  const shared = loadFixtureLibrary(['intake', 'details'].map((sop) => sourceFile(join(dir, `${sop}.sop.yaml`))), 'shared-target');
  const scenario = loadScenario(sourceFile(join(dir, 'scenarios', 'debt-only.scenario.yaml'))).loaded!;
  const events = runScenario(shared, scenario).events;
  const branchesOf = (list: readonly EngineEvent[]) => [...traceEvents(shared, list).branches].sort();

  it('credits the branch the engine recorded, not the first one leading to the same step', () => {
    expect(events.filter((event) => 'branch' in event).map((event) => [event.type, (event as { branch: number }).branch])).toEqual([
      ['answer', 1],
      ['sop-returned', 1],
    ]);
    expect(branchesOf(events)).toEqual(['intake/follow-up:next[1]', 'intake/signs:next[1]']);
  });

  it('reads journals recorded before events carried the branch as before: the first branch to the step arrived at', () => {
    const old = events.map((event) => ('branch' in event ? (({ branch: _branch, ...rest }) => rest)(event) : event)) as EngineEvent[];
    expect(branchesOf(old)).toEqual(['intake/follow-up:next[0]', 'intake/signs:next[0]']);
  });

  it('tells which of two end steps with the same outcome was reached (no event names an end step)', () => {
    const commands: Command[] = [
      { type: 'answer', answer: { kind: 'continue' } },
      { type: 'answer', answer: { kind: 'checked', options: ['passport'] } },
      { type: 'answer', answer: { kind: 'continue' } },
      { type: 'answer', answer: { kind: 'continue' } },
    ];
    const passport = drive(shared, 'intake', (view) => commands[view.commands]).events;
    const trace = traceEvents(shared, passport);
    expect(trace.steps.has('intake/passport-end')).toBe(true);
    expect(trace.steps.has('intake/info-end')).toBe(false);
    expect(trace.branches.has('intake/wrap-up:next[0]')).toBe(true);
    // Without the branch (older journals) both end steps are targets of wrap-up: neither is marked.
    const old = traceEvents(shared, passport.map((event) => (event.type === 'answer' ? { ...event, branch: undefined } : event)));
    expect([...old.steps].filter((step) => step.endsWith('-end'))).toEqual([]);
  });

  it('ignores a recorded index that is not a branch leading to the step arrived at (an edited line, another SOP version)', () => {
    for (const bogus of [2, 9, -1, 0.5, '1', null]) {
      const edited = events.map((event) => ('branch' in event ? { ...event, branch: bogus } : event)) as EngineEvent[];
      expect(branchesOf(edited), String(bogus)).toEqual(['intake/follow-up:next[0]', 'intake/signs:next[0]']);
    }
  });
});
