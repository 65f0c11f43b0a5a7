/**
 * QA: every key, config and answers file is read with a cap: `/dev/zero` (a file that never ends)
 * as a key, a config file or an answers file ends at once with a clear message (exit 2).
 * Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../e2e/pty.js';
import { homeEnv, keyFiles, tempDir, writeSensitiveSession } from '../security/helpers.js';
import { ROOT } from './sop.js';

function sop(args: string[], env: NodeJS.ProcessEnv) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

describe('files that never end', () => {
  it('sop log show ID --key /dev/zero ends at once: the key is too large (exit 2)', async () => {
    const dir = tempDir();
    const env = homeEnv(dir);
    const keys = keyFiles();
    const { sessionId } = await writeSensitiveSession(join(env.XDG_DATA_HOME, 'sop-runner'), 'CANARY', { pub: keys.pub });
    const result = sop(['log', 'show', sessionId, '--key', '/dev/zero'], env);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read the private key \/dev\/zero \(EFBIG > 65536 B\)/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('sop keys fingerprint /dev/zero too', () => {
    const result = sop(['keys', 'fingerprint', '/dev/zero'], homeEnv(tempDir()));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read \/dev\/zero \(EFBIG > 65536 B\)/);
  });

  it('a config file that is /dev/zero', () => {
    const env = homeEnv(tempDir());
    mkdirSync(join(env.XDG_CONFIG_HOME, 'sop-runner'), { recursive: true });
    symlinkSync('/dev/zero', join(env.XDG_CONFIG_HOME, 'sop-runner', 'config.yaml'));
    const result = sop(['log', 'list'], env);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/config\.yaml: cannot read the config file \(EFBIG > 1048576 B\)/);
  });

  it('an answers file that is /dev/zero', () => {
    const result = sop(['run', 'first-contact', '--sops', join(ROOT, 'sops'), '--answers', '/dev/zero'], homeEnv(tempDir()));
    expect(result.ms).toBeLessThan(10_000);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read the answers file \/dev\/zero \(EFBIG > 16777216 B\)/);
  });
});
