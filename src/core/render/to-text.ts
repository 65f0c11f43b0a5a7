/**
 * A graph as an indented tree for the terminal. Each step is printed once; a second way into it
 * is a reference ("see above"), a way back up the current path is a cycle ("↻ back to X").
 */
import type { Graph, GraphEdge, GraphNode } from './graph-model.js';
import { W, say } from './words.js';

function describe(node: GraphNode, lang: string): string {
  const extra: string[] = [node.kind];
  if (node.outcome !== undefined) extra.push(`■ ${node.outcome}${node.outcomeLabel ? `: ${node.outcomeLabel}` : ''}${node.category ? ` (${say(lang, W.category[node.category])})` : ''}`);
  if (node.calls) {
    extra.push(`↪ ${node.calls.sop}${node.calls.tail ? `, ${say(lang, W.tailCall)}` : ''}`);
  }
  return `${node.label === node.id ? node.id : `${node.id} · ${node.label}`} [${extra.join(' ')}]`;
}

export function toText(graph: Graph, lang: string): string {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const exits = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) {
    const list = exits.get(edge.from) ?? [];
    list.push(edge);
    exits.set(edge.from, list);
  }
  const shown = new Set<string>();
  const out: string[] = [`${graph.title} (${graph.sop} ${graph.version})`];

  const path = new Set<string>(); // the steps from the root down to here
  const walk = (id: string, edgeLabel: string, prefix: string, childPrefix: string): void => {
    const lead = `${prefix}${edgeLabel ? `${edgeLabel} → ` : ''}`;
    const node = nodes.get(id);
    if (!node) {
      out.push(`${lead}? ${id}`);
      return;
    }
    if (path.has(id)) {
      out.push(`${lead}↻ ${say(lang, W.backTo)} ${id}`);
      return;
    }
    if (shown.has(id)) {
      out.push(`${lead}${id} (${say(lang, W.seeAbove)})`);
      return;
    }
    shown.add(id);
    out.push(`${lead}${describe(node, lang)}`);
    const children = exits.get(id) ?? [];
    path.add(id);
    children.forEach((edge, index) => {
      const last = index === children.length - 1;
      walk(edge.to, edge.label, `${childPrefix}${last ? '└─ ' : '├─ '}`, `${childPrefix}${last ? '   ' : '│  '}`);
    });
    path.delete(id);
  };

  walk(graph.start, '', '', '');
  for (const node of graph.nodes.filter((n) => n.kind === 'interrupt')) {
    out.push('', `⇢ ${say(lang, W.interrupt)} ${node.label}`);
    for (const edge of exits.get(node.id) ?? []) walk(edge.to, '', '└─ ', '   ');
  }
  const unreachable = graph.nodes.filter((n) => n.kind !== 'interrupt' && !shown.has(n.id));
  if (unreachable.length > 0) {
    out.push('', `${say(lang, W.unreachable)}:`);
    for (const node of unreachable) if (!shown.has(node.id)) walk(node.id, '', '', '');
  }
  return `${out.join('\n')}\n`;
}
