/**
 * The code cache that start-cli.ts keeps (compiled code of the CLI bundle, one file per command):
 * written after a command's first run, private to the user, used by the next run with the same
 * output; a damaged or foreign cache, a cache folder that cannot be written and
 * SOP_NO_CODE_CACHE=1 only cost speed, never the command. Through the built binary.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, sop } from './run-sop.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'sop-code-cache-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

const codeDir = (): string => join(home, 'cache', 'sop-runner', 'code');
const validate = (env: Record<string, string> = {}) => sop(['validate', 'sops'], { env: { XDG_CACHE_HOME: join(home, 'cache'), ...env } });
const cachesOf = (command: string): string[] => (existsSync(codeDir()) ? readdirSync(codeDir()).filter((name) => name.endsWith(`.${command}.bin`)) : []);

describe('the code cache', () => {
  it('is written by a command\'s first run, private, and the next run gives the same output', () => {
    const first = validate();
    expect(first.status, first.stderr).toBe(0);
    const [cache] = cachesOf('validate');
    expect(cache).toMatch(/^sop-[A-Z0-9]+\.v\d+\.\d+\.\d+\.[a-z0-9]+\.validate\.bin$/);
    expect(statSync(join(codeDir(), cache!)).mode & 0o777).toBe(0o600);
    expect(statSync(codeDir()).mode & 0o777).toBe(0o700);
    const written = statSync(join(codeDir(), cache!)).mtimeMs;
    const second = validate();
    expect(second).toEqual(first);
    // Used, not rewritten.
    expect(statSync(join(codeDir(), cache!)).mtimeMs).toBe(written);
  });

  it('keeps one cache per command', () => {
    validate();
    sop(['--version'], { env: { XDG_CACHE_HOME: join(home, 'cache') } });
    expect(cachesOf('validate')).toHaveLength(1);
    expect(cachesOf('other')).toHaveLength(1);
  });

  it('keeps runs under Node options apart, so neither overwrites the other', () => {
    validate();
    const [plain] = cachesOf('validate');
    const written = statSync(join(codeDir(), plain!)).mtimeMs;
    expect(validate({ NODE_OPTIONS: '--no-warnings' }).status).toBe(0);
    expect(cachesOf('validate')).toHaveLength(2);
    expect(statSync(join(codeDir(), plain!)).mtimeMs).toBe(written);
  });

  it('replaces a damaged cache and runs as if there were none', () => {
    const clean = validate();
    const [cache] = cachesOf('validate');
    const file = join(codeDir(), cache!);
    writeFileSync(file, Buffer.from('not a V8 code cache at all'.repeat(100)));
    const damaged = validate();
    expect(damaged).toEqual(clean);
    expect(readFileSync(file).subarray(0, 26).toString('latin1')).not.toBe('not a V8 code cache at all');
  });

  it('a cache damaged inside (its header intact) is refused, not handed to V8, which would stop the process', () => {
    const clean = validate();
    const [cache] = cachesOf('validate');
    const file = join(codeDir(), cache!);
    const bytes = readFileSync(file);
    // Garbage in the middle, as a power cut before the disk wrote the whole file can leave.
    for (let i = 0; i < 4096; i++) bytes[Math.floor(bytes.length / 3) + i] = (i * 151 + 7) & 0xff;
    writeFileSync(file, bytes);
    const damaged = validate();
    expect(damaged).toEqual(clean);
    expect(readFileSync(file).equals(bytes)).toBe(false);
    expect(validate()).toEqual(clean);
  });

  it('removes the caches of other bundles and left-over temporary files when it writes its own', () => {
    mkdirSync(codeDir(), { recursive: true });
    const stale = join(codeDir(), 'sop-OLDBUILD.v20.0.0.x64.validate.bin');
    writeFileSync(stale, 'old');
    expect(validate().status).toBe(0);
    expect(existsSync(stale)).toBe(false);
    // A temporary file that a writer killed before its rename left behind.
    const [current] = cachesOf('validate');
    const leftOver = join(codeDir(), `${current!}.4242.tmp`);
    writeFileSync(leftOver, 'half');
    expect(sop(['test', 'sops/scenarios'], { env: { XDG_CACHE_HOME: join(home, 'cache') } }).status).toBe(0);
    expect(existsSync(leftOver)).toBe(false);
    expect(cachesOf('validate')).toHaveLength(1);
  });

  it('a cache folder that cannot be made only costs speed', () => {
    // Under a plain file, so that not even root can create it.
    writeFileSync(join(home, 'file'), '');
    const result = sop(['validate', 'sops'], { env: { XDG_CACHE_HOME: join(home, 'file', 'cache') } });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^No problems found/);
  });

  it('SOP_NO_CODE_CACHE=1 writes none', () => {
    expect(validate({ SOP_NO_CODE_CACHE: '1' }).status).toBe(0);
    expect(existsSync(codeDir())).toBe(false);
  });

  it('a damaged dist/ is a clear message and exit 2, not a stack trace', () => {
    // A copy of the launcher whose dist/bundle.json names a bundle that is not there, or is not JSON.
    mkdirSync(join(home, 'bin'));
    mkdirSync(join(home, 'dist'));
    copyFileSync(join(ROOT, 'bin', 'sop.cjs'), join(home, 'bin', 'sop.cjs'));
    copyFileSync(join(ROOT, 'dist', 'boot.cjs'), join(home, 'dist', 'boot.cjs'));
    for (const manifest of ['{"file":"chunks/sop-GONE.cjs"}', 'not json']) {
      writeFileSync(join(home, 'dist', 'bundle.json'), manifest);
      const result = spawnSync(process.execPath, [join(home, 'bin', 'sop.cjs'), '--version'], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', HOME: home } });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^sop: cannot load .*; run "npm install" \(or "npm run build"\) in the sop-runner folder again\.\n$/);
      expect(result.stdout).toBe('');
    }
  });
});
