// The floors of bench/year.mjs: the least `sop log verify`, `sop stats` and `sop replay --check`
// must do with a journal, without the command. Reads every month file of a data dir's live
// journal a block at a time (memory bounded, as the commands must be) and, for each line:
//   hash        SHA-256 of its bytes (what verify must compute to follow the chain);
//   parse       JSON.parse of its text (what stats and replay --check must do to read it);
//   hash-parse  both.
// Usage: node journal-floor.mjs hash|parse|hash-parse DATA_DIR
import { hash as sha256 } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';

const [mode, dataDir] = process.argv.slice(2);
const hash = mode === 'hash' || mode === 'hash-parse';
const parse = mode === 'parse' || mode === 'hash-parse';
if ((!hash && !parse) || dataDir === undefined) throw new Error('usage: node journal-floor.mjs hash|parse|hash-parse DATA_DIR');

const dir = join(dataDir, 'journal', 'calls');
const BLOCK = 1 << 20;
let buffer = Buffer.allocUnsafe(BLOCK);
let lines = 0;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
  const fd = openSync(join(dir, name), 'r');
  let filled = 0;
  for (;;) {
    if (filled === buffer.length) {
      const larger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(larger, 0, 0, filled);
      buffer = larger;
    }
    const read = readSync(fd, buffer, filled, buffer.length - filled, null);
    filled += read;
    let start = 0;
    for (let nl = buffer.indexOf(0x0a, start); nl !== -1 && nl < filled; nl = buffer.indexOf(0x0a, start)) {
      if (hash) sha256('sha256', buffer.subarray(start, nl), 'hex');
      if (parse) JSON.parse(buffer.toString('utf8', start, nl));
      lines++;
      start = nl + 1;
    }
    buffer.copy(buffer, 0, start, filled);
    filled -= start;
    if (read === 0) break;
  }
  closeSync(fd);
}
if (lines === 0) process.exit(1);
process.stdout.write(`${lines}\n`);
