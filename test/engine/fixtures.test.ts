/**
 * The engine's fixtures are real SOPs: the loader and the validator accept the good ones (so the
 * engine is tested on what `sop validate` lets through), and report the broken ones, whose faults
 * the engine must refuse rather than crash on. Each broken fixture's findings are written beside
 * it in `<name>.expected.txt`, one per line, so a fault that stops being reported (or a new one)
 * shows in the diff. UPDATE_EXPECTED=1 rewrites those files (review the diff before committing).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/core/load/load-library.js';
import { validateLibrary } from '../../src/core/validate/validate-library.js';
import { say } from '../../src/core/model/message.js';

const dir = new URL('./fixtures/', import.meta.url);
const BROKEN = ['broken', 'loop', 'recursive'];

function load(names: string[]) {
  const files = [...names.map((name) => `${name}.sop.yaml`), 'directory.yaml'].map((path) => ({ path, text: readFileSync(new URL(path, dir), 'utf8'), sha256: '' }));
  const loaded = loadLibrary(files);
  return { loaded, findings: [...loaded.findings, ...validateLibrary(loaded.library)] };
}

describe('engine fixtures', () => {
  const all = readdirSync(dir).filter((file) => file.endsWith('.sop.yaml')).map((file) => file.replace('.sop.yaml', ''));

  it('the good ones load and validate without errors', () => {
    const good = all.filter((name) => !BROKEN.includes(name));
    const { loaded, findings } = load(good);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect([...loaded.library.sops.keys()].sort()).toEqual(good.sort());
  });

  it.each(BROKEN)('%s is reported by the validator with exactly its expected findings', (name) => {
    const { findings } = load([name]);
    const lines = findings.map((f) => `${f.file}:${f.line}:${f.col}: ${f.severity}: ${say('en', f.message)} [${f.rule} ${f.name}]\n`).join('');
    const expected = new URL(`${name}.expected.txt`, dir);
    if (process.env['UPDATE_EXPECTED']) writeFileSync(expected, lines);
    expect(existsSync(expected), `${name}.expected.txt is missing; write it with UPDATE_EXPECTED=1 and review it`).toBe(true);
    expect(lines).toBe(readFileSync(expected, 'utf8'));
    // The engine tests rely on these being errors: a warning would let the fixture through `sop validate`.
    expect(findings.filter((f) => f.severity === 'error')).not.toEqual([]);
  });
});
