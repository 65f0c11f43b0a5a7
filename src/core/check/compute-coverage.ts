/**
 * Coverage of a library by a set of calls (scenario runs, recorded calls): per SOP, which steps,
 * options (of ask and checklist steps) and conditional branches (every entry of a `next` list, on
 * a step, a decide step or an ask option) the calls exercised, and where each uncovered one is.
 */
import type { EngineEvent } from '../engine/types.js';
import type { Library } from '../model/library.js';
import { emptyTrace, traceEvents, type Trace } from '../record/trace-events.js';
import type { SourceRef } from './where.js';

type ElementKind = 'step' | 'option' | 'branch';

interface CoverageElement {
  readonly kind: ElementKind;
  /** `greet`, `greet#yes`, `triage:next[1]`, `ask-age:options[0].next[1]` (within the SOP). */
  readonly id: string;
  readonly where: SourceRef;
}

export interface Tally {
  readonly covered: number;
  readonly total: number;
}

export interface SopCoverage {
  readonly sop: string;
  readonly file: string;
  readonly steps: Tally;
  readonly options: Tally;
  readonly branches: Tally;
  readonly uncovered: readonly CoverageElement[];
}

/** Percentage with one decimal; 100 when there is nothing to cover. */
export function percent(tally: Tally): number {
  if (tally.total === 0) return 100;
  return Math.floor((tally.covered / tally.total) * 1000) / 10;
}

export function traceAll(library: Library, runs: Iterable<readonly EngineEvent[]>): Trace {
  const trace = emptyTrace();
  for (const events of runs) traceEvents(library, events, trace);
  return trace;
}

export function computeCoverage(library: Library, trace: Trace): SopCoverage[] {
  const result: SopCoverage[] = [];
  const ids = [...library.sops.keys()].sort();
  for (const sopId of ids) {
    const loaded = library.sops.get(sopId);
    if (!loaded) continue;
    const where = (path: readonly (string | number)[]): SourceRef => {
      const position = loaded.positionOf(path);
      return position ? { file: loaded.file, line: position.line, col: position.col } : { file: loaded.file };
    };
    const uncovered: CoverageElement[] = [];
    const steps = { covered: 0, total: 0 };
    const options = { covered: 0, total: 0 };
    const branches = { covered: 0, total: 0 };
    const count = (tally: { covered: number; total: number }, hit: boolean, element: CoverageElement): void => {
      tally.total++;
      if (hit) tally.covered++;
      else uncovered.push(element);
    };
    const branchList = (stepId: string, next: unknown, base: string, path: readonly (string | number)[]): void => {
      if (!Array.isArray(next)) return;
      next.forEach((_, index) => {
        const id = `${stepId}:${base}[${index}]`;
        count(branches, trace.branches.has(`${sopId}/${id}`), { kind: 'branch', id, where: where([...path, index]) });
      });
    };
    for (const [stepId, step] of Object.entries(loaded.sop.steps)) {
      const qualified = `${sopId}/${stepId}`;
      count(steps, trace.steps.has(qualified), { kind: 'step', id: stepId, where: where(['steps', stepId]) });
      if (step.kind === 'ask' || step.kind === 'checklist') {
        step.options.forEach((option, index) => {
          const id = `${stepId}#${option.id}`;
          count(options, trace.options.has(`${sopId}/${id}`), { kind: 'option', id, where: where(['steps', stepId, 'options', index]) });
        });
      }
      if (step.kind === 'ask') {
        step.options.forEach((option, index) => {
          branchList(stepId, option.next, `options[${index}].next`, ['steps', stepId, 'options', index, 'next']);
        });
      }
      if (step.kind !== 'end') branchList(stepId, step.next, 'next', ['steps', stepId, 'next']);
    }
    result.push({ sop: sopId, file: loaded.file, steps, options, branches, uncovered });
  }
  return result;
}
