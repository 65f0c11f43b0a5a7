/**
 * QA: what must not reach stderr in clear. A refused answer to a sensitive step is not echoed
 * (headless run); ESC and OSC sequences in the user's arguments are cleaned from every message;
 * an output path that meets a full disk (`-o /dev/full`) says so plainly (exit 2, no "bug").
 * Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../e2e/pty.js';
import { homeEnv, tempDir, writeSensitiveSession } from '../security/helpers.js';
import { ROOT } from './sop.js';

const SOPS = join(ROOT, 'test', 'security', 'fixtures', 'sops');
function sop(args: string[], env: NodeJS.ProcessEnv, input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 20_000, ...(input !== undefined ? { input } : {}) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a refused answer to a sensitive step', () => {
  it('is not echoed on stderr; what was wrong is (headless run)', () => {
    const env = homeEnv(tempDir());
    const result = sop(['run', 'confide', '--sops', SOPS, '--answers', '-'], env, 'greet: continue\nname: Oksana\nwhere: CANARY-where-4242\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the answer for step confide\/where was refused \(unknown-option\); the step is sensitive, so the answer is not repeated here/);
    expect(result.stdout + result.stderr).not.toContain('CANARY');
  });

  it('an ordinary step still says what the answer was', () => {
    const env = homeEnv(tempDir());
    const result = sop(['run', 'confide', '--sops', SOPS, '--answers', '-'], env, 'greet: continue\nname: Oksana\nwhere: abroad\nsigns: [nosuch-sign]\n');
    expect(result.stderr).toMatch(/nosuch-sign/);
  });
});

describe('ESC and OSC sequences in the user\'s arguments', () => {
  it.each([
    [['validate', 'sops/\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\\u001b[2J']],
    [['log', 'show', 'x\u001b]0;owned\u0007\u001b[31m']],
    [['run', 'no\u001b[2Jsuch', '--sops', SOPS, '--answers', '-']],
    [['validate', '--format', 'x\u001b[31m']],
  ])('are cleaned from the message: %j', (args) => {
    const result = sop(args, homeEnv(tempDir()), '');
    expect(result.code).toBe(2);
    expect(result.stderr.length).toBeGreaterThan(0);
    expect(result.stderr).not.toMatch(/[\u001b\u0007\u009b\u009d]/);
  });
});

describe('output to a full disk', () => {
  it('sop log export ID --redact -o /dev/full: the plain message, exit 2, no "bug"', async () => {
    if (!existsSync('/dev/full')) return;
    const dir = tempDir();
    const env = homeEnv(dir);
    const { sessionId } = await writeSensitiveSession(join(env.XDG_DATA_HOME, 'sop-runner'), 'CANARY');
    for (const args of [
      ['log', 'export', sessionId, '--redact', '-o', '/dev/full'],
      ['log', 'show', sessionId],
      ['docs', 'confide', '--sops', SOPS, '-o', '/dev/full'],
    ]) {
      // Without -o, stdout itself is the full disk.
      const full = openSync('/dev/full', 'w');
      const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', stdio: ['ignore', args.includes('-o') ? 'pipe' : full, 'pipe'] });
      closeSync(full);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).not.toMatch(/internal error|This is a bug/);
      expect(result.stderr).toMatch(/disk is full|ENOSPC/);
    }
  });
});
