/**
 * Step references: scenarios say `greet` (a step of the scenario's SOP) or `other-sop/greet`; the
 * engine and the journal always use the qualified form `sop-id/step-id`.
 */
import type { QualifiedStep } from './types.js';
import type { Library } from '../model/library.js';
import { ownEntry, ownStep } from '../model/own-step.js';
import type { OutcomeDecl, Step } from '../model/sop.js';

/** `greet` in SOP `intake` -> `intake/greet`; an already qualified ref is returned as is. */
export function qualifyStepRef(ref: string, sopId: string): QualifiedStep {
  return ref.includes('/') ? ref : `${sopId}/${ref}`;
}

/** `intake/greet` -> { sop: 'intake', step: 'greet' }. */
export function splitQualified(qualified: QualifiedStep): { readonly sop: string; readonly step: string } {
  const slash = qualified.indexOf('/');
  if (slash < 0) return { sop: '', step: qualified };
  return { sop: qualified.slice(0, slash), step: qualified.slice(slash + 1) };
}

/**
 * The step `sop-id/step-id` of the library, or undefined. Own steps only: a step id read from a
 * journal or a scenario may name one that is gone, and `constructor` must not find Object's.
 */
export function stepAt(library: Library | undefined, qualified: QualifiedStep): Step | undefined {
  const { sop, step } = splitQualified(qualified);
  const loaded = library?.sops.get(sop);
  return loaded ? ownStep(loaded.sop, step) : undefined;
}

/** The outcome `sop-id/outcome-id` as its SOP declares it, or undefined. Own outcomes only, as stepAt. */
export function outcomeAt(library: Library | undefined, qualified: string): OutcomeDecl | undefined {
  const { sop, step: id } = splitQualified(qualified);
  return ownEntry(library?.sops.get(sop)?.sop.outcomes, id);
}
