/**
 * Temporary directories that are removed when the test file that made them has finished.
 *
 * The hook is registered when this module is first imported, which vitest does while it collects
 * a test file, so it belongs to that file's root suite. Removal waits for the end of the file (not
 * of each test) because helpers and `beforeAll` blocks make directories that several tests share.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
afterAll(() => {
  // maxRetries: a child process that was just killed may still be closing files inside.
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

/** A fresh directory under the system temp dir, removed after the current test file. */
export function tempDirForFile(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A fresh HOME with the XDG config, data and cache dirs inside it, so nothing of the machine's own leaks in. */
export function tempHomeEnv(prefix = 'sop-test-home-'): { HOME: string; XDG_CONFIG_HOME: string; XDG_DATA_HOME: string; XDG_CACHE_HOME: string } {
  const home = tempDirForFile(prefix);
  return { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache') };
}
