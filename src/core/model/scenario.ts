/** A training scenario / test case (`sops/scenarios/*.scenario.yaml`), per schemas/scenario.schema.json. */
import type { Localized } from './sop.js';

/** `step` (in the scenario's SOP) or `sop-id/step-id`. */
export type StepRef = string;

export type ScenarioAnswerValue = string | number | boolean | readonly string[] | null;

export interface ScenarioAnswer {
  readonly step: StepRef;
  readonly answer: ScenarioAnswerValue;
  readonly caller?: Localized;
  readonly why?: Localized;
  readonly seconds?: number;
  readonly note?: string;
}

export interface ScenarioInterrupt {
  readonly interrupt: string;
  readonly at?: StepRef;
  readonly caller?: Localized;
  readonly why?: Localized;
}

export type ScenarioEntry = ScenarioAnswer | ScenarioInterrupt;

export interface Scenario {
  readonly scenario: string;
  readonly title: Localized;
  readonly sop: string;
  readonly difficulty?: 'easy' | 'medium' | 'hard';
  readonly situation: Localized;
  /** How long the caller can stay on the line; `sop test` fails when the expert's seconds add up to more. */
  readonly caller_time_budget_seconds?: number;
  readonly answers: readonly ScenarioEntry[];
  readonly expect: {
    /** `sop-id/outcome-id`. */
    readonly outcome: string;
    readonly visits?: readonly StepRef[];
    readonly referrals?: readonly string[];
    readonly interrupts?: readonly string[];
  };
}
