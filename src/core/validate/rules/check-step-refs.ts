/** SOP104 unknown-step: start, next, goto and interrupts must name steps of the same SOP. */
import type { LoadedSop } from '../../model/library.js';
import { suggestion } from '../did-you-mean.js';
import type { Finding } from '../finding.js';
import { makeFinding } from '../make-finding.js';
import { RULES } from '../rules.js';
import { hasStep, stepEdges, stepIds, stepTargets } from './step-graph.js';

export function checkStepRefs(loaded: LoadedSop): Finding[] {
  const { sop, file, positionOf } = loaded;
  const findings: Finding[] = [];
  const ids = stepIds(sop);
  const report = (to: string, path: readonly (string | number)[], what: string): void => {
    if (hasStep(sop, to)) return;
    findings.push(
      makeFinding(RULES.unknownStep, file, positionOf(path), `${what} '${to}': there is no such step in SOP '${sop.sop}'`, suggestion(to, ids)),
    );
  };
  report(sop.start, ['start'], 'the start step');
  for (const [id, step] of Object.entries(sop.steps)) {
    // Where each target is written is worked out only for a step that names an unknown one.
    if (stepTargets(step).every((to) => hasStep(sop, to))) continue;
    for (const edge of stepEdges(id, step)) report(edge.to, edge.path, 'the next step');
  }
  (sop.interrupts ?? []).forEach((interrupt, index) => report(interrupt.goto, ['interrupts', index, 'goto'], `interrupt '${interrupt.key}' goes to`));
  return findings;
}
