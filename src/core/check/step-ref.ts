/**
 * Step references: scenarios say `greet` (a step of the scenario's SOP) or `other-sop/greet`; the
 * engine and the journal always use the qualified form `sop-id/step-id`.
 */
import type { QualifiedStep } from '../engine/types.js';

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
