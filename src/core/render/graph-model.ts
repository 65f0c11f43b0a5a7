/**
 * A diagram of one SOP as plain data: the nodes (steps, interrupt entries) and the edges between
 * them, with labels already in one language. The mermaid, dot and text renderers only print it.
 */
import type { OutcomeCategory, StepKind } from '../model/sop.js';

export interface GraphNode {
  /** The step id, or `interrupt:<key>` for an interrupt entry. */
  readonly id: string;
  readonly kind: StepKind | 'interrupt';
  /** Short label: the step's text (shortened), the interrupt's label. */
  readonly label: string;
  /** End steps: the outcome id and its category (colours the node). */
  readonly outcome?: string;
  readonly outcomeLabel?: string;
  readonly category?: OutcomeCategory;
  /** Call steps: the SOP called, its title when known, and whether it is a tail call. */
  readonly calls?: { readonly sop: string; readonly title?: string; readonly tail: boolean };
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** Option label, branch label or condition; empty for a plain "next". */
  readonly label: string;
  /** Interrupt edges are dashed. */
  readonly dashed: boolean;
}

export interface Graph {
  readonly sop: string;
  readonly version: string;
  readonly title: string;
  readonly start: string;
  /** Steps in breadth-first order from start, then unreachable ones in file order, then interrupts. */
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** The outcome categories that occur, in a fixed order (for the legend). */
  readonly categories: readonly OutcomeCategory[];
}

export const CATEGORY_ORDER: readonly OutcomeCategory[] = ['emergency', 'escalated', 'referred', 'informed', 'no-action', 'dropped'];

/** Fill colours per outcome category, shared by mermaid and dot (readable in print, colour-blind safe enough). */
export const CATEGORY_COLOUR: { readonly [category in OutcomeCategory]: { readonly fill: string; readonly stroke: string } } = {
  emergency: { fill: '#f4b6b6', stroke: '#a10000' },
  escalated: { fill: '#ffd8a8', stroke: '#b35900' },
  referred: { fill: '#b6d7f4', stroke: '#00509e' },
  informed: { fill: '#c7ecc7', stroke: '#1f7a1f' },
  'no-action': { fill: '#e4e4e4', stroke: '#555555' },
  dropped: { fill: '#ffffff', stroke: '#777777' },
};
