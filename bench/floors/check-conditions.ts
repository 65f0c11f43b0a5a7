// The CEL check of every condition of every SOP against its declared variables, through the
// core's compileCondition (parse, type check, compile): what any run or test needs before it can
// follow a branch.
import { compileCondition } from '../../src/core/conditions/compile-condition.js';
import type { Branch, Next, Sop } from '../../src/core/model/sop.js';
import { isSopFile, type ParsedFile } from './parsed-files.js';

function branchesOf(next: Next | undefined): readonly Branch[] {
  return Array.isArray(next) ? next : [];
}

/** How many conditions were checked. */
export function checkConditions(files: readonly ParsedFile[]): number {
  let checked = 0;
  for (const { path, value } of files) {
    if (!isSopFile(path)) continue;
    const sop = value as Sop;
    for (const step of Object.values(sop.steps ?? {})) {
      const options = 'options' in step && Array.isArray(step.options) ? step.options : [];
      const branches = [...branchesOf('next' in step ? (step.next as Next) : undefined), ...options.flatMap((option: { next?: Next }) => branchesOf(option.next))];
      for (const branch of branches) {
        if (branch.when === undefined) continue;
        try {
          compileCondition(branch.when, sop.variables);
        } catch {
          // A bad condition is still checked work.
        }
        checked++;
      }
    }
  }
  return checked;
}
