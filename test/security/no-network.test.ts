/**
 * No network, ever: every command of the BUILT binary runs with a preload
 * (test/security/preload/no-network.mjs) that replaces net/tls connect, dns, http(s)/http2
 * requests, fetch, WebSocket and dgram with stubs that record the attempt and throw. Each run
 * must exit 0, 1 or 2 and the record must stay empty. Every command `sop --help` lists must be
 * covered here, so a new command cannot slip past. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../e2e/pty.js';
import { homeEnv, keyFiles, tempDir } from './helpers.js';

const PRELOAD = join(ROOT, 'test', 'security', 'preload', 'no-network.mjs');
const SOPS = join(ROOT, 'sops');
const FIXTURES = join(ROOT, 'test', 'security', 'fixtures', 'sops');

describe('no command opens a network connection', () => {
  it('every command, with the network stubbed out, makes zero attempts', () => {
    const home = tempDir('sop-net-');
    const netLog = join(home, 'net.log');
    const keys = keyFiles();
    const env = { ...homeEnv(home), TMPDIR: join(home, 'tmp'), SOP_TEST_NET_LOG: netLog };
    mkdirSync(env.TMPDIR);
    mkdirSync(join(env.XDG_CONFIG_HOME, 'sop-runner'), { recursive: true });
    writeFileSync(join(env.XDG_CONFIG_HOME, 'sop-runner', 'config.yaml'), `public_key: ${keys.pub}\n`);
    const answers = join(home, 'answers.yaml');
    writeFileSync(answers, 'greet: continue\nname: "Nadia"\nwhere: home\nsigns: [documents]\n');
    const sop = (...args: string[]) => spawnSync(process.execPath, ['--import', PRELOAD, BIN, ...args], { env, encoding: 'utf8', input: '', timeout: 60_000 });

    // A recorded call first, so that the journal commands have something to read.
    const recorded = sop('run', 'confide', '--sops', FIXTURES, '--answers', answers);
    expect(recorded.status, recorded.stderr).toBe(0);
    const id = /Session: (\S+)/.exec(recorded.stdout)![1]!;
    const exported = join(home, 'call.jsonl');

    const runs: Record<string, string[][]> = {
      run: [['run', 'confide', '--sops', FIXTURES, '--answers', answers], ['run', 'confide', '--sops', FIXTURES]],
      resume: [['resume', '--sops', FIXTURES]],
      train: [['train', '--report', '--sops', SOPS], ['train', 'two-signs', '--sops', SOPS]],
      test: [['test', '--sops', SOPS, join(SOPS, 'scenarios')], ['test', '--coverage', '--journal', '--sops', SOPS, join(SOPS, 'scenarios')]],
      replay: [['replay', id, '--sops', FIXTURES], ['replay', '--check', '--sops', FIXTURES], ['replay', exported, '--sops', FIXTURES]],
      graph: [['graph', 'first-contact', '--sops', SOPS], ['graph', 'first-contact', '--format', 'svg', '--sops', SOPS, '-o', join(home, 'g.svg')]],
      docs: [['docs', 'first-contact', '--sops', SOPS]],
      stats: [['stats'], ['stats', '--format', 'json']],
      validate: [['validate', SOPS], ['validate', FIXTURES, '--format', 'sarif']],
      schema: [['schema', 'sop']],
      log: [
        ['log', 'list'],
        ['log', 'show', id, '--sops', FIXTURES],
        ['log', 'show', id, '--key', keys.key],
        ['log', 'verify'],
        ['log', 'export', id, '--redact', '-o', exported],
        ['log', 'purge', '--older-than', '90d', '--dry-run'],
        ['log', 'purge', '--older-than', '90d'],
      ],
      config: [['config'], ['config', '--format', 'json']],
      keys: [['keys', 'generate', '-o', join(home, 'new-keys')], ['keys', 'fingerprint', keys.pub]],
      // The shared store is the one connection sop ever makes, and only to a store configured on
      // purpose (docs/hotline-store.md; its tests: test/store/). Without one: no attempt, exit 2.
      sync: [['sync'], ['sync', '--dry-run']],
      db: [['db', 'status'], ['db', 'init']],
      // The language server talks to its editor over stdio only; here stdin is closed at once.
      lsp: [['lsp', '--stdio']],
      completion: [['completion', 'bash'], ['__complete', 'run', '']],
      man: [['man']],
    };
    const listed = sop('--help')
      .stdout.split('\n')
      .flatMap((line) => /^ {2}([a-z][a-z-]*)\b/.exec(line)?.[1] ?? []);
    expect(listed.filter((name) => name !== 'help' && !(name in runs)), 'commands not covered by this test').toEqual([]);

    const results: string[] = [];
    for (const [name, list] of Object.entries(runs)) {
      for (const args of [...list, [name, '--help']]) {
        const result = sop(...args);
        results.push(`${args.join(' ')} -> ${result.status}`);
        expect([0, 1, 2], `${args.join(' ')}: ${result.stderr}`).toContain(result.status);
        expect(result.stderr, args.join(' ')).not.toMatch(/network access blocked|\n\s+at .*\(/);
      }
    }
    expect(sop('--version').status).toBe(0);
    expect(existsSync(netLog) ? readFileSync(netLog, 'utf8') : '').toBe('');
    expect(results.length).toBeGreaterThan(30);
  }, 180_000);
});
