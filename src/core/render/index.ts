/** Pictures and handbooks of SOPs (pure): a graph model and its renderers. */
export { buildGraph, stepOrder, type BuildGraphOptions } from './build-graph.js';
export type { Graph, GraphEdge, GraphNode } from './graph-model.js';
export { toMermaid, mermaidText } from './to-mermaid.js';
export { toDot, dotString } from './to-dot.js';
export { toText } from './to-text.js';
export { toHandbook, type HandbookOptions } from './to-handbook.js';
export { toHandbookHtml, escapeHtml, type HandbookPart, type HandbookHtmlOptions } from './to-handbook-html.js';
export { toCard, mainPath, DUTY_TO_ACT_SOP, type CardOptions } from './to-card.js';
