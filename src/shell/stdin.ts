/**
 * Reads all of standard input synchronously, for `-` arguments. `readFileSync(0)` fails with
 * EAGAIN when stdin is a non-blocking pipe whose writer has not written yet (a slow producer),
 * so read in a loop and wait briefly whenever the pipe is momentarily empty.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 64 * 1024;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** A file (or stream) longer than the cap its reader set: `/dev/zero` as a key never ends. */
class TooLarge extends Error {
  override readonly name = 'TooLarge';
  /** Shown where a read error's code is shown: "cannot read … (EFBIG > 65536 B)". */
  readonly code: string;
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
    this.code = `EFBIG > ${limit} B`;
  }
}

export function readAllStdinSync(fd = 0, limit = Infinity): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    let read: number;
    try {
      read = readSync(fd, chunk, 0, CHUNK, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(sleeper, 0, 0, 5);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    total += read;
    if (total > limit) throw new TooLarge(limit);
    chunks.push(chunk.subarray(0, read));
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a whole file, at most `limit` bytes: a longer one (or a device that never ends, a FIFO
 * that keeps writing) throws TooLarge, whose `code` is `EFBIG > limit B`, after reading limit + 1 bytes at
 * most. For key, config and answers files, which are small.
 */
export function readFileCapped(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    return readAllStdinSync(fd, limit);
  } finally {
    closeSync(fd);
  }
}

/** The caps on the small files sop reads whole. */
export const KEY_FILE_LIMIT = 64 * 1024;
export const CONFIG_FILE_LIMIT = 1024 * 1024;
export const ANSWERS_FILE_LIMIT = 16 * 1024 * 1024;
