/** The parse cache: private files, ignored when corrupt, never changes the verdict, and used. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openParseCache } from '../../src/shell/cache/parse-cache.js';
import { readLibrary } from '../../src/shell/library/read-library.js';
import { tempDirForFile as temporary } from '../temp-dirs.js';

const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const repo = new URL('../../', import.meta.url).pathname;

/**
 * Rewrites the one entry in `parseDir` so that its cached parse names a start step the file does
 * not have. Only a run that took the parse from the cache can then report it: the file on disk
 * is still valid, so this is evidence of a hit that does not depend on timing.
 */
function poisonTheOnlyEntry(parseDir: string): void {
  const entries = readdirSync(parseDir);
  expect(entries).toHaveLength(1);
  const path = join(parseDir, entries[0]!);
  const text = readFileSync(path, 'utf8');
  const newline = text.indexOf('\n');
  const head = JSON.parse(text.slice(0, newline)) as { value: { start: string } };
  expect(head.value.start).toBe('hello');
  head.value.start = 'from-the-cache';
  writeFileSync(path, `${JSON.stringify(head)}${text.slice(newline)}`);
}

function library(): string {
  const dir = temporary('sop-cache-lib-');
  for (const name of ['a.sop.yaml', 'b.sop.yaml']) copyFileSync(join(fixtures, 'call-cycle', name), join(dir, name));
  return dir;
}

describe('parse cache', () => {
  it('stores entries as 0600 files in a 0700 folder, and a warm read gives the same findings', async () => {
    const dir = library();
    const cacheDir = join(temporary('sop-cache-'), 'parse');
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
    const cacheDir = join(temporary('sop-cache-'), 'parse');
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
    const cacheDir = join(temporary('sop-cache-'), 'parse');
    expect((await readLibrary([dir], { cache: openParseCache(cacheDir), validate: true })).findings).toHaveLength(2);
    // b no longer calls a: the cycle is gone although a.sop.yaml (cached) did not change.
    copyFileSync(join(fixtures, 'valid/demo.sop.yaml'), join(dir, 'b.sop.yaml'));
    mkdirSync(join(dir, 'more'));
    const after = await readLibrary([dir], { cache: openParseCache(cacheDir), validate: true });
    expect(after.findings.map((f) => f.name)).toEqual(['unknown-sop']);
  });

  it('writes nothing with cache: false', async () => {
    const home = temporary('sop-cache-home-');
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

  it('is read: a warm run judges the cached parse, not a fresh one (in-process)', async () => {
    const dir = temporary('sop-cache-lib-');
    copyFileSync(join(fixtures, 'valid/demo.sop.yaml'), join(dir, 'demo.sop.yaml'));
    const parseDir = join(temporary('sop-cache-'), 'parse');
    expect((await readLibrary([dir], { cache: openParseCache(parseDir), validate: true })).findings).toEqual([]);
    poisonTheOnlyEntry(parseDir);
    const warm = await readLibrary([dir], { cache: openParseCache(parseDir), validate: true });
    expect(warm.findings.map((f) => [f.rule, f.name])).toEqual([['SOP104', 'unknown-step']]);
    expect((await readLibrary([dir], { cache: false, validate: true })).findings).toEqual([]);
  });
});

describe('parse cache in `sop validate` (the built binary: run `npm run build` first)', () => {
  it('a second run takes the parse from $XDG_CACHE_HOME/sop-runner/parse; --no-cache does not', () => {
    const dir = temporary('sop-cache-lib-');
    copyFileSync(join(fixtures, 'valid/demo.sop.yaml'), join(dir, 'demo.sop.yaml'));
    const cacheHome = temporary('sop-cache-home-');
    const validate = (...flags: string[]) => {
      const env: Record<string, string> = { ...(process.env as Record<string, string>), XDG_CACHE_HOME: cacheHome, LANG: 'C' };
      delete env['FORCE_COLOR'];
      delete env['GITHUB_ACTIONS'];
      const result = spawnSync(process.execPath, [join(repo, 'bin/sop.cjs'), 'validate', 'demo.sop.yaml', ...flags], { cwd: dir, env, encoding: 'utf8' });
      return { code: result.status, stdout: result.stdout };
    };
    expect(validate()).toEqual({ code: 0, stdout: '' });
    poisonTheOnlyEntry(join(cacheHome, 'sop-runner', 'parse'));
    const warm = validate();
    expect(warm.code).toBe(1);
    expect(warm.stdout).toContain("the start step 'from-the-cache'");
    expect(validate('--no-cache')).toEqual({ code: 0, stdout: '' });
  });
});
