/**
 * Where a step can lead, with the label of each way out, in the order the SOP lists them.
 * Used by the diagram and the handbook, so both read the SOP the same way.
 */
import { nextOf } from '../engine/next-of.js';
import type { Branch, Next, Step } from '../model/sop.js';
import { textIn } from '../model/localize.js';
import { W, say } from './words.js';

export interface StepExit {
  readonly to: string;
  /** Option label, branch label or condition, or '' for a plain next. */
  readonly label: string;
  /** Set on an option's exit: the option id. */
  readonly option?: string;
  /** The branch condition, when the exit is a conditional branch. */
  readonly when?: string;
}

function branchLabel(branch: Branch, lang: string): string {
  if (branch.label !== undefined) return textIn(branch.label, lang);
  return branch.when ?? say(lang, W.otherwise);
}

function nextExits(next: Next | undefined, lang: string, prefix = ''): StepExit[] {
  if (next === undefined) return [];
  if (typeof next === 'string') return [{ to: next, label: prefix }];
  return next.map((branch) => {
    const label = branchLabel(branch, lang);
    return {
      to: branch.goto,
      label: prefix ? `${prefix}: ${label}` : label,
      ...(branch.when !== undefined ? { when: branch.when } : {}),
    };
  });
}

export function stepExits(step: Step, lang: string): StepExit[] {
  switch (step.kind) {
    case 'ask': {
      const exits: StepExit[] = [];
      for (const option of step.options) {
        const label = textIn(option.label, lang);
        for (const exit of nextExits(nextOf(step, option), lang, label)) exits.push({ ...exit, option: option.id });
      }
      return exits;
    }
    case 'say':
    case 'checklist':
    case 'input':
    case 'decide':
      return nextExits(step.next, lang);
    case 'call':
      return nextExits(step.next, lang);
    case 'end':
      return [];
  }
}
