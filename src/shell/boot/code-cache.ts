/**
 * V8 code cache files for start-cli.ts. Reading or writing one never fails a command: a missing,
 * unreadable, unwritable or damaged cache (read-only home, full disk, power cut) only means
 * compiling from source.
 *
 * A file is the SHA-1 of the cache, then the cache. V8 checks a cache's header (its version, the
 * flags, the source's length) but not its contents: a cache damaged inside, as after a power cut
 * before the disk wrote it all, made V8 stop the whole process with a fatal error, at every start
 * until the file was deleted. So the contents are checked here first. node:crypto is loaded by
 * every command that reads files anyway; hashing a cache of 0.9 MB takes under 2 ms.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const DIGEST_BYTES = 20;

function digestOf(cache: Uint8Array): Buffer {
  return createHash('sha1').update(cache).digest();
}

/** The cache in `file`, or undefined when there is none or it is not the one that was written. */
export function readCodeCache(file: string): Buffer | undefined {
  try {
    const stored = readFileSync(file);
    if (stored.length <= DIGEST_BYTES) return undefined;
    const cache = stored.subarray(DIGEST_BYTES);
    return digestOf(cache).equals(stored.subarray(0, DIGEST_BYTES)) ? cache : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes a cache atomically (a reader never sees half a file) and removes what no run will read:
 * the caches of other bundles and left-over temporary files.
 */
export function writeCodeCache(file: string, create: () => Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const folder = dirname(file);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const cache = create();
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeAll(fd, digestOf(cache));
      writeAll(fd, cache);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
    // Other bundles' caches, and temporary files a killed writer left (a writer racing this one
    // only loses its write).
    const bundle = basename(file).split('.')[0]!;
    for (const name of readdirSync(folder)) {
      if (!name.startsWith(`${bundle}.`) || name.endsWith('.tmp')) rmSync(join(folder, name), { force: true });
    }
  } catch {
    // Only a speed-up; a half-written temporary file (a full disk) is not left behind.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do.
    }
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}
