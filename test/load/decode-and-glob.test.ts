import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/core/load/decode-source.js';
import { globBase, globToRegExp, isGlob } from '../../src/shell/library/glob.js';

describe('decodeSource', () => {
  it('accepts exactly the byte strings a strict UTF-8 decoder accepts (NUL-free)', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }).map((bytes) => bytes.map((b) => (b === 0 ? 1 : b))), (bytes) => {
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        expect('text' in decodeSource('f', bytes)).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('places the first bad byte at its line and byte column', () => {
    const bytes = new Uint8Array([0x61, 0x0a, 0x62, 0x63, 0xff, 0x0a]);
    expect(decodeSource('f', bytes)).toMatchObject({ findings: [{ line: 2, col: 3, name: 'not-utf8' }] });
  });

  it('rejects overlong forms and surrogates, keeps a BOM-less text', () => {
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      expect('findings' in decodeSource('f', new Uint8Array(bad))).toBe(true);
    }
    expect(decodeSource('f', new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a' });
  });
});

describe('glob', () => {
  it('recognises globs and their static base', () => {
    expect(isGlob('sops/a.sop.yaml')).toBe(false);
    expect(isGlob('sops/*.sop.yaml')).toBe(true);
    expect(globBase('sops/**/x/*.yaml')).toBe('sops');
    expect(globBase('*.yaml')).toBe('.');
    expect(globBase('/abs/dir/*.yaml')).toBe('/abs/dir');
  });

  it('matches *, **, ?, [..] and {a,b}', () => {
    const match = (pattern: string, path: string) => globToRegExp(pattern).test(path);
    expect(match('sops/*.sop.yaml', 'sops/a.sop.yaml')).toBe(true);
    expect(match('sops/*.sop.yaml', 'sops/x/a.sop.yaml')).toBe(false);
    expect(match('sops/**/*.sop.yaml', 'sops/a.sop.yaml')).toBe(true);
    expect(match('sops/**/*.sop.yaml', 'sops/x/y/a.sop.yaml')).toBe(true);
    expect(match('sops/?.sop.yaml', 'sops/ab.sop.yaml')).toBe(false);
    expect(match('sops/[ab].sop.yaml', 'sops/b.sop.yaml')).toBe(true);
    expect(match('sops/[!ab].sop.yaml', 'sops/b.sop.yaml')).toBe(false);
    expect(match('sops/{first,last}-*.sop.yaml', 'sops/last-contact.sop.yaml')).toBe(true);
    expect(match('sops/a+b(1).sop.yaml', 'sops/a+b(1).sop.yaml')).toBe(true);
  });
});
