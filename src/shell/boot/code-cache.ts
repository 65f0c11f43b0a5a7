/**
 * V8 code cache files for start-cli.ts. Reading or writing one never fails a command: a missing,
 * unreadable or unwritable cache (read-only home, full disk) only means compiling from source.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function readCodeCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes a cache atomically (a reader never sees half a file) and removes the caches of other
 * bundles, which no build will ask for again.
 */
export function writeCodeCache(file: string, create: () => Buffer): void {
  try {
    const folder = dirname(file);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, create(), { mode: 0o600 });
    renameSync(temporary, file);
    const bundle = basename(file).split('.')[0]!;
    for (const name of readdirSync(folder)) {
      if (!name.startsWith(`${bundle}.`) && !name.endsWith('.tmp')) rmSync(join(folder, name), { force: true });
    }
  } catch {
    // Only a speed-up.
  }
}
