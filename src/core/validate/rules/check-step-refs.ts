/** SOP104 unknown-step: start, next, goto and interrupts must name steps of the same SOP. */
import type { LoadedSop } from '../../model/library.js';
// Still inline { en, uk } pairs, composed from one another (not yet in the catalogues).
import type { InlineMessage as Message } from '../../model/message.js';
import { suggestion } from '../../findings/did-you-mean.js';
import type { Finding } from '../../findings/finding.js';
import { makeFinding } from '../../findings/make-finding.js';
import { RULES } from '../../findings/rules.js';
import { hasStep, stepEdges, stepIds, stepTargets } from './step-graph.js';

export function checkStepRefs(loaded: LoadedSop): Finding[] {
  const { sop, file, positionOf } = loaded;
  const findings: Finding[] = [];
  const ids = stepIds(sop);
  /** `what` names the reference: "the start step", in Ukrainian "початковий крок". */
  const report = (to: string, path: readonly (string | number)[], what: Message): void => {
    if (hasStep(sop, to)) return;
    const message = { en: `${what.en} '${to}': there is no such step in SOP '${sop.sop}'`, uk: `${what.uk} «${to}»: такого кроку в СОП «${sop.sop}» немає` };
    findings.push(makeFinding(RULES.unknownStep, file, positionOf(path), message, suggestion(to, ids)));
  };
  report(sop.start, ['start'], { en: 'the start step', uk: 'початковий крок' });
  for (const [id, step] of Object.entries(sop.steps)) {
    // Where each target is written is worked out only for a step that names an unknown one.
    if (stepTargets(step).every((to) => hasStep(sop, to))) continue;
    for (const edge of stepEdges(id, step)) report(edge.to, edge.path, { en: 'the next step', uk: 'наступний крок' });
  }
  (sop.interrupts ?? []).forEach((interrupt, index) =>
    report(interrupt.goto, ['interrupts', index, 'goto'], { en: `interrupt '${interrupt.key}' goes to`, uk: `переривання «${interrupt.key}» веде до` }),
  );
  return findings;
}
