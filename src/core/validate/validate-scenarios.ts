/**
 * Static checks of scenario files against the library they are validated with: the SOP, steps,
 * outcome, contacts and interrupt keys they name must exist. (Whether the answers lead where the
 * scenario says is `sop test`'s job: it runs them through the engine.) Skipped when the library
 * is empty, e.g. when only a scenarios folder is validated.
 */
import type { LoadedScenario } from '../load/load-parsed-scenario.js';
import type { Library } from '../model/library.js';
import { suggestion } from '../findings/did-you-mean.js';
import type { Finding } from '../findings/finding.js';
import { makeFinding } from '../findings/make-finding.js';
import { RULES } from '../findings/rules.js';

/** `step` or `sop/step` -> [sop, step]. */
function splitRef(ref: string, sop: string): [string, string] {
  const slash = ref.indexOf('/');
  return slash === -1 ? [sop, ref] : [ref.slice(0, slash), ref.slice(slash + 1)];
}

export function validateScenarios(scenarios: readonly LoadedScenario[], library: Library, rejected: ReadonlySet<string> = new Set()): Finding[] {
  if (library.sops.size === 0) return [];
  const findings: Finding[] = [];
  const sopIds = [...library.sops.keys()];
  for (const { scenario, file, positionOf } of scenarios) {
    const known = (sop: string): boolean => library.sops.has(sop) || rejected.has(sop);
    if (!known(scenario.sop)) {
      findings.push(
        makeFinding(
          RULES.unknownSop,
          file,
          positionOf(['sop']),
          { en: `the scenario starts in SOP '${scenario.sop}', which is not in the library`, uk: `сценарій починається в СОП «${scenario.sop}», якої немає в бібліотеці` },
          suggestion(scenario.sop, sopIds),
        ),
      );
      continue;
    }
    const checkStep = (ref: string, path: readonly (string | number)[]): void => {
      const [sop, step] = splitRef(ref, scenario.sop);
      const loaded = library.sops.get(sop);
      if (loaded === undefined) {
        if (rejected.has(sop)) return;
        const message = { en: `'${ref}' names SOP '${sop}', which is not in the library`, uk: `«${ref}» називає СОП «${sop}», якої немає в бібліотеці` };
        findings.push(makeFinding(RULES.unknownSop, file, positionOf(path), message, suggestion(sop, sopIds)));
        return;
      }
      if (Object.prototype.hasOwnProperty.call(loaded.sop.steps, step)) return;
      const message = { en: `'${ref}': SOP '${sop}' has no step '${step}'`, uk: `«${ref}»: у СОП «${sop}» немає кроку «${step}»` };
      findings.push(makeFinding(RULES.unknownStep, file, positionOf(path), message, suggestion(step, Object.keys(loaded.sop.steps))));
    };
    const interruptKeys = new Set<string>();
    for (const loaded of library.sops.values()) for (const interrupt of loaded.sop.interrupts ?? []) interruptKeys.add(interrupt.key);
    scenario.answers.forEach((entry, index) => {
      if ('step' in entry) checkStep(entry.step, ['answers', index, 'step']);
      else {
        if (entry.at !== undefined) checkStep(entry.at, ['answers', index, 'at']);
        if (!interruptKeys.has(entry.interrupt)) {
          const keys = [...interruptKeys].join(' ');
          findings.push(
            makeFinding(
              RULES.unknownInterrupt,
              file,
              positionOf(['answers', index, 'interrupt']),
              { en: `no SOP in the library declares interrupt key '${entry.interrupt}'`, uk: `жодна СОП у бібліотеці не оголошує клавішу переривання «${entry.interrupt}»` },
              suggestion(entry.interrupt, interruptKeys) ?? { en: `declared keys: ${keys || 'none'}`, uk: `оголошені клавіші: ${keys || 'жодної'}` },
            ),
          );
        }
      }
    });
    (scenario.expect.visits ?? []).forEach((ref, index) => checkStep(ref, ['expect', 'visits', index]));
    const [outcomeSop, outcomeId] = splitRef(scenario.expect.outcome, '');
    const outcomeOwner = library.sops.get(outcomeSop);
    if (outcomeSop === '' || (outcomeOwner === undefined && !rejected.has(outcomeSop))) {
      findings.push(
        makeFinding(RULES.undeclaredOutcome, file, positionOf(['expect', 'outcome']), {
          en: `expect.outcome must be sop-id/outcome-id of an SOP in the library, not '${scenario.expect.outcome}'`,
          uk: `expect.outcome має бути sop-id/outcome-id СОП із бібліотеки, а не «${scenario.expect.outcome}»`,
        }),
      );
    } else if (outcomeOwner !== undefined && !Object.prototype.hasOwnProperty.call(outcomeOwner.sop.outcomes ?? {}, outcomeId)) {
      findings.push(
        makeFinding(
          RULES.undeclaredOutcome,
          file,
          positionOf(['expect', 'outcome']),
          { en: `SOP '${outcomeSop}' has no outcome '${outcomeId}'`, uk: `у СОП «${outcomeSop}» немає результату «${outcomeId}»` },
          suggestion(outcomeId, Object.keys(outcomeOwner.sop.outcomes ?? {})),
        ),
      );
    }
    const contacts = library.directory?.contacts;
    if (contacts !== undefined) {
      (scenario.expect.referrals ?? []).forEach((id, index) => {
        if (!Object.prototype.hasOwnProperty.call(contacts, id)) {
          const message = { en: `'${id}' is not in the directory`, uk: `«${id}» немає в довіднику` };
          findings.push(makeFinding(RULES.unknownContact, file, positionOf(['expect', 'referrals', index]), message, suggestion(id, Object.keys(contacts))));
        }
      });
    }
  }
  return findings;
}
