/** `sop test` as a process: formats, exit codes, coverage, the shipped library. */
import { describe, expect, it } from 'vitest';
import { ANSI, sop } from './run-sop.js';

const FIXTURES = ['test', 'test/check/fixtures/scenarios', '--sops', 'test/check/fixtures/lib'];
const PASSING = ['test', 'test/check/fixtures/scenarios/minor-unsafe.scenario.yaml', 'test/check/fixtures/scenarios/danger.scenario.yaml', '--sops', 'test/check/fixtures/lib'];

describe('sop test', () => {
  it('passes the shipped library with its own scenarios (exit 0)', () => {
    const result = sop(['test']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/\d+ scenario\(s\): \d+ passed, 0 failed/);
    expect(result.status).toBe(0);
  });

  it('exits 1 with each failure at file:line, and no colour codes when not on a terminal', () => {
    const result = sop(FIXTURES);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('test/check/fixtures/scenarios/wrong-step.scenario.yaml:10:11: expected to be at hotline/age, call is at hotline/signs');
    expect(result.stdout).toContain('7 scenario(s): 3 passed, 4 failed');
    expect(result.stdout).not.toMatch(ANSI);
  });

  it('colours with FORCE_COLOR=1 and not with FORCE_COLOR=0 (NO_COLOR on a terminal: see replay-step test)', () => {
    expect(sop(PASSING, { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(sop(PASSING, { env: { FORCE_COLOR: '0' } }).stdout).not.toMatch(ANSI);
  });

  it('speaks Ukrainian with --lang uk', () => {
    const result = sop([...FIXTURES, '--lang', 'uk']);
    expect(result.stdout).toContain('очікувався крок hotline/age, а дзвінок на кроці hotline/signs');
    expect(result.stdout).toContain('Сценаріїв: 7; пройшли: 3; не пройшли: 4');
  });

  it('writes JSON, JUnit and TAP that are byte-identical from run to run', () => {
    for (const format of ['json', 'junit', 'tap']) {
      const first = sop([...FIXTURES, '--format', format, '--coverage']);
      const second = sop([...FIXTURES, '--format', format, '--coverage']);
      expect(first.status).toBe(1);
      expect(first.stdout).toBe(second.stdout);
    }
    const json = JSON.parse(sop([...FIXTURES, '--format', 'json']).stdout) as { summary: unknown; scenarios: { scenario: string; passed: boolean }[] };
    expect(json.summary).toEqual({ total: 7, passed: 3, failed: 4 });
    const junit = sop([...FIXTURES, '--format', 'junit']).stdout;
    expect(junit).toContain('<testsuite name="sop test" tests="7" failures="4" errors="0" skipped="0">');
    expect(junit).toMatch(/<testcase classname="hotline" name="wrong-step" file="[^"]+">\n\s+<failure message="expected to be at hotline\/age, call is at hotline\/signs" type="wrong-step">/);
    const tap = sop([...FIXTURES, '--format', 'tap']).stdout;
    expect(tap.split('\n').slice(0, 3)).toEqual(['TAP version 14', '1..7', 'ok 1 - adult-referred (test/check/fixtures/scenarios/adult-referred.scenario.yaml)']);
    expect(tap).toContain('not ok 7 - wrong-step');
  });

  it('reports coverage with uncovered elements at file:line, and --min-coverage fails below the bar', () => {
    const covered = sop([...PASSING, '--coverage']);
    expect(covered.status).toBe(0);
    expect(covered.stdout).toContain('test/check/fixtures/lib/hotline.sop.yaml:68:3  step info-end');
    const below = sop([...PASSING, '--min-coverage', '95']);
    expect(below.status).toBe(1);
    expect(below.stdout).toContain('Step coverage below 95% in: hotline, safety');
    expect(sop([...PASSING, '--min-coverage', '60']).status).toBe(0);
  });

  it('measures recorded calls with --journal PATH', () => {
    const result = sop([...PASSING, '--coverage', '--journal', 'test/replay/fixtures/calls', '--format', 'json']);
    const json = JSON.parse(result.stdout) as { coverage: { callCount: number; calls: { sop: string; steps: { covered: number } }[] } };
    expect(json.coverage.callCount).toBe(5);
    expect(json.coverage.calls.find((sop) => sop.sop === 'hotline')?.steps.covered).toBe(10);
  });

  it('credits the branch the call took when two branches (different conditions) lead to the same step', () => {
    // The scenario ticks only "debt": signs and follow-up each leave by their second branch.
    const dir = 'test/cli-test/fixtures/shared-target';
    const result = sop(['test', `${dir}/scenarios`, '--sops', dir, '--coverage', '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    type Sop = { sop: string; branches: { covered: number; total: number }; uncovered: { kind: string; id: string; at: string }[] };
    const intake = (JSON.parse(result.stdout) as { coverage: { scenarios: Sop[] } }).coverage.scenarios.find((sop) => sop.sop === 'intake')!;
    expect(intake.branches).toMatchObject({ covered: 2, total: 8 });
    expect(intake.uncovered.filter((element) => element.kind === 'branch').map((element) => `${element.id} ${element.at}`)).toEqual([
      `signs:next[0] ${dir}/intake.sop.yaml:33:9`,
      `signs:next[2] ${dir}/intake.sop.yaml:37:9`,
      `follow-up:next[0] ${dir}/intake.sop.yaml:42:9`,
      `follow-up:next[2] ${dir}/intake.sop.yaml:46:9`,
      `wrap-up:next[0] ${dir}/intake.sop.yaml:51:9`,
      `wrap-up:next[1] ${dir}/intake.sop.yaml:53:9`,
    ]); // so signs:next[1] and follow-up:next[1] are the two covered
  });

  it('exits 2 with a clear message for a bad --min-coverage, no scenarios, or an unknown format', () => {
    const bad = sop([...PASSING, '--min-coverage', 'lots']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--min-coverage must be a percentage from 0 to 100, got "lots"');
    const none = sop(['test', 'test/check/fixtures/lib', '--sops', 'test/check/fixtures/lib']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no scenarios found/);
    expect(sop([...PASSING, '--format', 'xml']).status).toBe(2);
  });
});

describe('sop test with a scenario file that does not load', () => {
  it('counts it as a failed test at its position (exit 1)', () => {
    const result = sop(['test', 'test/cli-test/fixtures/invalid-scenario', '--sops', 'test/check/fixtures/lib', '--format', 'json']);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as { summary: unknown; scenarios: { passed: boolean; failures: { code: string; at: string }[] }[] };
    expect(json.summary).toEqual({ total: 1, passed: 0, failed: 1 });
    expect(json.scenarios[0]?.failures[0]?.code).toBe('invalid');
    expect(json.scenarios[0]?.failures[0]?.at).toMatch(/typo\.scenario\.yaml:\d+:\d+$/);
  });
});
