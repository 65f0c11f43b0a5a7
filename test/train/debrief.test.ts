/** Debrief and score of a training session against the expert's call (pure, through the real engine). */
import { describe, expect, it } from 'vitest';
import { checklistCredit, scoreOf } from '../../src/core/training/score.js';
import { debriefSession } from '../../src/core/training/debrief-session.js';
import { expertRun } from '../../src/core/training/expert-run.js';
import { formatDebrief } from '../../src/core/training/format-debrief.js';
import { stepBanner } from '../../src/core/training/step-banner.js';
import { join } from 'node:path';
import { loadScenario } from '../../src/core/load/load-scenario.js';
import { loadFixtureLibrary, sourceFile } from '../fixture-files.js';
import { ROOT, trainingLibrary, trainingScenario, trainingSession } from './helpers.js';

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

describe('the score formula', () => {
  it('weighs decisions 50, red flags 25, outcome 25', () => {
    const score = scoreOf({ decisions: { got: 3, of: 4 }, redFlags: { got: 1, of: 2 }, outcome: { got: 1, of: 1 } });
    expect(score.total).toBe(Math.round(50 * 0.75 + 25 * 0.5 + 25));
    expect(score.parts.decisions).toMatchObject({ points: 37.5, max: 50 });
  });

  it('shares out the weight of a part the scenario does not have', () => {
    const noFlags = scoreOf({ decisions: { got: 1, of: 2 }, redFlags: { got: 0, of: 0 }, outcome: { got: 1, of: 1 } });
    expect(noFlags.parts.redFlags.max).toBe(0);
    expect(noFlags.parts.decisions.max).toBeCloseTo(66.67, 1);
    expect(noFlags.total).toBe(Math.round((100 * (50 * 0.5 + 25)) / 75));
  });

  it('gives checklists partial credit: ticks in common over ticks in either', () => {
    expect(checklistCredit(['a', 'b'], ['a'])).toBe(0.5);
    expect(checklistCredit(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3);
    expect(checklistCredit([], [])).toBe(1);
    expect(checklistCredit(['a'], [])).toBe(0);
  });
});

describe('the trainee’s choices', () => {
  it('takes the answer given after going back, not the one undone', () => {
    const moves = [{ answer: 'continue' }, { answer: 'yes' }, { answer: 24 }, { answer: 'other' }, { back: true as const }, { answer: 'job-offer' }, { answer: ['passport', 'debt'] }, { answer: 'continue' }, { answer: 'yes' }];
    const debrief = debriefSession(library, twoSigns, trainingSession(library, 'hotline', moves));
    expect(debrief.decisions.find((d) => d.step === 'hotline/concern')?.verdict).toBe('same');
    expect(debrief.offPath).toEqual([]);
    expect(debrief.score.total).toBe(100);
  });

  it('leaves out an answer the journal kept only as [redacted], and counts an interrupt as the decision at its step', () => {
    const session = trainingSession(library, 'hotline', [{ answer: 'continue' }, { answer: 'yes' }, { key: '!' }], { scenario: 'danger-mid-call' });
    const redacted = {
      ...session,
      lines: session.lines.map((line) =>
        line.type === 'answer' && line.step === 'hotline/safe' ? { ...line, answer: { kind: 'option' as const, option: '[redacted]' }, value: '[redacted]', redacted: true as const } : line,
      ),
    };
    const debrief = debriefSession(library, danger, redacted);
    expect(debrief.decisions.map((d) => [d.step, d.verdict, d.credit])).toEqual([
      ['hotline/safe', 'not-comparable', undefined],
      ['hotline/age', 'same', 1],
    ]);
    expect(debrief.score.parts.decisions).toMatchObject({ got: 1, of: 1 });
    expect(debrief.score.total).toBe(100);
  });

  it('an unfinished call scores its outcome 0 and its steps not reached 0', () => {
    const debrief = debriefSession(library, twoSigns, trainingSession(library, 'hotline', EXPERT.slice(0, 3)));
    expect(debrief.finished).toBe(false);
    expect(debrief.outcome.got).toBeUndefined();
    expect(debrief.score.total).toBe(Math.round(50 * (1 / 4)));
    expect(formatDebrief(debrief, library, 'uk')).toContain('дзвінок не завершено');
  });
});

describe('the lines above a step', () => {
  it('show the caller’s words; with --reveal also the expert’s choice and why, or that the expert never came here', () => {
    expect(stepBanner(twoSigns, library, 'hotline/concern', 'en', false)).toEqual(['Caller: “A friend offers me work in a greenhouse in Poland.”']);
    expect(stepBanner(twoSigns, library, 'hotline/greet', 'en', false)).toEqual([]);
    expect(stepBanner(twoSigns, library, 'hotline/offer-signs', 'uk', true)).toEqual([
      'Абонент: “Паспорт забирають на оформлення, а квиток на автобус відраховують із першої зарплати.”',
      'Експерт: Роботодавець забирає паспорт [passport]; Дорогу відраховують із зарплати [debt]',
      'Чому: Згадано і паспорт, і борг за дорогу; разом це високий ризик.',
    ]);
    expect(stepBanner(danger, library, 'hotline/age', 'en', true)).toEqual([
      'Caller: “They\'re coming back — they have a knife!”',
      'Expert: press ! (Immediate danger)',
      'Why: Danger can appear at any step; the ! key goes straight to the emergency procedure.',
    ]);
    expect(stepBanner(twoSigns, library, 'hotline/info', 'en', true)).toEqual(['Expert: the expert’s call does not pass through this step.']);
  });
});

describe('the debrief in Ukrainian', () => {
  it('writes the decimal comma', () => {
    const moves = [{ answer: 'continue' }, { answer: 'yes' }, { answer: 24 }, { answer: 'job-offer' }, { answer: ['passport'] }, { answer: 'continue' }];
    const text = formatDebrief(debriefSession(library, twoSigns, trainingSession(library, 'hotline', moves)), library, 'uk');
    expect(text).toContain('Оцінка: 31 / 100');
    expect(text).toContain('Рішення як в експерта: 2,5 з 4');
  });
});

describe('a question the scenario caller leaves open', () => {
  const SEALED = join(ROOT, 'test', 'train', 'fixtures', 'sealed');
  const sealedLibrary = loadFixtureLibrary([sourceFile(join(SEALED, 'sealed.sop.yaml'))], 'sealed fixture');
  const file = sourceFile(join(SEALED, 'scenarios', 'sealed-indicators.scenario.yaml'));
  const scenarioOf = (text: string) => {
    const { loaded } = loadScenario({ ...file, text });
    if (!loaded) throw new Error('the scenario does not load');
    return expertRun(sealedLibrary, loaded);
  };
  const open = scenarioOf(file.text);
  // The same scenario where the caller does say: "unknown" is then a judgement, and scored.
  const said = scenarioOf(file.text.replace('    answer: unknown', '    answer: unknown\n    caller: { en: "I would rather not say who I am.", uk: "Не хочу казати, хто я." }'));
  const moves = (gender: string) => [{ answer: ['zq-threats', 'zq-documents'] }, { answer: 'a flat' }, { answer: gender }];

  it('is shown beside the expert’s but never scored, whatever the trainee chose (ask step with stat:, answer unknown, no caller line)', () => {
    for (const gender of ['female', 'male', 'unknown']) {
      const debrief = debriefSession(sealedLibrary, open, trainingSession(sealedLibrary, 'sealed', moves(gender), { scenario: 'sealed-indicators' }));
      const row = debrief.decisions.find((d) => d.step === 'sealed/gender');
      expect(row).toMatchObject({ verdict: 'left-open', trainee: { type: 'answer', answer: { kind: 'option', option: gender } } });
      expect(row?.credit).toBeUndefined();
      expect(debrief.score.parts.decisions).toMatchObject({ got: 1, of: 1 });
      expect(debrief.score.total).toBe(100);
      expect(formatDebrief(debrief, sealedLibrary, 'uk')).toContain('(абонент цього не казав, не оцінюється)');
    }
  });

  it('is scored when the scenario gives the caller a line there', () => {
    const debrief = debriefSession(sealedLibrary, said, trainingSession(sealedLibrary, 'sealed', moves('female'), { scenario: 'sealed-indicators' }));
    expect(debrief.decisions.find((d) => d.step === 'sealed/gender')).toMatchObject({ verdict: 'different', credit: 0 });
    expect(debrief.score.parts.decisions).toMatchObject({ got: 1, of: 2 });
  });
});
