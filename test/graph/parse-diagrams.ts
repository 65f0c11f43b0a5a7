/**
 * Real parsers for the diagrams, used by the tests:
 * - Mermaid: the `mermaid` package's own flowchart parser. It needs a DOM for its sanitiser
 *   only, so a happy-dom window is put on globalThis before mermaid is imported.
 * - DOT: the `dot` program when it is on PATH, else Graphviz compiled to WebAssembly (@viz-js/viz).
 */
import { spawnSync } from 'node:child_process';

let mermaidReady: Promise<{ parse: (text: string) => Promise<unknown> }> | undefined;

async function loadMermaid(): Promise<{ parse: (text: string) => Promise<unknown> }> {
  const { Window } = await import('happy-dom');
  const window = new Window();
  const global = globalThis as Record<string, unknown>;
  global['window'] ??= window;
  global['document'] ??= window.document;
  const mermaid = (await import('mermaid')).default;
  return mermaid;
}

/** Resolves with the diagram type, or rejects with Mermaid's parse error. */
export async function parseMermaid(text: string): Promise<string> {
  mermaidReady ??= loadMermaid();
  const mermaid = await mermaidReady;
  const result = (await mermaid.parse(text)) as { diagramType: string };
  return result.diagramType;
}

export function hasDotProgram(): boolean {
  return spawnSync('dot', ['-V'], { stdio: 'ignore', timeout: 5000 }).status === 0;
}

/** Graphviz's errors for a DOT text ([] when it parses and lays out). */
export async function graphvizErrors(text: string): Promise<string[]> {
  if (hasDotProgram()) {
    const result = spawnSync('dot', ['-Tsvg'], { input: text, encoding: 'utf8', timeout: 20_000 });
    return result.status === 0 ? [] : [result.stderr || `dot exited with ${result.status}`];
  }
  const { instance } = await import('@viz-js/viz');
  const viz = await instance();
  const result = viz.render(text, { format: 'svg' });
  return result.status === 'success' ? [] : result.errors.map((e) => e.message);
}
