/** The loader never throws, whatever the bytes: every problem is a finding with a position. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/core/load/decode-source.js';
import { loadLibrary } from '../../src/core/load/load-library.js';
import { loadScenario } from '../../src/core/load/load-scenario.js';
import type { Finding } from '../../src/core/findings/finding.js';
import { validateLibrary } from '../../src/core/validate/validate-library.js';
import { say } from '../../src/core/model/message.js';

const valid = `sop: a
version: 1.0.0
title: { en: A, uk: А }
languages: [en, uk]
start: s
variables: { x: { type: int } }
outcomes: { o: { label: O, category: informed } }
steps:
  s:
    kind: ask
    text: Q
    save: y
    options: [{ id: a, label: A, set: { x: 1 } }]
    next: [{ when: x > 0, goto: e }, { goto: e }]
  e: { kind: end, outcome: o, refer: [z] }
`;

/** Random edits of a valid SOP: cut, duplicate, or insert YAML-significant characters. */
const mutated = fc
  .array(fc.tuple(fc.nat(valid.length), fc.constantFrom('', ':', '-', '[', ']', '{', '}', '\t', '&a ', '*a', '"', "'", '\n  ', '\n', '#', '!!', '? ', '|', '>', '---\n', '\u0000')), { maxLength: 6 })
  .map((edits) => {
    let text = valid;
    for (const [at, insert] of edits) text = text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + (insert === '' ? 3 : 0));
    return text;
  });

function wellFormed(findings: readonly Finding[]): void {
  for (const f of findings) {
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.col).toBeGreaterThanOrEqual(1);
    expect(f.rule).toMatch(/^SOP\d{3}$/);
    expect(say('en', f.message).length).toBeGreaterThan(0);
    expect(say('uk', f.message)).toMatch(/[а-яєіїґ]/i); // said in Ukrainian too, whatever the parser's words
  }
}

describe('loader fuzz', () => {
  it('edited SOPs: findings, never a throw', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const { library, findings } = loadLibrary([{ path: 'a.sop.yaml', text, sha256: 'x' }]);
        wellFormed(findings);
        wellFormed(validateLibrary(library, { today: '2026-01-01' }));
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary text and bytes: findings, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        wellFormed(loadLibrary([{ path: 'a.sop.yaml', text, sha256: 'x' }]).findings);
        wellFormed(loadScenario({ path: 'a.scenario.yaml', text, sha256: 'x' }).findings);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const decoded = decodeSource('a.sop.yaml', bytes);
        if ('findings' in decoded) wellFormed(decoded.findings);
        else wellFormed(loadLibrary([{ path: 'a.sop.yaml', text: decoded.text, sha256: 'x' }]).findings);
      }),
      { numRuns: 300 },
    );
  });
});
