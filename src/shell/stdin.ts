/**
 * Reads all of standard input synchronously, for `-` arguments. `readFileSync(0)` fails with
 * EAGAIN when stdin is a non-blocking pipe whose writer has not written yet (a slow producer),
 * so read in a loop and wait briefly whenever the pipe is momentarily empty.
 */
import { readSync } from 'node:fs';

const CHUNK = 64 * 1024;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function readAllStdinSync(fd = 0): Buffer {
  const chunks: Buffer[] = [];
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
    chunks.push(chunk.subarray(0, read));
  }
  return Buffer.concat(chunks);
}
