/**
 * QA: a library walk stays home. `ln -s / sops/root`, `ln -s .. sops/loop` and
 * `x.sop.yaml -> ../secret.json` in the library: validate, run and test finish at once, name each
 * link (SOP012 symlink-outside), and quote nothing of a file outside the library.
 */
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sop, tempDir } from './sop.js';

const CANARY = 'CANARY-SECRET-7f3a';
let work: string;

beforeAll(() => {
  work = tempDir();
  cpSync(join(ROOT, 'test/cli-test/fixtures/shared-target'), join(work, 'sops'), { recursive: true });
  writeFileSync(join(work, 'secret.json'), `{"password": "${CANARY}"}\n`);
  mkdirSync(join(work, 'sops', 'zz'));
  symlinkSync('/', join(work, 'sops', 'root'));
  symlinkSync('..', join(work, 'sops', 'loop'));
  symlinkSync('../secret.json', join(work, 'sops', 'x.sop.yaml'));
  symlinkSync('../../secret.json', join(work, 'sops', 'scenarios', 'y.scenario.yaml'));
  // A link that stays inside is followed, and the folder it leads to is read once.
  symlinkSync('../scenarios', join(work, 'sops', 'zz', 'again'));
});

function timed(args: string[], input?: string) {
  const started = Date.now();
  const result = sop(args, { cwd: work, ...(input !== undefined ? { input } : {}) });
  return { ...result, ms: Date.now() - started };
}

describe('symbolic links that leave the library', () => {
  it('sop validate names each link, follows none of them, quotes nothing outside', () => {
    const result = timed(['validate', 'sops']);
    expect(result.ms).toBeLessThan(5_000); // the process included; walking / never finished
    expect(result.code).toBe(0); // warnings only
    for (const link of ['sops/root', 'sops/loop', 'sops/x.sop.yaml', 'sops/scenarios/y.scenario.yaml']) {
      expect(result.stdout).toMatch(new RegExp(`${link.replace(/\./g, '\\.')}:1:1: warning: the symbolic link leads out of sops .*SOP012 symlink-outside`));
    }
    expect(result.stdout + result.stderr).not.toContain(CANARY);
    expect(result.stdout + result.stderr).toMatch(/in 3 files/); // 2 SOPs and 1 scenario, the scenario folder once
  });

  it('sop validate of one file does not read a linked file beside it as context', () => {
    const result = timed(['validate', 'sops/intake.sop.yaml']);
    expect(result.stdout + result.stderr).not.toContain(CANARY);
    expect(result.code).toBe(0);
  });

  it('sop test runs the scenarios and quotes nothing outside', () => {
    const result = timed(['test', 'sops']);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.stdout + result.stderr).not.toContain(CANARY);
    expect(result.stdout + result.stderr).toMatch(/debt-only/);
  });

  it('sop run starts the call and quotes nothing outside', () => {
    const result = timed(['run', 'intake', '--sops', 'sops', '--answers', '-'], 'greet: continue\n');
    expect(result.ms).toBeLessThan(5_000);
    expect(result.stdout + result.stderr).not.toContain(CANARY);
    expect(result.stdout + result.stderr).toMatch(/intake/);
  });

  it('Ukrainian too', () => {
    const result = timed(['validate', 'sops', '--lang', 'uk']);
    expect(result.stdout).toMatch(/sops\/root:1:1: .*символьне посилання веде за межі sops/);
  });
});
