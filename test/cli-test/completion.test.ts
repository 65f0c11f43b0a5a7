/**
 * `sop completion bash|zsh|fish` and the hidden `sop __complete` it calls (the built binary: run
 * `npm run build` first): commands, options, subcommands, SOP ids and scenario ids from a fixture
 * SOP folder; the bash script driven by bash itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;
const sopsDir = join(repo, 'test/cli-test/fixtures/completion');
const home = mkdtempSync(join(tmpdir(), 'sop-completion-'));
const env = { ...process.env, SOP_SOPS_DIR: sopsDir, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, LANG: 'C' };

function sop(args: string[]) {
  const result = spawnSync(process.execPath, [join(repo, 'bin/sop.cjs'), ...args], { env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const words = (args: string[]): string[] => sop(['__complete', ...args]).stdout.split('\n').filter(Boolean);

describe('sop __complete', () => {
  it('completes commands, options and subcommands', () => {
    expect(words([''])).toEqual(expect.arrayContaining(['run', 'validate', 'docs', 'log', 'completion']));
    expect(words([''])).not.toContain('__complete');
    expect(words(['val'])).toEqual(['validate']);
    expect(words(['validate', '--fo'])).toEqual(['--format']);
    expect(words(['log', ''])).toEqual(expect.arrayContaining(['list', 'show', 'verify']));
  });

  it('completes SOP ids and scenario ids from the SOP folder', () => {
    expect(words(['docs', 'demo'])).toEqual(['demo-one', 'demo-two']);
    expect(words(['run', 'demo-t'])).toEqual(['demo-two']);
    expect(words(['train', ''])).toEqual(['first-try']);
  });
});

describe('sop __complete with recorded calls', () => {
  // A call on the shipped library stopped half-way by its answers file: an interrupted call.
  const dataHome = mkdtempSync(join(tmpdir(), 'sop-completion-data-'));
  const callEnv = { ...process.env, SOP_DATA_DIR: join(dataHome, 'data'), XDG_CONFIG_HOME: dataHome, XDG_CACHE_HOME: dataHome, LANG: 'C' };
  const inData = (args: string[]) => spawnSync(process.execPath, [join(repo, 'bin/sop.cjs'), ...args], { env: callEnv, encoding: 'utf8' });
  const idsFor = (args: string[]): string[] => inData(['__complete', ...args]).stdout.split('\n').filter(Boolean);

  it('offers no session id while nothing is recorded', () => {
    expect(idsFor(['replay', ''])).toEqual([]);
  });

  it('completes the session ids of recorded calls for resume, replay, log show and log export', () => {
    const answers = join(dataHome, 'answers.yaml');
    writeFileSync(answers, 'summary: continue\n');
    const run = inData(['run', 'closing', '--answers', answers]);
    const id = /sop resume (\S+)/.exec(run.stderr + run.stdout)?.[1];
    expect(id).toMatch(/^\d{8}-\d{4}-\w{4}$/);
    for (const args of [['resume', ''], ['replay', ''], ['log', 'show', ''], ['log', 'export', '']]) expect(idsFor(args)).toEqual([id]);
    expect(idsFor(['replay', id!.slice(0, 9)])).toEqual([id]);
    expect(idsFor(['replay', 'x'])).toEqual([]);
    // SOP ids are not offered where a session id goes.
    expect(idsFor(['log', 'show', 'clo'])).toEqual([]);
  });
});

describe('sop completion', () => {
  it('prints scripts for bash, zsh and fish, and refuses another shell with exit 2', () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const result = sop(['completion', shell]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('sop __complete');
    }
    expect(sop(['completion', 'tcsh']).code).toBe(2);
  });

  it('the bash script completes in bash', () => {
    const script = sop(['completion', 'bash']).stdout;
    const bash = spawnSync(
      'bash',
      ['-c', `sop() { "${process.execPath}" "${join(repo, 'bin/sop.cjs')}" "$@"; }\n${script}\nCOMP_WORDS=(sop docs demo-t); COMP_CWORD=2; _sop_complete; printf '%s\\n' "\${COMPREPLY[@]}"`],
      { env, encoding: 'utf8' },
    );
    expect(bash.stdout.trim()).toBe('demo-two');
  });
});
