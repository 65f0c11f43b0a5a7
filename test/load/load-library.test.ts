import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/core/load/load-library.js';
import { validateLibrary } from '../../src/core/validate/validate-library.js';
import { readLibrary } from '../../src/shell/library/read-library.js';

const fixtures = new URL('./fixtures/', import.meta.url).pathname;

function source(path: string, text: string) {
  return { path, text, sha256: 'x' };
}

describe('loadLibrary', () => {
  it('loads SOPs and the directory, with positions of nodes', async () => {
    const { library, findings } = await readLibrary([`${fixtures}library`], { cache: false });
    expect(findings).toEqual([]);
    expect([...library.sops.keys()].sort()).toEqual(['greet', 'refer']);
    expect(library.directory?.contacts['shelter']?.source).toBe('test fixture');
    const greet = library.sops.get('greet')!;
    expect(greet.file).toBe(`${fixtures}library/greet.sop.yaml`);
    expect(greet.sha256).toMatch(/^[0-9a-f]{64}$/);
    // A scalar: the value's position; a mapping: its key's.
    expect(greet.positionOf(['steps', 'refer', 'next'])).toEqual({ line: 32, col: 11 });
    expect(greet.positionOf(['steps', 'refer'])).toEqual({ line: 29, col: 3 });
    expect(greet.positionOf(['steps', 'hello', 'next', 1, 'goto'])).toEqual({ line: 28, col: 15 });
  });

  it('keeps going after a bad file and reports each problem at its position', () => {
    const good = source('a.sop.yaml', 'sop: a\nversion: 1.0.0\ntitle: A\nlanguages: [en]\nstart: s\nsteps:\n  s: { kind: end, outcome: o }\noutcomes: { o: { label: O, category: informed } }\n');
    const bad = source('b.sop.yaml', 'sop: b\nversion: 1.0.0\ntitle: B\nlanguages: [en]\nstart: s\nsteps:\n  s:\n    kind: ask\n    text: Q\n    optins: []\n');
    const { library, findings, rejected } = loadLibrary([bad, good]);
    expect([...library.sops.keys()]).toEqual(['a']);
    expect(rejected.has('b')).toBe(true);
    const schema = findings.filter((f) => f.rule !== 'SOP010');
    expect(schema).toEqual([
      {
        file: 'b.sop.yaml',
        line: 10,
        col: 5,
        rule: 'SOP050',
        name: 'unknown-property',
        severity: 'error',
        message: { en: "steps.s: unknown property 'optins'", uk: 'steps.s: невідома властивість «optins»' },
        hint: { en: "did you mean 'options'?", uk: 'можливо, ви мали на увазі «options»?', fix: { from: 'optins', to: 'options' } },
      },
    ]);
  });

  it('reports an unknown step with did-you-mean', () => {
    const text = 'sop: a\nversion: 1.0.0\ntitle: A\nlanguages: [en]\nstart: s\noutcomes: { o: { label: O, category: informed } }\nsteps:\n  s: { kind: say, text: Hi, next: endd }\n  end: { kind: end, outcome: o }\n';
    const { library } = loadLibrary([source('a.sop.yaml', text)]);
    const findings = validateLibrary(library).filter((f) => f.name === 'unknown-step');
    expect(findings).toMatchObject([{ rule: 'SOP104', line: 8, col: 35, hint: { en: "did you mean 'end'?" } }]);
  });
});
