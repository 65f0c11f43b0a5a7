/**
 * sop keys and the configured key, through the BUILT binary: fingerprints match across a pair and
 * sop config; a private key configured as public_key, a missing key file or a non-key never stop
 * a call but are said clearly and leave the call redacted (never in clear). Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../e2e/pty.js';
import { homeEnv, tempDir } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'security', 'fixtures', 'sops');

function setup(publicKey?: string) {
  const dir = tempDir('sop-keys-home-');
  const env = { ...homeEnv(dir), NO_COLOR: '1' };
  if (publicKey !== undefined) {
    mkdirSync(join(dir, 'config', 'sop-runner'), { recursive: true });
    writeFileSync(join(dir, 'config', 'sop-runner', 'config.yaml'), `public_key: ${publicKey}\n`);
  }
  const sop = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', input: '' });
  return { dir, env, sop };
}

describe('sop keys and the configured key', () => {
  it('generate, fingerprint of both halves, sop config shows the configured key and its fingerprint', () => {
    const keysDir = join(tempDir(), 'supervisor');
    const { sop } = setup(join(keysDir, 'supervisor.pub.pem'));
    const made = sop('keys', 'generate', '-o', keysDir);
    expect(made.status).toBe(0);
    expect(made.stdout.split('\n').filter(Boolean)).toEqual([join(keysDir, 'supervisor.pub.pem'), join(keysDir, 'supervisor.key.pem')]);
    const fingerprint = /fingerprint ([0-9a-f ]{19})/.exec(made.stderr)![1]!;
    expect(sop('keys', 'fingerprint', join(keysDir, 'supervisor.pub.pem')).stdout.trim()).toBe(fingerprint);
    expect(sop('keys', 'fingerprint', join(keysDir, 'supervisor.key.pem')).stdout.trim()).toBe(fingerprint);
    const config = sop('config');
    expect(config.stdout).toMatch(new RegExp(`public key\\s+${join(keysDir, 'supervisor.pub.pem')}\\s+fingerprint ${fingerprint}`));
    expect(JSON.parse(sop('config', '--format', 'json').stdout).publicKey).toBe(join(keysDir, 'supervisor.pub.pem'));
    const bad = sop('keys', 'fingerprint', join(ROOT, 'package.json'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('is not an X25519 public key in PEM form');
  });

  for (const [name, make] of [
    ['the supervisor\'s PRIVATE key', (dir: string) => {
      spawnSync(process.execPath, [BIN, 'keys', 'generate', '-o', dir], { encoding: 'utf8' });
      return join(dir, 'supervisor.key.pem');
    }],
    ['a missing file', (dir: string) => join(dir, 'nope.pem')],
    ['a file that is not a key', (dir: string) => {
      writeFileSync(join(dir, 'junk.pem'), '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n');
      return join(dir, 'junk.pem');
    }],
  ] as const) {
    it(`public_key naming ${name}: the call runs, redacted only, with a clear warning`, () => {
      const keyPath = make(tempDir());
      const { dir, sop } = setup(keyPath);
      const answers = join(tempDir(), 'answers.yaml');
      writeFileSync(answers, 'greet: continue\nname: "Nadia CANARY-k"\nwhere: home\nsigns: []\n');
      const run = sop('run', 'confide', '--sops', FIXTURES, '--answers', answers);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain('NOT kept for the supervisor');
      if (name.includes('PRIVATE')) expect(run.stderr).toContain('must never be on a counsellor\'s machine');
      const calls = join(dir, 'data', 'sop-runner', 'journal', 'calls');
      const journal = readFileSync(join(calls, readdirSync(calls).find((n) => n.endsWith('.jsonl'))!), 'utf8');
      expect(journal).not.toContain('CANARY-k');
      expect(journal).not.toContain('"sealed"');
      expect(sop('config').stdout).toContain('UNUSABLE');
    });
  }
});
