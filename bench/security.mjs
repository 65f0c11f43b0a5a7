// Costs of protecting the journal, as ratios against baselines measured in the same run:
//   seal      appending one answer's lines (a sensitive typed answer + a note + the next step)
//             with sealing to a supervisor's key vs the same with redaction only (fsync skipped in
//             both: the cryptography's own price, not the disk's);
//   open      `sop log show --key`'s work: opening every sealed line of a month vs reading the
//             same journal without a key (readJournal);
//   purge     `sop log purge` of half a month (verify, re-chain, temp file, fsync, rename) vs
//             reading and rewriting the same file (readFileSync + writeFileSync + fsync).
// Bundles the sources with esbuild into a temporary file, so it needs no build step.
//   node bench/security.mjs            (about 10 s)
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { best, importSources } from './lib.mjs';

const ANSWERS = 600;
const SESSIONS = 200;
const work = mkdtempSync(join(tmpdir(), 'sop-bench-security-'));

const m = await importSources(
  [
    "export * from './src/shell/journal/index.ts';",
    "export { createSealer } from './src/shell/crypto/seal.ts';",
    "export { createOpener } from './src/shell/crypto/unseal.ts';",
    "export { generateKeyPairPem } from './src/shell/crypto/keys.ts';",
    "export { purgeJournal } from './src/shell/journal/purge-journal.ts';",
  ],
  { external: true },
);
const { createPrivateKey, createPublicKey } = await import('node:crypto');
const { publicPem, privatePem } = m.generateKeyPairPem();
const publicKey = createPublicKey(publicPem);
const privateKey = createPrivateKey(privatePem);
const noFsync = { fsyncSync: () => {} };
const start = () => ({
  sop: 'first-contact', version: '1.0.0', files: [], operator: 'olena', lang: 'uk', tool: '0.1.0', mode: 'live',
});
const events = (i) => [
  { type: 'answer', step: 'intake/name', answer: { kind: 'value', raw: `Oksana ${i}` }, value: `Oksana ${i}`, sensitive: true },
  { type: 'note', step: 'intake/name', text: `calls from a friend's phone ${i}` },
  { type: 'step-shown', step: 'intake/where', kind: 'ask' },
];

async function appendAll(sealed, round) {
  const dir = join(work, `append-${sealed}-${round}`);
  const writer = await m.openSessionWriter({ dataDir: dir, mode: 'live', now: () => new Date(), monotonic: () => performance.now(), fs: noFsync, ...(sealed ? { sealer: m.createSealer(publicKey) } : {}) });
  writer.append('session-start', start());
  const t0 = performance.now();
  for (let i = 0; i < ANSWERS; i++) writer.appendEvents(events(i));
  const ms = (performance.now() - t0) / ANSWERS;
  writer.close();
  return ms;
}

let sealMs = Infinity;
let redactMs = Infinity;
let fsyncMs = Infinity;
const sample = Buffer.from(`${JSON.stringify({ v: 1, session: '20261129-1302-k3f9', seq: 12, type: 'answer', ...events(1)[0], prev: 'f'.repeat(64) })}\n`);
for (let round = 0; round < 5; round++) {
  redactMs = Math.min(redactMs, await appendAll(false, round));
  sealMs = Math.min(sealMs, await appendAll(true, round));
  // The durability floor each recorded answer pays anyway: one write + fsync.
  const fd = openSync(join(work, `floor-${round}.jsonl`), 'a', 0o600);
  const t0 = performance.now();
  for (let i = 0; i < 100; i++) {
    writeSync(fd, sample);
    fsyncSync(fd);
  }
  fsyncMs = Math.min(fsyncMs, (performance.now() - t0) / 100);
  closeSync(fd);
}

// A month: SESSIONS sealed sessions of 1 + 3x20 + 1 lines, each a new writer (a new wrapped key).
const month = join(work, 'month');
for (let s = 0; s < SESSIONS; s++) {
  const day = String(1 + Math.floor(s / 10)).padStart(2, '0');
  const base = Date.parse(`2026-11-${day}T10:00:00Z`) + s * 60_000;
  const writer = await m.openSessionWriter({ dataDir: month, mode: 'live', now: () => new Date(base), monotonic: () => performance.now(), fs: noFsync, sealer: m.createSealer(publicKey) });
  writer.append('session-start', start());
  for (let i = 0; i < 20; i++) writer.appendEvents(events(i));
  writer.append('session-end', { outcome: 'first-contact/information-given', referrals: [], durationMs: 60000 });
  writer.close();
}
const [file] = m.listJournalFiles(month, 'live');
const lineCount = readFileSync(file, 'utf8').trimEnd().split('\n').length;

const readMs = best(5, () => m.readJournal(month, 'live'));
const openMs = best(5, () => {
  const opener = m.createOpener(privateKey, 'en');
  for (const session of m.readJournal(month, 'live').sessions) for (const line of session.lines) opener.open(line, {});
});

// Purge half the month (the sessions of days 1-10) vs a plain read + rewrite + fsync.
let purgeMs = Infinity;
let copyMs = Infinity;
const bytes = readFileSync(file);
for (let round = 0; round < 3; round++) {
  writeFileSync(file, bytes);
  rmSync(`${file}.head`, { force: true });
  let t0 = performance.now();
  const report = m.purgeJournal(month, Date.parse('2026-11-11T00:00:00Z'), { lang: 'en' });
  purgeMs = Math.min(purgeMs, performance.now() - t0);
  if (report.removed.length !== SESSIONS / 2) throw new Error(`purged ${report.removed.length}`);
  t0 = performance.now();
  const copy = readFileSync(file);
  const fd = openSync(join(work, 'copy.jsonl'), 'w', 0o600);
  writeSync(fd, Buffer.concat([copy, copy]));
  fsyncSync(fd);
  closeSync(fd);
  copyMs = Math.min(copyMs, performance.now() - t0);
}
rmSync(work, { recursive: true, force: true });

const f = (n) => (n >= 10 ? n.toFixed(0) : n.toFixed(2));
const us = (ms) => `${Math.round(ms * 1000)} µs`;
console.log(`seal    one answer's 3 lines, sealed ${us(sealMs)} vs redacted ${us(redactMs)} (no fsync)   ratio ${(sealMs / redactMs).toFixed(2)}x`);
console.log(`        the sealing's extra ${us(sealMs - redactMs)} vs the write + fsync every answer pays (${us(fsyncMs)})   ratio ${((sealMs - redactMs) / fsyncMs).toFixed(3)}x`);
console.log(`open    ${lineCount} lines, ${SESSIONS} sealed sessions: read + open ${f(openMs)} ms vs read ${f(readMs)} ms   ratio ${(openMs / readMs).toFixed(2)}x`);
console.log(`purge   half of ${(bytes.length / 1e6).toFixed(1)} MB: ${f(purgeMs)} ms vs read + rewrite + fsync ${f(copyMs)} ms   ratio ${(purgeMs / copyMs).toFixed(2)}x`);
