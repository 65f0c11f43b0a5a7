/**
 * Flow rules of one SOP:
 *  SOP105 unreachable-step  no path from start or an interrupt target reaches it;
 *  SOP106 no-way-to-end     no end reachable from it (an end, or a call without next, is terminal);
 *  SOP107 missing-default   branches whose last entry has a when;
 *  SOP109 unreachable-branch branches after a default;
 *  SOP108 option-without-next an ask option without next when the step has none;
 *  SOP102 duplicate-option  two options with the same id;
 *  SOP103 duplicate-interrupt two interrupts with the same key.
 * An unreachable step or one with no way to end that is so only because a next, goto or interrupt
 * names a step that does not exist (SOP104, reported by check-step-refs) carries that finding as
 * its cause: the formats fold it under the mistyped reference instead of listing it on its own.
 */
import type { LoadedSop } from '../../model/library.js';
import { didYouMean } from '../../findings/did-you-mean.js';
import type { Finding, FindingRef } from '../../findings/finding.js';
import { makeFinding } from '../../findings/make-finding.js';
import { RULES } from '../../findings/rules.js';
import { branchLists, hasStep, stepEdges, stepTargets } from './step-graph.js';

/** A reference to a step that does not exist: where it is written, and the step it was probably meant to name. */
interface Broken {
  /** The step it leaves from; undefined for an interrupt (offered at every step). */
  readonly from: string | undefined;
  readonly ref: FindingRef;
  readonly repair: string | undefined;
}

function brokenReferences(loaded: LoadedSop): Broken[] {
  const { sop, file, positionOf } = loaded;
  const ids = Object.keys(sop.steps);
  const broken: Broken[] = [];
  const add = (from: string | undefined, to: string, path: readonly (string | number)[]): void => {
    const position = positionOf(path);
    const ref = { file, line: position?.line ?? 1, col: position?.col ?? 1, rule: RULES.unknownStep.code };
    broken.push({ from, ref, repair: didYouMean(to, ids) });
  };
  for (const [id, step] of Object.entries(sop.steps)) {
    if (stepTargets(step).every((to) => hasStep(sop, to))) continue;
    for (const edge of stepEdges(id, step)) if (!hasStep(sop, edge.to)) add(id, edge.to, edge.path);
  }
  (sop.interrupts ?? []).forEach((interrupt, index) => {
    if (!hasStep(sop, interrupt.goto)) add(undefined, interrupt.goto, ['interrupts', index, 'goto']);
  });
  return broken;
}

/** `edges` with `broken` repaired (its edge pointed at the step it was probably meant to name). */
function repaired(edges: ReadonlyMap<string, readonly string[]>, broken: Broken): Map<string, readonly string[]> {
  const copy = new Map(edges);
  if (broken.from !== undefined && broken.repair !== undefined) copy.set(broken.from, [...(edges.get(broken.from) ?? []), broken.repair]);
  return copy;
}

function reverse(edges: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const predecessors = new Map<string, string[]>();
  for (const [from, tos] of edges) {
    for (const to of tos) {
      const list = predecessors.get(to);
      if (list) list.push(from);
      else predecessors.set(to, [from]);
    }
  }
  return predecessors;
}

/** Every node reachable from `starts` along `edges`. */
function closure(starts: readonly string[], edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of edges.get(id) ?? []) if (!seen.has(next)) stack.push(next);
  }
  return seen;
}

function withCause(finding: Finding, subject: string, cause: FindingRef | undefined): Finding {
  return cause === undefined ? { ...finding, subject } : { ...finding, subject, cause };
}

