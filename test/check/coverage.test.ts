import { describe, expect, it } from 'vitest';
import { computeCoverage, percent, traceAll } from '../../src/core/check/compute-coverage.js';
import { runScenario } from '../../src/core/check/run-scenario.js';
import { formatWhere } from '../../src/core/check/where.js';
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
