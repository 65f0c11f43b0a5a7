// Preload for the crash test (node --import): every fsync takes SOP_TEST_FSYNC_MS longer, as on a
// real disk. On a RAM-backed or overlay file system an fsync is nearly free, so the call's lines
// are all written within a millisecond or two and a random kill almost never lands mid-call.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const ms = Number(process.env.SOP_TEST_FSYNC_MS ?? '4');
const original = fs.fsyncSync;
fs.fsyncSync = (fd) => {
  original(fd);
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy wait: fsync blocks the thread too
  }
};
syncBuiltinESMExports();
