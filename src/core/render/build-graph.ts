import { ownStep } from '../model/own-step.js';
import type { OutcomeCategory, Sop, Step } from '../model/sop.js';
import { CATEGORY_ORDER, type Graph, type GraphEdge, type GraphNode } from './graph-model.js';
import { shorten } from './shorten.js';
import { stepExits } from './step-targets.js';
import { textIn } from '../model/localize.js';

export interface BuildGraphOptions {
  readonly lang: string;
  /** Titles of other SOPs by id, to name the sub-SOPs a call step enters. */
  readonly titles?: ReadonlyMap<string, string>;
  /** Longest label in characters (default 60). */
  readonly maxLabel?: number;
}

/** Step ids breadth-first from start (exits in SOP order), then the unreachable ones in file order. */
export function stepOrder(sop: Sop): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  const queue: string[] = [];
  let head = 0;
  const visit = (id: string): void => {
    if (seen.has(id) || !ownStep(sop, id)) return;
    seen.add(id);
    order.push(id);
    queue.push(id);
  };
  visit(sop.start);
  for (;;) {
    for (; head < queue.length; head++) {
      const id = queue[head]!;
      for (const exit of stepExits(sop.steps[id]!, 'en')) visit(exit.to);
    }
    // Interrupt targets are reachable from every step: walk them after the main flow.
    const pending = (sop.interrupts ?? []).map((i) => i.goto).find((id) => !seen.has(id) && ownStep(sop, id) !== undefined);
    if (pending === undefined) break;
    visit(pending);
  }
  for (const id of Object.keys(sop.steps)) if (!seen.has(id)) order.push(id);
  return order;
}

/** A node's label: the step's title, else its text shortened, else its id. */
function stepLabel(id: string, step: Step, lang: string, max: number): string {
  const text = textIn(step.title, lang) || textIn(step.text, lang);
  return text ? shorten(text, max) : id;
}

/** The SOP as a graph (pure; deterministic for a given SOP and options). */
export function buildGraph(sop: Sop, options: BuildGraphOptions): Graph {
  const { lang } = options;
  const max = options.maxLabel ?? 60;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const categories = new Set<OutcomeCategory>();
  for (const id of stepOrder(sop)) {
    const step = sop.steps[id]!;
    if (step.kind === 'end') {
      const category = sop.outcomes?.[step.outcome]?.category;
      if (category) categories.add(category);
      const outcomeLabel = textIn(sop.outcomes?.[step.outcome]?.label, lang);
      nodes.push({
        id,
        kind: step.kind,
        label: stepLabel(id, step, lang, max),
        outcome: step.outcome,
        ...(outcomeLabel ? { outcomeLabel: shorten(outcomeLabel, max) } : {}),
        ...(category ? { category } : {}),
      });
    } else if (step.kind === 'call') {
      const title = options.titles?.get(step.sop);
      nodes.push({
        id,
        kind: step.kind,
        label: stepLabel(id, step, lang, max),
        calls: { sop: step.sop, ...(title !== undefined ? { title: shorten(title, max) } : {}), tail: step.next === undefined },
      });
    } else {
      nodes.push({ id, kind: step.kind, label: stepLabel(id, step, lang, max) });
    }
    // Several options to the same step draw as one arrow with their labels joined.
    const merged = new Map<string, string[]>();
    for (const exit of stepExits(step, lang)) {
      const labels = merged.get(exit.to) ?? [];
      if (exit.label && !labels.includes(exit.label)) labels.push(exit.label);
      merged.set(exit.to, labels);
    }
    for (const [to, labels] of merged) edges.push({ from: id, to, label: shorten(labels.join(' / '), max), dashed: false });
  }
  for (const interrupt of sop.interrupts ?? []) {
    const id = `interrupt:${interrupt.key}`;
    nodes.push({ id, kind: 'interrupt', label: `${interrupt.key} ${shorten(textIn(interrupt.label, lang), max)}` });
    edges.push({ from: id, to: interrupt.goto, label: '', dashed: true });
  }
  return {
    sop: sop.sop,
    version: sop.version,
    title: textIn(sop.title, lang),
    start: sop.start,
    nodes,
    edges,
    categories: CATEGORY_ORDER.filter((c) => categories.has(c)),
  };
}
