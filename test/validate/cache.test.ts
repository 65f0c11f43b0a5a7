/** The parse cache: private files, ignored when corrupt, never changes the verdict. */
import { mkdtempSync, readdirSync, statSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openParseCache } from '../../src/shell/cache/parse-cache.js';
import { readLibrary } from '../../src/shell/library/read-library.js';

const fixtures = new URL('./fixtures/', import.meta.url).pathname;

function library(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sop-cache-lib-'));
  for (const name of ['a.sop.yaml', 'b.sop.yaml']) copyFileSync(join(fixtures, 'call-cycle', name), join(dir, name));
  return dir;
}

describe('parse cache', () => {
  it('stores entries as 0600 files in a 0700 folder, and a warm read gives the same findings', async () => {
    const dir = library();
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'sop-cache-')), 'parse');
    const cache = openParseCache(cacheDir);
    const cold = await readLibrary([dir], { cache, validate: true });
    expect((statSync(cacheDir).mode & 0o777).toString(8)).toBe('700');
    const entries = readdirSync(cacheDir);
    expect(entries).toHaveLength(2);
    for (const entry of entries) expect((statSync(join(cacheDir, entry)).mode & 0o777).toString(8)).toBe('600');
    const warm = await readLibrary([dir], { cache: openParseCache(cacheDir), validate: true });
    expect(warm.findings).toEqual(cold.findings);
    expect(warm.findings.map((f) => f.name)).toEqual(['call-cycle', 'call-cycle']);
    // Positions still work from a cached parse.
    expect(warm.library.sops.get('a')!.positionOf(['steps', 'hello', 'sop'])).toEqual({ line: 12, col: 10 });
  });

  it('ignores corrupt entries', async () => {
    const dir = library();
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'sop-cache-')), 'parse');
    const cold = await readLibrary([dir], { cache: openParseCache(cacheDir), validate: true });
    const entries = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, entries[0]!), '{"positions": nonsense');
    writeFileSync(join(cacheDir, entries[1]!), '{"value": 1}');
    const again = await readLibrary([dir], { cache: openParseCache(cacheDir), validate: true });
    expect(again.findings).toEqual(cold.findings);
    expect([...again.library.sops.keys()].sort()).toEqual(['a', 'b']);
  });

  it('caches the parse, not the verdict: a change in another file is seen', async () => {
    const dir = library();
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'sop-cache-')), 'parse');
    expect((await readLibrary([dir], { cache: openParseCache(cacheDir), validate: true })).findings).toHaveLength(2);
    // b no longer calls a: the cycle is gone although a.sop.yaml (cached) did not change.
    copyFileSync(join(fixtures, 'valid/demo.sop.yaml'), join(dir, 'b.sop.yaml'));
    mkdirSync(join(dir, 'more'));
    const after = await readLibrary([dir], { cache: openParseCache(cacheDir), validate: true });
    expect(after.findings.map((f) => f.name)).toEqual(['unknown-sop']);
  });

  it('writes nothing with cache: false', async () => {
    const home = mkdtempSync(join(tmpdir(), 'sop-cache-home-'));
    const before = process.env['XDG_CACHE_HOME'];
    process.env['XDG_CACHE_HOME'] = home;
    try {
      await readLibrary([library()], { cache: false });
      expect(readdirSync(home)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env['XDG_CACHE_HOME'];
      else process.env['XDG_CACHE_HOME'] = before;
    }
  });
});
