/**
 * Properties of the score: on every shipped scenario the expert's own call scores 100 with nothing
 * missed; and any trainee (random walks through the engine: answers, back, the danger key) gets
 * a whole score from 0 to 100 with every part within its bounds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentStep } from '../../src/core/engine/current-step.js';
import { startCall } from '../../src/core/engine/start-call.js';
import { step } from '../../src/core/engine/step.js';
import type { Command, EngineEvent } from '../../src/core/engine/types.js';
import { debriefSession } from '../../src/core/training/debrief-session.js';
import { expertRun } from '../../src/core/training/expert-run.js';
import { shippedLibrary, shippedScenarios } from '../library/helpers.js';
import { sessionOfEvents, trainingLibrary, trainingScenario } from './helpers.js';

describe('the expert’s own call', () => {
  it('scores 100 on every shipped scenario, every decision the same, no red flag missed', async () => {
    const { library } = await shippedLibrary();
    const { scenarios } = await shippedScenarios();
    expect(scenarios.length).toBeGreaterThan(30);
    for (const scenario of scenarios) {
      const expert = expertRun(library, scenario);
      expect(expert.result.passed, scenario.file).toBe(true);
      const debrief = debriefSession(library, expert, sessionOfEvents(expert.result.events));
      expect({ scenario: scenario.scenario.scenario, score: debrief.score.total }).toEqual({ scenario: scenario.scenario.scenario, score: 100 });
      // Every decision the same, except the questions the caller leaves open (shown, not scored).
      expect(debrief.decisions.filter((row) => row.verdict !== 'same' && row.verdict !== 'left-open')).toEqual([]);
      expect(debrief.redFlags.filter((flag) => !flag.hit)).toEqual([]);
      expect(debrief.offPath).toEqual([]);
    }
  });
});

describe('any trainee', () => {
  const library = trainingLibrary();
  const experts = ['two-signs', 'danger-mid-call'].map((name) => expertRun(library, trainingScenario(name)));

  /** Turns random numbers into commands the trainee could give at the current step. */
  function walk(choices: readonly number[]): EngineEvent[] {
    const started = startCall(library, 'hotline');
    if (!started.ok) throw new Error('cannot start');
    const events: EngineEvent[] = [...started.events];
    let state = started.state;
    for (const n of choices) {
      const current = currentStep(library, state);
      if (!current) break;
      const s = current.step;
      let command: Command;
      if (n % 11 === 0) command = { type: 'back' };
      else if (n % 13 === 0) command = { type: 'interrupt', key: '!' };
      else if (s.kind === 'ask') command = { type: 'answer', answer: { kind: 'option', option: s.options[n % s.options.length]!.id } };
      else if (s.kind === 'checklist') command = { type: 'answer', answer: { kind: 'checked', options: s.options.filter((_, i) => (n >> i) & 1).map((o) => o.id) } };
      else if (s.kind === 'input') command = { type: 'answer', answer: { kind: 'value', raw: String(n % 130) } };
      else command = { type: 'answer', answer: { kind: 'continue' } };
      const result = step(library, state, command);
      if (!result.ok) continue;
      events.push(...result.events);
      state = result.state;
    }
    return events;
  }

  it('gets a whole score from 0 to 100, each part within its bounds', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { maxLength: 14 }), fc.constantFrom(...experts), (choices, expert) => {
        const debrief = debriefSession(library, expert, sessionOfEvents(walk(choices)));
        const { total, parts } = debrief.score;
        expect(Number.isInteger(total)).toBe(true);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(100);
        for (const part of Object.values(parts)) {
          expect(part.got).toBeGreaterThanOrEqual(0);
          expect(part.got).toBeLessThanOrEqual(part.of);
          expect(part.points).toBeLessThanOrEqual(part.max + 1e-9);
        }
        for (const row of debrief.decisions) if (row.credit !== undefined) expect(row.credit >= 0 && row.credit <= 1).toBe(true);
        // 100 only when nothing was missed.
        if (total === 100) expect(debrief.redFlags.every((flag) => flag.hit) && debrief.outcome.got === debrief.outcome.expected).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
