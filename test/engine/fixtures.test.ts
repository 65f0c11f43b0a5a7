/**
 * The engine's fixtures are real SOPs: the loader and the validator accept the good ones (so the
 * engine is tested on what `sop validate` lets through), and report the broken ones, whose faults
 * the engine must refuse rather than crash on.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/core/load/load-library.js';
import { validateLibrary } from '../../src/core/validate/validate-library.js';

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

  it.each(BROKEN)('%s is reported by the validator', (name) => {
    expect(load([name]).findings.filter((finding) => finding.severity === 'error')).not.toEqual([]);
  });
});
