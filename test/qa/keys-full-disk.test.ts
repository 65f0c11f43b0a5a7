/**
 * QA: `sop keys generate` on a full disk leaves no empty key file behind (it blocked the retry with
 * "already exists: sop never overwrites a key"). Needs root and mount(8); skipped otherwise.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sop } from './sop.js';

function tinyDisk(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'sop-qa-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

describe('sop keys generate on a full disk', () => {
  const disk = process.getuid?.() === 0 ? tinyDisk() : undefined;
  it.runIf(disk !== undefined)('fails with exit 2, leaves no key file, and works once there is room', () => {
    const root = disk!;
    try {
      mkdirSync(join(root, 'keys'), { mode: 0o700 });
      const fill = join(root, 'fill');
      // Fill the disk: writes fail once it is full.
      try {
        writeFileSync(fill, Buffer.alloc(64 * 1024));
      } catch {
        // full
      }
      const failed = sop(['keys', 'generate', '-o', join(root, 'keys')]);
      expect(failed.code).toBe(2);
      expect(failed.stderr).toMatch(/cannot write the key files/);
      expect(readdirSync(join(root, 'keys'))).toEqual([]);
      rmSync(fill);
      const retried = sop(['keys', 'generate', '-o', join(root, 'keys')]);
      expect(retried.code).toBe(0);
      expect(existsSync(join(root, 'keys', 'supervisor.key.pem'))).toBe(true);
    } finally {
      execFileSync('umount', [root]);
      rmSync(root, { recursive: true, force: true });
    }
  });
});
