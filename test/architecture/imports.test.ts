/**
 * The house stays as drawn (docs/ARCHITECTURE.md): scripts/check-imports.mjs passes on src/ as it
 * is, and fails — exit 1, naming the offending import by file:line — on each kind of violation,
 * planted in a copy of src/ (real imports, resolved by the TypeScript compiler) or in a prepared
 * graph (one rule at a time).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirForFile } from '../temp-dirs.js';

const repo = new URL('../../', import.meta.url).pathname;
const script = join(repo, 'scripts/check-imports.mjs');

function checkImports(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of src/ and tsconfig.json, with `files` (path under the copy → text) written over it. */
function plantedCopy(files: Record<string, string>): string {
  const root = tempDirForFile('sop-imports-');
  cpSync(join(repo, 'src'), join(root, 'src'), { recursive: true });
  cpSync(join(repo, 'tsconfig.json'), join(root, 'tsconfig.json'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

type Edge = { from: string; line: number; to: string };

function checkGraph(edges: readonly Edge[]): { code: number | null; stderr: string } {
  const file = join(tempDirForFile('sop-import-graph-'), 'graph.json');
  writeFileSync(file, JSON.stringify(edges));
  return checkImports(['--graph', file]);
}

describe('scripts/check-imports.mjs', () => {
  it('passes on src/ as it is', () => {
    const { code, stdout, stderr } = checkImports([]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/no folder cycle, every import points down LAYERS/);
  });

  it('fails on core importing shell planted in a copy of src/, naming the file and line', () => {
    const root = plantedCopy({
      'src/core/model/planted.ts': "// planted\nimport type { Lang } from '../../shell/i18n.js';\nexport type L = Lang;\n",
    });
    const { code, stderr } = checkImports(['--root', root]);
    expect(code).toBe(1);
    expect(stderr).toContain('src/core/model/planted.ts:2: imports src/shell/i18n.ts — core must not import shell');
  });

  it('fails on a folder cycle planted in a copy of src/ (a dynamic import counts too)', () => {
    const root = plantedCopy({
      'src/shell/crypto/planted.ts': "export async function planted() {\n  return await import('../journal/scan.js');\n}\n",
    });
    const { code, stderr } = checkImports(['--root', root]);
    expect(code).toBe(1);
    expect(stderr).toContain('src/shell/crypto/planted.ts:2: imports src/shell/journal/scan.ts — shell/crypto is before shell/journal in LAYERS');
    expect(stderr).toMatch(/folder cycle: shell\/crypto ↔ shell\/journal/);
  });

  it('fails on a folder not placed in LAYERS planted in a copy of src/, even when it imports nothing', () => {
    const root = plantedCopy({ 'src/core/gadgets/alone.ts': 'export const alone = 1;\n' });
    const { code, stderr } = checkImports(['--root', root]);
    expect(code).toBe(1);
    expect(stderr).toContain('src/core/gadgets/: folder not placed in LAYERS');
  });

  it('fails on an index.ts barrel planted in a copy of src/ (imports name the declaring file)', () => {
    const root = plantedCopy({ 'src/core/engine/index.ts': "export { step } from './step.js';\n" });
    const { code, stderr } = checkImports(['--root', root]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/src\/core\/engine\/index\.ts: an index\.ts barrel/);
  });

  it('fails on an import up the LAYERS order without a cycle', () => {
    const { code, stderr } = checkGraph([{ from: 'src/core/model/sop.ts', line: 4, to: 'src/core/render/words.ts' }]);
    expect(code).toBe(1);
    expect(stderr).toContain('src/core/model/sop.ts:4: imports src/core/render/words.ts — core/model is before core/render in LAYERS');
    expect(stderr).not.toMatch(/folder cycle:/);
  });

  it('fails on a folder cycle, listing an import on each side of it', () => {
    const { code, stderr } = checkGraph([
      { from: 'src/core/engine/step.ts', line: 3, to: 'src/core/record/catch-up.ts' },
      { from: 'src/core/record/catch-up.ts', line: 7, to: 'src/core/engine/step.ts' },
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/folder cycle: core\/engine ↔ core\/record\n {4}src\/core\/engine\/step.ts:3 → src\/core\/record\/catch-up.ts\n {4}src\/core\/record\/catch-up.ts:7 → src\/core\/engine\/step.ts/);
  });

  it('fails on a folder that is not placed in LAYERS', () => {
    const { code, stderr } = checkGraph([{ from: 'src/shell/newfolder/a.ts', line: 1, to: 'src/shell/i18n.ts' }]);
    expect(code).toBe(1);
    expect(stderr).toContain('src/shell/newfolder/: folder not placed in LAYERS');
  });

  it('passes a graph whose imports all point down', () => {
    const { code, stderr } = checkGraph([
      { from: 'src/shell/cli/define-run.ts', line: 5, to: 'src/shell/commands/run.ts' },
      { from: 'src/shell/commands/run.ts', line: 2, to: 'src/core/engine/index.ts' },
      { from: 'src/core/engine/step.ts', line: 9, to: 'src/core/model/sop.ts' },
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('docs/ARCHITECTURE.md', () => {
  it('lists the layers in the order the script enforces', () => {
    const printed = spawnSync(process.execPath, ['--input-type=module', '-e', `import { LAYERS } from ${JSON.stringify(script)}; console.log(JSON.stringify(LAYERS));`], { encoding: 'utf8' });
    const layers = JSON.parse(printed.stdout) as Record<string, string[]>;
    const doc = readFileSync(join(repo, 'docs/ARCHITECTURE.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## The layers'), doc.indexOf('## Where a new thing goes'));
    const rows = [...section.matchAll(/^\| `([a-z/]+)`/gm)].map((m) => m[1]);
    expect(rows).toEqual([...layers.core!, ...layers.shell!]);
  });
});
