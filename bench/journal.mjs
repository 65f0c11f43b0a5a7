// Journal costs, as ratios against baselines measured in the same run (these machines are noisy):
//   append   one journal line (protect, JSON, one write, fsync, head file) vs a bare write + fsync
//            of the same bytes: the price of the envelope, the hash chain and the head file over
//            the durability floor every line must pay anyway;
//   answer   the 3 lines of one answer with appendEvents (one write, one fsync) vs the same floor;
//   read     readJournal (scan, shape check, group into sessions) vs readFileSync + split + JSON.parse;
//   verify   the hash-chain walk vs readFileSync + split + JSON.parse + sha256 of every line.
// Bundles src/shell/journal with esbuild into a temporary file, so it needs no build step.
//   node bench/journal.mjs            (about 15 s)
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { best, importSources } from './lib.mjs';

const APPENDS = 300;
const SESSIONS = 400;
const LINES_PER_SESSION = 50;

const work = mkdtempSync(join(tmpdir(), 'sop-bench-journal-'));

const start = {
  sop: 'first-contact',
  version: '1.0.0',
  files: [{ sop: 'first-contact', file: 'sops/first-contact.sop.yaml', sha256: 'a'.repeat(64) }],
  operator: 'olena',
  lang: 'uk',
  tool: '0.1.0',
  mode: 'live',
};
const answer = { step: 'first-contact/safe-to-talk', answer: { kind: 'option', option: 'yes' }, value: 'yes', sensitive: false };

const journal = await importSources([
  "export * from './src/shell/journal/index.ts';",
  "export { verifyJournal } from './src/shell/journal/verify.ts';",
]);
const clock = { now: () => new Date(), monotonic: () => performance.now() };

// append vs bare write + fsync, interleaved rounds so both see the same disk weather.
const sample = Buffer.from(`${JSON.stringify({ v: 1, session: '20261129-1302-k3f9', seq: 12, at: new Date().toISOString(), ms: 1234, type: 'answer', ...answer, prev: 'f'.repeat(64) })}\n`);
let appendMs = Infinity;
let floorMs = Infinity;
let batchMs = Infinity;
// What one answer typically records: the answer, a decision, the next step shown.
const answerEvents = [
  { type: 'answer', ...answer },
  { type: 'decision', step: 'first-contact/route', branch: 1, to: 'first-contact/ask-call-type' },
  { type: 'step-shown', step: 'first-contact/ask-call-type', kind: 'ask' },
];
for (let round = 0; round < 3; round++) {
  const dir = join(work, `append-${round}`);
  const writer = await journal.openSessionWriter({ dataDir: dir, mode: 'live', ...clock });
  writer.append('session-start', start);
  let t0 = performance.now();
  for (let i = 0; i < APPENDS; i++) writer.append('answer', answer);
  appendMs = Math.min(appendMs, (performance.now() - t0) / APPENDS);
  t0 = performance.now();
  for (let i = 0; i < APPENDS / 3; i++) writer.appendEvents(answerEvents);
  batchMs = Math.min(batchMs, (performance.now() - t0) / (APPENDS / 3));
  writer.close();
  const fd = openSync(join(work, `floor-${round}.jsonl`), 'a', 0o600);
  t0 = performance.now();
  for (let i = 0; i < APPENDS; i++) {
    writeSync(fd, sample);
    fsyncSync(fd);
  }
  floorMs = Math.min(floorMs, (performance.now() - t0) / APPENDS);
  closeSync(fd);
}

// A month of calls: SESSIONS sessions of LINES_PER_SESSION lines (written without fsync: same bytes).
const dataDir = join(work, 'month');
for (let s = 0; s < SESSIONS; s++) {
  const writer = await journal.openSessionWriter({ dataDir, mode: 'live', ...clock, fs: { fsyncSync: () => {} } });
  writer.append('session-start', start);
  for (let i = 0; i < LINES_PER_SESSION - 2; i++) writer.append(i % 2 ? 'answer' : 'step-shown', i % 2 ? answer : { step: 'first-contact/safe-to-talk', kind: 'ask' });
  writer.append('session-end', { outcome: 'first-contact/information-given', referrals: [], durationMs: 60000 });
  writer.close();
}
const [file] = journal.listJournalFiles(dataDir, 'live');
const lines = SESSIONS * LINES_PER_SESSION;
const size = readFileSync(file).length;

const readMs = best(5, () => {
  if (journal.readJournal(dataDir, 'live').sessions.length !== SESSIONS) throw new Error('read');
});
const parseMs = best(5, () => {
  const parsed = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
  if (parsed.length !== lines) throw new Error('parse');
});
const verifyMs = best(5, () => {
  if (journal.verifyJournal(dataDir, 'en').breaks.length !== 0) throw new Error('verify');
});
const hashMs = best(5, () => {
  const hashes = readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => (JSON.parse(l), createHash('sha256').update(l).digest('hex')));
  if (hashes.length !== lines) throw new Error('hash');
});

const ratio = (a, b) => `${(a / b).toFixed(2)} x baseline`;
console.log(`journal (node ${process.version}); best of several rounds`);
console.log(`  append, ${APPENDS} lines: ${appendMs.toFixed(3)} ms/line vs bare write+fsync ${floorMs.toFixed(3)} ms/line  (${ratio(appendMs, floorMs)})`);
console.log(`  one answer (3 lines, appendEvents): ${batchMs.toFixed(3)} ms vs bare write+fsync of one line  (${ratio(batchMs, floorMs)})`);
console.log(`  read ${lines.toLocaleString('en-US')} lines (${(size / 1e6).toFixed(1)} MB, ${SESSIONS} sessions): ${readMs.toFixed(1)} ms vs read+split+JSON.parse ${parseMs.toFixed(1)} ms  (${ratio(readMs, parseMs)})`);
console.log(`  verify the same: ${verifyMs.toFixed(1)} ms vs read+split+parse+sha256 ${hashMs.toFixed(1)} ms  (${ratio(verifyMs, hashMs)})`);
rmSync(work, { recursive: true, force: true });
