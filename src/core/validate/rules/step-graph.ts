/** Helpers over a SOP's steps: where each step can go next. */
import type { Branch, Next, Sop, Step } from '../../model/sop.js';

export interface Edge {
  readonly to: string;
  /** Path of the step id in the source (for positions). */
  readonly path: readonly (string | number)[];
}

function nextEdges(next: Next | undefined, path: readonly (string | number)[]): Edge[] {
  if (next === undefined) return [];
  if (typeof next === 'string') return [{ to: next, path }];
  return next.map((branch: Branch, index) => ({ to: branch.goto, path: [...path, index, 'goto'] }));
}

function addTargets(next: Next | undefined, into: string[]): void {
  if (next === undefined) return;
  if (typeof next === 'string') into.push(next);
  else for (const branch of next) into.push(branch.goto);
}

/** The step ids this step can continue to (not counting interrupts); stepEdges() adds where each is written. */
export function stepTargets(step: Step): string[] {
  const targets: string[] = [];
  if (step.kind === 'ask') for (const option of step.options) addTargets(option.next, targets);
  if (step.kind !== 'end') addTargets(step.next, targets);
  return targets;
}

/** Every step id this step can continue to (not counting interrupts), with where it is written. */
export function stepEdges(id: string, step: Step): Edge[] {
  const base = ['steps', id];
  switch (step.kind) {
    case 'ask': {
      const edges: Edge[] = [];
      step.options.forEach((option, index) => edges.push(...nextEdges(option.next, [...base, 'options', index, 'next'])));
      edges.push(...nextEdges(step.next, [...base, 'next']));
      return edges;
    }
    case 'end':
      return [];
    default:
      return nextEdges(step.next, [...base, 'next']);
  }
}

/** All branch lists of a step (step next, option nexts), with their source paths. */
export function branchLists(id: string, step: Step): { branches: readonly Branch[]; path: (string | number)[] }[] {
  const lists: { branches: readonly Branch[]; path: (string | number)[] }[] = [];
  const base = ['steps', id];
  if ('next' in step && Array.isArray(step.next)) lists.push({ branches: step.next, path: [...base, 'next'] });
  if (step.kind === 'ask') {
    step.options.forEach((option, index) => {
      if (Array.isArray(option.next)) lists.push({ branches: option.next as readonly Branch[], path: [...base, 'options', index, 'next'] });
    });
  }
  return lists;
}

export function stepIds(sop: Sop): string[] {
  return Object.keys(sop.steps);
}

export function hasStep(sop: Sop, id: string): boolean {
  return Object.prototype.hasOwnProperty.call(sop.steps, id);
}
