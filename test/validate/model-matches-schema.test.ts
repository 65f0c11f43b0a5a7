/**
 * The model (src/core/model/*.ts, hand-written for readability) and the JSON Schemas cannot drift:
 *  - scripts/gen-types.mjs generates src/generated/*-types.ts from the schemas at every build,
 *    and the first test fails when the committed generated file is stale;
 *  - the type assertions below make `tsc` (npm test runs it first) fail when a model type and its
 *    generated counterpart differ (after normalising readonly, non-empty tuples and `| undefined`
 *    in index signatures, which the two write differently).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type * as Directory from '../../src/core/model/directory.js';
import type * as ScenarioModel from '../../src/core/model/scenario.js';
import type * as Model from '../../src/core/model/sop.js';
import type * as GenDirectory from '../../src/generated/directory-types.js';
import type * as GenScenario from '../../src/generated/scenario-types.js';
import type * as Gen from '../../src/generated/sop-types.js';

type Norm<T> = T extends string | number | boolean | null
  ? T
  : T extends readonly (infer E)[]
    ? Norm<E>[]
    : { -readonly [K in keyof T]: Norm<Exclude<T[K], undefined>> };
type Same<A, B> = [Norm<A>] extends [Norm<B>] ? ([Norm<B>] extends [Norm<A>] ? true : false) : false;

type Checks = {
  sopWithoutSteps: Same<Omit<Model.Sop, 'steps'>, Omit<Gen.SopRunnerStandardOperatingProcedure, 'steps'>>;
  variable: Same<Model.VariableDecl, Gen.Variable>;
  outcome: Same<Model.OutcomeDecl, Gen.Outcome>;
  interrupt: Same<Model.Interrupt, Gen.Interrupt>;
  branch: Same<Model.Branch, Gen.Branch>;
  next: Same<Model.Next, Gen.Next>;
  value: Same<Model.Value, Gen.Value>;
  askOption: Same<Model.AskOption, Gen.AskOption>;
  checklistOption: Same<Model.ChecklistOption, Gen.ChecklistOption>;
  input: Same<Model.InputSpec, Gen.Input>;
  say: Same<Model.SayStep, Gen.SayStep>;
  ask: Same<Model.AskStep, Gen.AskStep>;
  checklist: Same<Model.ChecklistStep, Gen.ChecklistStep>;
  inputStep: Same<Model.InputStep, Gen.InputStep>;
  decide: Same<Model.DecideStep, Gen.DecideStep>;
  call: Same<Model.CallStep, Gen.CallStep>;
  end: Same<Model.EndStep, Gen.EndStep>;
  stepKinds: Same<Model.StepKind, Gen.Step['kind']>;
  directory: Same<Omit<Directory.Directory, 'contacts'>, Omit<GenDirectory.SopRunnerReferralDirectory, 'contacts'>>;
  contact: Same<Directory.Contact, GenDirectory.Contact>;
  scenario: Same<Omit<ScenarioModel.Scenario, 'answers'>, Omit<GenScenario.SopRunnerTrainingScenarioAndTestCase, 'answers'>>;
  answer: Same<ScenarioModel.ScenarioAnswer, GenScenario.AnswerEntry>;
  scenarioInterrupt: Same<ScenarioModel.ScenarioInterrupt, GenScenario.InterruptEntry>;
};
// Fails to compile when any check above is false.
const allSame: { [K in keyof Checks]: true } = {} as Checks;

describe('model matches schema', () => {
  it('the committed generated types are up to date with the schemas', async () => {
    // @ts-expect-error: a plain .mjs script without types
    const { generateTypes } = (await import('../../scripts/gen-types.mjs')) as { generateTypes: (name: string) => Promise<string> };
    for (const name of ['sop', 'directory', 'scenario']) {
      const committed = readFileSync(new URL(`../../src/generated/${name}-types.ts`, import.meta.url), 'utf8');
      expect(await generateTypes(name), `run "node scripts/gen-types.mjs" (npm run build) and commit src/generated/${name}-types.ts`).toBe(committed);
    }
    expect(allSame).toBeDefined();
  });
});
