/** Debrief and score of a training session against the expert's call (pure, through the real engine). */
import { describe, expect, it } from 'vitest';
import { debriefSession, expertRun, formatDebrief } from '../../src/core/training/index.js';
import { trainingLibrary, trainingScenario, trainingSession } from './helpers.js';

const library = trainingLibrary();
const twoSigns = expertRun(library, trainingScenario('two-signs'));
const danger = expertRun(library, trainingScenario('danger-mid-call'));

/** The expert's own moves for two-signs. */
const EXPERT = [{ answer: 'continue', seconds: 5 }, { answer: 'yes', seconds: 10 }, { answer: 24, seconds: 5 }, { answer: 'job-offer', seconds: 15 }, { answer: ['passport', 'debt'], seconds: 30 }, { answer: 'continue', seconds: 40 }, { answer: 'yes', seconds: 10 }];

describe('the expert run', () => {
  it('ties every scenario entry to the step it was given at', () => {
    expect(twoSigns.result.passed).toBe(true);
    expect(twoSigns.entries.map((e) => e.step)).toEqual([
      'hotline/greet', 'hotline/safe', 'hotline/age', 'hotline/concern', 'hotline/offer-signs', 'hotline/warn', 'partner-referral/offer',
    ]);
    expect(danger.entries.map((e) => [e.type, e.step])).toEqual([
      ['answer', 'hotline/greet'], ['answer', 'hotline/safe'], ['interrupt', 'hotline/age'],
    ]);
  });
});

describe('debrief', () => {
  it('gives 100 to the expert’s own call', () => {
    const debrief = debriefSession(library, twoSigns, trainingSession(library, 'hotline', EXPERT));
    expect(debrief.score.total).toBe(100);
    expect(debrief.decisions.map((d) => d.verdict)).toEqual(['same', 'same', 'same', 'same', 'same']);
    expect(debrief.redFlags).toEqual([expect.objectContaining({ kind: 'visit', ref: 'hotline/warn', hit: true })]);
  });

  it('scores a partial checklist that leads off the expert’s path (formula: 50 x 2.5/4 + 25 x 0 + 25 x 0 = 31)', () => {
    const moves = [{ answer: 'continue' }, { answer: 'yes' }, { answer: 24 }, { answer: 'job-offer' }, { answer: ['passport'], seconds: 70 }, { answer: 'continue' }];
    const debrief = debriefSession(library, twoSigns, trainingSession(library, 'hotline', moves));
    expect(debrief.score.total).toBe(31);
    expect(debrief.score.parts.decisions).toMatchObject({ got: 2.5, of: 4 });
    const signs = debrief.decisions.find((d) => d.step === 'hotline/offer-signs');
    expect(signs).toMatchObject({ verdict: 'partial', credit: 0.5, trainee: { type: 'answer', answer: { kind: 'checked', options: ['passport'] } } });
    expect(signs?.why).toBeDefined();
    expect(signs?.guidance).toBeDefined();
    expect(debrief.decisions.find((d) => d.step === 'partner-referral/offer')).toMatchObject({ verdict: 'not-reached', credit: 0 });
    expect(debrief.offPath).toEqual([]);
    expect(debrief.redFlags).toEqual([expect.objectContaining({ ref: 'hotline/warn', hit: false })]);
    expect(debrief.outcome).toEqual({ expected: 'hotline/referred', got: 'hotline/informed' });
    expect(debrief.times.find((t) => t.step === 'hotline/offer-signs')).toEqual({ step: 'hotline/offer-signs', traineeMs: 70_000, expertSeconds: 30, slow: true });
    const text = formatDebrief(debrief, library, 'en');
    expect(text).toContain('Score: 31 / 100');
    expect(text).toContain('Two or more signs together mean a high risk.');
    expect(text).toContain('Explain the risk of the offer (hotline/warn): not passed through');
  });
});
