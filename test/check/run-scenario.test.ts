import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/core/check/run-scenario.js';
import { formatTestJson } from '../../src/shell/format/test-json.js';
import { fixtureLibrary, fixtureScenario } from './helpers.js';
import { say } from '../../src/core/model/message.js';

const library = fixtureLibrary();
const run = (name: string) => runScenario(library, fixtureScenario(name));

describe('runScenario', () => {
  it('passes a scenario through a sub-SOP with outcome, visits and referrals checked', () => {
    const result = run('minor-unsafe');
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.outcome).toBe('hotline/referred');
  });

  it('passes scenarios with an interrupt and with an adult', () => {
    expect(run('danger').failures).toEqual([]);
    expect(run('adult-referred').failures).toEqual([]);
  });

  it('fails when an answer is for another step than the call is at, with both positions', () => {
    const result = run('wrong-step');
    expect(result.passed).toBe(false);
    expect(result.failures).toHaveLength(1);
    const [failure] = result.failures;
    expect(failure?.code).toBe('wrong-step');
    expect(say('en', failure!.message)).toBe('expected to be at hotline/age, call is at hotline/signs');
    expect(failure?.scenarioAt).toMatchObject({ file: expect.stringMatching(/wrong-step\.scenario\.yaml$/), line: 10 });
    expect(failure?.sopAt).toMatchObject({ file: expect.stringMatching(/hotline\.sop\.yaml$/), line: 34 });
  });

  it('reports every wrong expectation, each at its line in the scenario', () => {
    const result = run('wrong-expectations');
    expect(result.failures.map((failure) => [failure.code, failure.scenarioAt?.line])).toEqual([
      ['outcome', 11],
      ['missing-visit', 12],
      ['missing-referral', 13],
      ['missing-interrupt', 14],
    ]);
    expect(result.failures[0]).toMatchObject({ expected: 'hotline/referred', got: 'hotline/informed' });
  });

  it('reports an answer the engine refuses, in both languages', () => {
    const [failure] = run('bad-answer').failures;
    expect(failure?.code).toBe('refused');
    expect(failure?.scenarioAt?.line).toBe(13);
    expect(say('en', failure!.message)).toMatch(/answer 4/);
    expect(say('uk', failure!.message)).toMatch(/відповідь 4/);
  });

  it('fails a scenario whose expert path takes longer than the caller has, at the budget line', () => {
    const result = runScenario(library, fixtureScenario('over-time', 'time-budget'));
    expect(result.passed).toBe(false);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ code: 'over-time', expected: '<= 120 s', got: '180 s', scenarioAt: { line: 5 } });
    expect(say('en', result.failures[0]!.message)).toMatch(/takes 3:00 .* the caller has 2:00/);
    expect(say('uk', result.failures[0]!.message)).toMatch(/триває 3:00/);
    expect(runScenario(library, fixtureScenario('within-time', 'time-budget')).failures).toEqual([]);
  });

  it('fails a call left waiting when the answers run out', () => {
    const [failure] = run('not-ended').failures;
    expect(failure).toMatchObject({ code: 'not-ended', got: 'hotline/topic' });
  });

  it('matches the expected JSON report for the failing fixtures (deterministic)', async () => {
    const results = ['bad-answer', 'not-ended', 'wrong-expectations', 'wrong-step'].map(run);
    const json = formatTestJson({ results }, 'en');
    expect(json).toBe(formatTestJson({ results: ['bad-answer', 'not-ended', 'wrong-expectations', 'wrong-step'].map(run) }, 'en'));
    await expect(json).toMatchFileSnapshot('./fixtures/scenarios/failing.expected.json');
  });
});
