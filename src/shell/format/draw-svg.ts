/**
 * A DOT text drawn as SVG by Graphviz compiled to WebAssembly (@viz-js/viz: the WASM is inside its
 * one JavaScript file), so a diagram needs no program installed and nothing is fetched.
 *
 * That file is 1.2 MB: in the CLI bundle every command would read and compile it at start-up. The
 * build copies it next to the bundle instead (dist/chunks/graphviz.cjs, scripts/build.mjs), and it
 * is required here on the first diagram only. Run from the sources (tests), it comes from
 * node_modules.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Viz } from '@viz-js/viz';

/** The file the build writes next to the bundle (the name scripts/build.mjs gives it). */
const GRAPHVIZ_CHUNK = 'graphviz.cjs';

let ready: Promise<Viz> | undefined;

function loadViz(): Promise<Viz> {
  // A require of our own: esbuild leaves it alone, and the bundle may hold no import().
  const load = createRequire(import.meta.url);
  const built = join(dirname(fileURLToPath(import.meta.url)), GRAPHVIZ_CHUNK);
  const viz = load(existsSync(built) ? built : '@viz-js/viz') as typeof import('@viz-js/viz');
  return viz.instance();
}

/** The SVG document Graphviz draws of `dot` (as `dot -Tsvg` would), or Graphviz's errors. */
export async function drawSvg(dot: string): Promise<{ readonly svg: string } | { readonly errors: readonly string[] }> {
  ready ??= loadViz();
  const viz = await ready;
  const result = viz.render(dot, { format: 'svg', engine: 'dot' });
  if (result.status === 'success') return { svg: result.output };
  const errors = result.errors.filter((e) => e.level !== 'warning').map((e) => e.message.trim());
  return { errors: errors.length > 0 ? errors : ['Graphviz drew nothing'] };
}
