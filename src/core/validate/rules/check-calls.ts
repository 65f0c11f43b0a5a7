/**
 * Calls across the library:
 *  SOP301 unknown-sop  a call names an SOP that is not in the library;
 *  SOP302 call-cycle   SOPs that call each other in a cycle (the call could never end).
 */
import type { Library } from '../../model/library.js';
import { suggestion } from '../../findings/did-you-mean.js';
import type { Finding } from '../../findings/finding.js';
import { makeFinding } from '../../findings/make-finding.js';
import { RULES } from '../../findings/rules.js';

interface CallSite {
  readonly from: string;
  readonly step: string;
  readonly to: string;
}

/** Strongly connected components (Tarjan), as a map sop id -> component number. */
function components(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  let count = 0;
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.set(member, count);
      } while (member !== node);
      count++;
    }
  };
  for (const node of nodes) if (!index.has(node)) connect(node);
  return component;
}

export function checkCalls(library: Library, rejected: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const ids = [...library.sops.keys()].sort();
  const sites: CallSite[] = [];
  for (const id of ids) {
    const loaded = library.sops.get(id)!;
    for (const [stepId, step] of Object.entries(loaded.sop.steps)) {
      if (step.kind !== 'call') continue;
      if (library.sops.has(step.sop)) {
        sites.push({ from: id, step: stepId, to: step.sop });
      } else if (!rejected.has(step.sop)) {
        findings.push(
          makeFinding(
            RULES.unknownSop,
            loaded.file,
            loaded.positionOf(['steps', stepId, 'sop']),
            {
              en: `step '${stepId}' calls SOP '${step.sop}', which is not in the library`,
              uk: `крок «${stepId}» викликає СОП «${step.sop}», якої немає в бібліотеці`,
            },
            suggestion(step.sop, ids) ?? {
              en: 'check the id, or validate the folder that holds that SOP too',
              uk: 'перевірте ідентифікатор або перевірте разом і теку, де лежить та СОП',
            },
          ),
        );
      }
    }
  }
  const edges = new Map<string, string[]>();
  for (const site of sites) edges.set(site.from, [...(edges.get(site.from) ?? []), site.to]);
  const component = components(ids, edges);
  for (const site of sites) {
    if (component.get(site.from) !== component.get(site.to)) continue;
    const loaded = library.sops.get(site.from)!;
    const message =
      site.from === site.to
        ? { en: `call cycle: '${site.from}' calls itself; such a call could never end`, uk: `виклик по колу: СОП «${site.from}» викликає сама себе; такий дзвінок ніколи б не завершився` }
        : {
            en: `call cycle: '${site.from}' calls '${site.to}', which leads back to '${site.from}'; such a call could never end`,
            uk: `виклик по колу: СОП «${site.from}» викликає «${site.to}», а та веде назад до «${site.from}»; такий дзвінок ніколи б не завершився`,
          };
    findings.push(
      makeFinding(RULES.callCycle, loaded.file, loaded.positionOf(['steps', site.step, 'sop']), message, {
        en: 'go back with an interrupt or a step of this SOP instead of calling it again',
        uk: 'поверніться перериванням або кроком цієї СОП замість того, щоб викликати її знову',
      }),
    );
  }
  return findings;
}
