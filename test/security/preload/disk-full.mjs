// Preload for the disk-failure test (node --import): from the Nth write of journal lines on
// ($SOP_TEST_FULL_AFTER, counted from 1), fs.writeSync fails as a full disk does (ENOSPC), or as
// $SOP_TEST_FULL_CODE says. Other writes (the terminal, lock files) are left alone.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const after = Number(process.env.SOP_TEST_FULL_AFTER ?? '1');
const code = process.env.SOP_TEST_FULL_CODE ?? 'ENOSPC';
const original = fs.writeSync;
let journalWrites = 0;
fs.writeSync = function writeSync(fd, buffer, ...rest) {
  const head = typeof buffer === 'string' ? buffer.slice(0, 6) : Buffer.from(buffer.buffer, buffer.byteOffset, Math.min(6, buffer.byteLength)).toString('utf8');
  if (head === '{"v":1' && ++journalWrites >= after) {
    throw Object.assign(new Error(`${code}: simulated, write`), { code, errno: -28, syscall: 'write' });
  }
  return original.call(fs, fd, buffer, ...rest);
};
syncBuiltinESMExports();
