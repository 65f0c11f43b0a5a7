/**
 * A graph as a Mermaid flowchart (renders in GitHub Markdown). Labels are always quoted and
 * escaped with Mermaid's entity codes, ids are sanitised, so no SOP text can break the syntax.
 */
import { CATEGORY_COLOUR, type Graph, type GraphNode } from './graph-model.js';
import { W, say } from './words.js';

/** Text for inside a quoted Mermaid label: every character Mermaid could read as syntax becomes an entity code. */
export function mermaidText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/\|/g, '#124;')
    .replace(/%/g, '#37;');
}

function nodeIds(graph: Graph): Map<string, string> {
  const ids = new Map<string, string>();
  let interrupts = 0;
  for (const node of graph.nodes) {
    ids.set(node.id, node.kind === 'interrupt' ? `i_${interrupts++}` : `s_${node.id.replace(/-/g, '_')}`);
  }
  return ids;
}

function categoryClass(category: string): string {
  return `cat_${category.replace(/-/g, '_')}`;
}

function nodeLabel(node: GraphNode, lang: string): string {
  const lines = [mermaidText(node.label)];
  if (node.calls) {
    lines.push(`↪ ${mermaidText(node.calls.title ? `${node.calls.title} (${node.calls.sop})` : node.calls.sop)}`);
    if (node.calls.tail) lines.push(mermaidText(`(${say(lang, W.tailCall)})`));
  }
  if (node.outcome !== undefined) lines.push(`■ ${mermaidText(node.outcomeLabel ?? node.outcome)}`);
  return lines.join('<br/>');
}

function shape(node: GraphNode, label: string): string {
  switch (node.kind) {
    case 'say':
      return `["${label}"]`;
    case 'ask':
      return `{"${label}"}`;
    case 'checklist':
      return `[/"${label}"/]`;
    case 'input':
      return `[/"${label}"\\]`;
    case 'decide':
      return `{{"${label}"}}`;
    case 'call':
      return `[["${label}"]]`;
    case 'end':
      return `(["${label}"])`;
    case 'interrupt':
      return `>"${label}"]`;
  }
}

export function toMermaid(graph: Graph, lang: string): string {
  const ids = nodeIds(graph);
  const id = (step: string): string => ids.get(step) ?? `missing_${step.replace(/[^a-z0-9]/g, '_')}`;
  const out: string[] = ['---', `title: ${JSON.stringify(`${graph.title} (${graph.sop} ${graph.version})`)}`, '---', 'flowchart TD'];
  for (const node of graph.nodes) out.push(`  ${id(node.id)}${shape(node, nodeLabel(node, lang))}`);
  for (const edge of graph.edges) {
    const arrow = edge.dashed ? '-.->' : '-->';
    out.push(`  ${id(edge.from)} ${arrow}${edge.label ? `|"${mermaidText(edge.label)}"|` : ''} ${id(edge.to)}`);
  }
  // Edges to steps that do not exist (a broken SOP) still draw, as a warning box.
  const known = new Set(graph.nodes.map((n) => n.id));
  for (const missing of [...new Set(graph.edges.map((e) => e.to).filter((to) => !known.has(to)))]) {
    out.push(`  ${id(missing)}["${mermaidText(`? ${missing}`)}"]`);
  }
  if (graph.categories.length > 0) {
    out.push(`  subgraph legend["${mermaidText(say(lang, W.legend))}"]`, '    direction LR');
    for (const category of graph.categories) {
      out.push(`    legend_${categoryClass(category)}(["${mermaidText(say(lang, W.category[category]))}"])`);
    }
    out.push('  end');
  }
  for (const category of graph.categories) {
    const { fill, stroke } = CATEGORY_COLOUR[category];
    out.push(`  classDef ${categoryClass(category)} fill:${fill},stroke:${stroke},color:#000`);
  }
  for (const category of graph.categories) {
    const members = graph.nodes.filter((n) => n.category === category).map((n) => id(n.id));
    members.push(`legend_${categoryClass(category)}`);
    out.push(`  class ${members.join(',')} ${categoryClass(category)}`);
  }
  const interrupts = graph.nodes.filter((n) => n.kind === 'interrupt').map((n) => id(n.id));
  if (interrupts.length > 0) {
    out.push('  classDef interrupt stroke-dasharray:4 3', `  class ${interrupts.join(',')} interrupt`);
  }
  return `${out.join('\n')}\n`;
}
