/**
 * Outcomes of one SOP:
 *  SOP303 undeclared-outcome  an end step's outcome is not under outcomes:;
 *  SOP306 unused-outcome      an outcome no end step uses (warning).
 */
import type { LoadedSop } from '../../model/library.js';
import { suggestion } from '../../findings/did-you-mean.js';
import type { Finding } from '../../findings/finding.js';
import { makeFinding } from '../../findings/make-finding.js';
import { RULES } from '../../findings/rules.js';

export function checkOutcomes(loaded: LoadedSop): Finding[] {
  const { sop, file, positionOf } = loaded;
  const findings: Finding[] = [];
  const declared = Object.keys(sop.outcomes ?? {});
  const used = new Set<string>();
  for (const [id, step] of Object.entries(sop.steps)) {
    if (step.kind !== 'end') continue;
    used.add(step.outcome);
    if (!declared.includes(step.outcome)) {
      findings.push(
        makeFinding(
          RULES.undeclaredOutcome,
          file,
          positionOf(['steps', id, 'outcome']),
          { en: `outcome '${step.outcome}' is not declared in SOP '${sop.sop}'`, uk: `результат «${step.outcome}» не оголошено в СОП «${sop.sop}»` },
          suggestion(step.outcome, declared) ?? {
            en: `declare it under outcomes: (${step.outcome}: { label: ..., category: ... })`,
            uk: `оголосіть його в outcomes: (${step.outcome}: { label: ..., category: ... })`,
          },
        ),
      );
    }
  }
  for (const id of declared) {
    if (!used.has(id)) {
      findings.push(
        makeFinding(
          RULES.unusedOutcome,
          file,
          positionOf(['outcomes', id]),
          { en: `outcome '${id}' is declared but no end step uses it`, uk: `результат «${id}» оголошено, але жоден крок end його не використовує` },
          { en: 'use it in an end step, or delete it', uk: 'використайте його в кроці end або видаліть' },
        ),
      );
    }
  }
  return findings;
}