export function checkFlow(loaded: LoadedSop): Finding[] {
  const { sop, file, positionOf } = loaded;
  const findings: Finding[] = [];
  const ids = Object.keys(sop.steps);
  const successors = new Map<string, string[]>();
  for (const id of ids) successors.set(id, stepTargets(sop.steps[id]!).filter((to) => hasStep(sop, to)));

  // Reachability from start and from interrupt targets (offered at every step).
  const starts = [sop.start, ...(sop.interrupts ?? []).map((i) => i.goto)].filter((id) => hasStep(sop, id));
  const reached = closure(starts, successors);
  const broken = brokenReferences(loaded);
  // What each mistyped reference, once repaired, would reach, and which steps could then end.
  const repairs = broken.filter((b) => b.repair !== undefined);
  const reachedWith = repairs.map((b) => closure(b.from === undefined ? [...starts, b.repair!] : starts, repaired(successors, b)));
  // With an unknown start (reported as unknown-step) every step would be "unreachable": skip.
  for (const id of hasStep(sop, sop.start) ? ids : []) {
    if (!reached.has(id)) {
      const cause = repairs.find((_, index) => reachedWith[index]!.has(id))?.ref;
      findings.push(
        withCause(
          makeFinding(
            RULES.unreachableStep,
            file,
            positionOf(['steps', id]),
            { en: `step '${id}' cannot be reached from start '${sop.start}'`, uk: `до кроку «${id}» не можна дійти від початкового кроку «${sop.start}»` },
            { en: 'point a next or goto at it, or delete it', uk: 'спрямуйте на нього next чи goto або видаліть його' },
          ),
          id,
          cause,
        ),
      );
    }
  }

  // Steps from which a terminal is reachable: reverse search from terminals.
  const terminals = ids.filter((id) => {
    const step = sop.steps[id]!;
    return step.kind === 'end' || (step.kind === 'call' && step.next === undefined);
  });
  const canEnd = closure(terminals, reverse(successors));
  const canEndWith = repairs.map((b) => (b.from === undefined ? canEnd : closure(terminals, reverse(repaired(successors, b)))));
  for (const id of ids) {
    if (canEnd.has(id) || !reached.has(id)) continue;
    const isDeadEnd = (successors.get(id) ?? []).length === 0;
    // A step whose only next is a step that does not exist leads nowhere because of that name.
    const cause = (isDeadEnd ? broken.find((b) => b.from === id)?.ref : undefined) ?? repairs.find((_, index) => canEndWith[index]!.has(id))?.ref;
    findings.push(
      withCause(
        makeFinding(
          RULES.noWayToEnd,
          file,
          positionOf(['steps', id]),
          isDeadEnd
            ? { en: `step '${id}' leads nowhere: no end can be reached from it`, uk: `крок «${id}» нікуди не веде: з нього не можна дійти до кінця` }
            : {
                en: `no end can be reached from step '${id}': it is caught in a loop with no way out`,
                uk: `з кроку «${id}» не можна дійти до кінця: він у циклі без виходу`,
              },
          { en: 'add a branch that leads to an end step', uk: 'додайте гілку, що веде до кроку end' },
        ),
        id,
        cause,
      ),
    );
  }

  for (const [id, step] of Object.entries(sop.steps)) {
    for (const { branches, path } of branchLists(id, step)) {
      const defaultIndex = branches.findIndex((b) => b.when === undefined);
      if (defaultIndex === -1) {
        findings.push(
          makeFinding(
            RULES.missingDefault,
            file,
            positionOf([...path, branches.length - 1]),
            {
              en: `the branches of step '${id}' have no default: when no condition holds the call would be stuck`,
              uk: `серед гілок кроку «${id}» немає типової: якщо жодна умова не виконається, дзвінок застрягне`,
            },
            { en: "end the list with a branch without 'when'", uk: 'завершіть список гілкою без when' },
          ),
        );
      } else if (defaultIndex < branches.length - 1) {
        findings.push(
          makeFinding(
            RULES.unreachableBranch,
            file,
            positionOf([...path, defaultIndex + 1]),
            {
              en: `this branch of step '${id}' comes after the default branch and can never be taken`,
              uk: `ця гілка кроку «${id}» стоїть після типової, тож її ніколи не буде вибрано`,
            },
            { en: "move the branch without 'when' to the end", uk: 'перенесіть гілку без when у кінець' },
          ),
        );
      }
    }
    if (step.kind === 'ask' || step.kind === 'checklist') {
      const seen = new Set<string>();
      step.options.forEach((option, index) => {
        if (seen.has(option.id)) {
          findings.push(
            makeFinding(
              RULES.duplicateOption,
              file,
              positionOf(['steps', id, 'options', index, 'id']),
              { en: `option id '${option.id}' is used twice in step '${id}'`, uk: `ідентифікатор варіанта «${option.id}» використано в кроці «${id}» двічі` },
              { en: 'give each option its own id', uk: 'дайте кожному варіантові власний ідентифікатор' },
            ),
          );
        }
        seen.add(option.id);
      });
    }
    if (step.kind === 'ask') {
      step.options.forEach((option, index) => {
        if (option.next === undefined && step.next === undefined) {
          findings.push(
            makeFinding(
              RULES.optionWithoutNext,
              file,
              positionOf(['steps', id, 'options', index]),
              { en: `option '${option.id}' of step '${id}' has no next, and the step has no next either`, uk: `варіант «${option.id}» кроку «${id}» не має next, і сам крок теж не має next` },
              { en: "add 'next:' to the option or to the step", uk: 'додайте «next:» до варіанта або до кроку' },
            ),
          );
        }
      });
    }
  }
  const keys = new Set<string>();
  (sop.interrupts ?? []).forEach((interrupt, index) => {
    if (keys.has(interrupt.key)) {
      findings.push(
        makeFinding(
          RULES.duplicateInterrupt,
          file,
          positionOf(['interrupts', index, 'key']),
          { en: `interrupt key '${interrupt.key}' is used twice in SOP '${sop.sop}'`, uk: `клавішу переривання «${interrupt.key}» використано в СОП «${sop.sop}» двічі` },
          { en: 'give each interrupt its own key', uk: 'дайте кожному перериванню власну клавішу' },
        ),
      );
    }
    keys.add(interrupt.key);
  });
  return findings;
}
