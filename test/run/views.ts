/** Step views for the screen tests, built from the e2e fixture library's steps. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { InteractiveStep, Sop } from '../../src/core/model/sop.js';
import { initialUi, type StepView } from '../../src/shell/tui/step-view.js';

const fixture = (name: string): Sop =>
  parse(readFileSync(new URL(`../e2e/fixtures/sops/${name}.sop.yaml`, import.meta.url), 'utf8')) as Sop;

export const intake = fixture('intake');
export const referral = fixture('referral');

export function viewOf(stepId: string, overrides: Partial<StepView> = {}, sop: Sop = intake): StepView {
  const step = sop.steps[stepId] as InteractiveStep;
  return {
    trail: sop === intake ? [intake.title] : [intake.title, sop.title],
    sop: sop.sop,
    stepId,
    step,
    interrupts: intake.interrupts ?? [],
    elapsedMs: 83_000,
    ui: initialUi(step),
    ...overrides,
  };
}
