#!/usr/bin/env node
// Checks that src/ imports point one way (docs/ARCHITECTURE.md):
//   - core never imports shell;
//   - inside each side, a folder imports only folders listed before it in LAYERS;
//   - every folder under src/ is listed in LAYERS (a new folder must be placed);
//   - no two folders import each other, directly or round a longer circle.
// Every import is resolved with the TypeScript compiler, the way tsc sees it, so
// `import type`, re-exports and `import()` all count.
//
// Usage: node scripts/check-imports.mjs [--root DIR] [--graph FILE.json]
//   --root   the project whose src/ is checked (default: this repository)
//   --graph  check a prepared graph instead: [{ "from": "src/a/b.ts", "line": 3, "to": "src/c/d.ts" }]
// Exit 0 when the house is as drawn, 1 with one line per offending import otherwise.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// The order is the pipeline: a folder may import itself and folders EARLIER in its list.
// Keep this list and the one in docs/ARCHITECTURE.md the same.
export const LAYERS = {
  core: [
    'generated', // validators and types compiled from schemas/
    'core/model',
    'core/findings',
    'core/conditions',
    'core/load',
    'core/validate',
    'core/engine',
    'core/record',
    'core/check',
    'core/render',
    'core/stats',
    'core/training',
  ],
  shell: [
    'shell/text', // safe-text, wrap, color, safe-json: string helpers that import nothing of ours
    'shell', // files directly in src/shell: exit codes, paths, i18n, output, version, usage-lang
    'shell/config',
    'shell/crypto',
    'shell/journal',
    'shell/store',
    'shell/cache',
    'shell/library',
    'shell/format',
    'shell/tui',
    'shell/replay',
    'shell/lsp',
    'shell/commands',
    'shell/cli',
    'shell/boot',
  ],
};

const here = dirname(fileURLToPath(import.meta.url));

/** The folder a file under src/ belongs to: `core/load`, `shell/cli`, `shell` for files at its top. */
export function folderOf(srcRelative) {
  const parts = srcRelative.split('/');
  if (parts[0] === 'core' || parts[0] === 'shell') return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
  return parts[0];
}

function listSources(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listSources(path));
    else if (/\.(ts|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function compilerOptions(root) {
  const configPath = join(root, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, root).options;
}

function moduleSpecifiers(sourceFile) {
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      found.push(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The source files under src/, relative to the root. */
export function sourceFiles(root) {
  return listSources(join(root, 'src')).map((file) => toPosix(relative(root, file)));
}

/** Every import from one file in src/ to another, as { from, line, to } with paths relative to the root. */
export function importGraph(root) {
  const options = compilerOptions(root);
  const srcDir = join(root, 'src');
  const edges = [];
  for (const file of listSources(srcDir)) {
    const text = readFileSync(file, 'utf8');
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    for (const specifier of moduleSpecifiers(sourceFile)) {
      const resolved = ts.resolveModuleName(specifier.text, file, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = resolve(resolved.resolvedFileName);
      if (!target.startsWith(srcDir + sep)) continue;
      const line = sourceFile.getLineAndCharacterOfPosition(specifier.getStart(sourceFile)).line + 1;
      edges.push({ from: toPosix(relative(root, file)), line, to: toPosix(relative(root, target)) });
    }
  }
  return edges;
}

function toPosix(path) {
  return path.split(sep).join('/');
}

function srcRelative(path) {
  return path.replace(/^src\//, '');
}

/** Circles among folders (Tarjan's strongly connected components with more than one folder). */
function folderCycles(folderEdges) {
  const next = new Map();
  for (const [from, to] of folderEdges) {
    if (!next.has(from)) next.set(from, new Set());
    if (!next.has(to)) next.set(to, new Set());
    next.get(from).add(to);
  }
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const strongConnect = (v) => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)) {
      if (!index.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) strongConnect(v);
  return components;
}

/**
 * The problems in a graph of file imports, one readable line each. `files` are checked for being
 * in a placed folder even when they import nothing of ours.
 */
export function checkGraph(edges, files = [], layers = LAYERS) {
  const problems = [];
  const position = (folder) => {
    for (const folders of Object.values(layers)) if (folders.includes(folder)) return folders.indexOf(folder);
    return -1;
  };
  const side = (folder) => {
    for (const [name, folders] of Object.entries(layers)) if (folders.includes(folder)) return name;
    return undefined;
  };
  const unplaced = new Set(files.map((file) => folderOf(srcRelative(file))).filter((folder) => side(folder) === undefined));
  const folderEdges = new Map();
  for (const edge of edges) {
    const from = folderOf(srcRelative(edge.from));
    const to = folderOf(srcRelative(edge.to));
    for (const folder of [from, to]) if (side(folder) === undefined) unplaced.add(folder);
    if (from === to) continue;
    const key = `${from}\0${to}`;
    if (!folderEdges.has(key)) folderEdges.set(key, []);
    folderEdges.get(key).push(edge);
    const where = `${edge.from}:${edge.line}: imports ${edge.to}`;
    const fromSide = side(from);
    const toSide = side(to);
    if (fromSide === undefined || toSide === undefined) continue;
    if (fromSide === 'core' && toSide === 'shell') problems.push(`${where} — core must not import shell (${from} → ${to})`);
    else if (fromSide === toSide && position(to) > position(from)) {
      problems.push(`${where} — ${from} is before ${to} in LAYERS, so it may not import it`);
    }
  }
  // One way to import: the file that declares a name, never a folder's index (a barrel hides
  // which file a caller depends on, and half-used barrels leave two ways to say the same).
  for (const file of files.filter((name) => /(^|\/)index\.ts$/.test(name))) {
    problems.push(`${toPosix(file)}: an index.ts barrel; import from the files that declare the names instead`);
  }
  for (const folder of [...unplaced].sort()) {
    problems.push(`src/${folder}/: folder not placed in LAYERS (scripts/check-imports.mjs); add it where it belongs in the pipeline`);
  }
  const cycles = folderCycles([...folderEdges.keys()].map((key) => key.split('\0')));
  for (const cycle of cycles) {
    const members = new Set(cycle);
    const inside = [...folderEdges.entries()].filter(([key]) => key.split('\0').every((f) => members.has(f)));
    const sample = inside.map(([, list]) => `${list[0].from}:${list[0].line} → ${list[0].to}`);
    problems.push(`folder cycle: ${cycle.join(' ↔ ')}\n    ${sample.join('\n    ')}`);
  }
  return { problems, cycles };
}

function parseArgs(argv) {
  const args = { root: resolve(here, '..'), graph: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--root') args.root = resolve(argv[(i += 1)]);
    else if (argv[i] === '--graph') args.graph = resolve(argv[(i += 1)]);
    else {
      process.stderr.write(`check-imports: unknown argument ${argv[i]}\nusage: node scripts/check-imports.mjs [--root DIR] [--graph FILE.json]\n`);
      process.exit(2);
    }
  }
  return args;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const edges = args.graph ? JSON.parse(readFileSync(args.graph, 'utf8')) : importGraph(args.root);
  const { problems, cycles } = checkGraph(edges, args.graph ? [] : sourceFiles(args.root));
  if (problems.length === 0) {
    process.stdout.write(`check-imports: ${edges.length} imports, no folder cycle, every import points down LAYERS\n`);
  } else {
    process.stderr.write(`${problems.join('\n')}\n`);
    process.stderr.write(`check-imports: ${problems.length} problem(s), ${cycles.length} folder cycle(s)\n`);
    process.exit(1);
  }
}
