/** A graph in Graphviz DOT: `dot -Tsvg` draws it. Every id and label is a quoted, escaped string. */
import { CATEGORY_COLOUR, type Graph, type GraphNode } from './graph-model.js';
import { W, say } from './words.js';

/** A DOT quoted string (backslashes, quotes and line ends escaped). */
function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

const SHAPE: { readonly [kind in GraphNode['kind']]: string } = {
  say: 'shape=box, style=rounded',
  ask: 'shape=diamond',
  checklist: 'shape=parallelogram',
  input: 'shape=trapezium',
  decide: 'shape=hexagon',
  call: 'shape=box, peripheries=2',
  end: 'shape=box, style="rounded,filled,bold"',
  interrupt: 'shape=cds, style=dashed',
};

function label(node: GraphNode, lang: string): string {
  const lines = [node.label];
  if (node.calls) {
    lines.push(`↪ ${node.calls.title ? `${node.calls.title} (${node.calls.sop})` : node.calls.sop}`);
    if (node.calls.tail) lines.push(`(${say(lang, W.tailCall)})`);
  }
  if (node.outcome !== undefined) lines.push(`■ ${node.outcomeLabel ?? node.outcome}`);
  return lines.join('\n');
}

export function toDot(graph: Graph, lang: string): string {
  const out: string[] = [
    `digraph ${dotString(graph.sop)} {`,
    `  graph [label=${dotString(`${graph.title} (${graph.sop} ${graph.version})`)}, labelloc=t, fontname="Helvetica", rankdir=TB];`,
    '  node [fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const node of graph.nodes) {
    const colour = node.category ? CATEGORY_COLOUR[node.category] : undefined;
    const fill = colour ? `, fillcolor=${dotString(colour.fill)}, color=${dotString(colour.stroke)}` : node.kind === 'end' ? ', fillcolor="#ffffff"' : '';
    out.push(`  ${dotString(node.id)} [label=${dotString(label(node, lang))}, ${SHAPE[node.kind]}${fill}];`);
  }
  const known = new Set(graph.nodes.map((n) => n.id));
  for (const missing of [...new Set(graph.edges.map((e) => e.to).filter((to) => !known.has(to)))]) {
    out.push(`  ${dotString(missing)} [label=${dotString(`? ${missing}`)}, shape=box, color=red];`);
  }
  for (const edge of graph.edges) {
    const attrs = [edge.label ? `label=${dotString(edge.label)}` : '', edge.dashed ? 'style=dashed' : ''].filter(Boolean);
    out.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  if (graph.categories.length > 0) {
    out.push('  subgraph cluster_legend {', `    label=${dotString(say(lang, W.legend))};`, '    style=dashed;');
    for (const category of graph.categories) {
      const { fill, stroke } = CATEGORY_COLOUR[category];
      out.push(
        `    ${dotString(`legend:${category}`)} [label=${dotString(say(lang, W.category[category]))}, shape=box, style="rounded,filled", fillcolor=${dotString(fill)}, color=${dotString(stroke)}];`,
      );
    }
    out.push('  }');
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
