// `sop run` speed, as ratios against baselines measured in the same run (machines here are noisy):
//  1. answer -> next prompt, in process, through the real call loop (runInteractiveCall) with the
//     real journal writer (an answer's lines in one write + one fsync): p50 / p99, against a bare
//     write+fsync of one journal-sized line to the same disk. Target: p99 <= 10 ms.
//  2. start-up: `sop run intake` until the first prompt is on screen, through a real pty, against
//     `node -e` printing one word through the same pty. Target: <= 2x. Beside it, its *floor*
//     (bench/floors/run-start.ts): the least a run must do before its first prompt, since every
//     run validates the library it follows: the JSON Schema check and the CEL check of every
//     condition of the same files (parsed beforehand), then the first step's text printed.
// Bundles the TS sources it needs with esbuild into a temporary file; part 2 needs `npm run build`.
//   node bench/run.mjs            (about 20 s)
import { spawn } from '@lydell/node-pty';
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildFloors, importSources, ROOT as root, warmUp, writeParsedFiles } from './lib.mjs';

const fixtures = join(root, 'test', 'e2e', 'fixtures', 'sops');
const CALLS = Number(process.env.BENCH_CALLS ?? 150);
const STARTS = Number(process.env.BENCH_STARTS ?? 10);

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (v) => `${v.toFixed(2)} ms`;

async function answerLatency(m, tmp, withJournal = true) {
  const files = readdirSync(fixtures)
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => {
      const bytes = readFileSync(join(fixtures, n));
      return { path: n, text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
    });
  const { library } = m.loadLibrary(files);
  const writer = await m.openSessionWriter({ dataDir: join(tmp, 'data'), mode: 'live', now: () => new Date(), monotonic: () => performance.now() });
  const k = (sequence, name = sequence) => ({ sequence, name });
  const ENTER = k('\r', 'return');
  // greet, safe (yes), age 42, signs (1 and 3), referral offer (yes): 5 answers per call.
  const script = () => [ENTER, ENTER, k('4'), k('2'), ENTER, k('1'), k('3'), ENTER, ENTER];
  const latencies = [];
  const lines = [];
  for (let i = 0; i < CALLS; i++) {
    const started = m.startCall(library, 'intake');
    writer.appendEvents(started.events);
    const keys = script();
    let answeredAt;
    const io = {
      nextKey: async () => {
        const key = keys.shift();
        answeredAt = key === ENTER ? performance.now() : undefined;
        return key;
      },
      draw: () => {
        if (answeredAt !== undefined) latencies.push(performance.now() - answeredAt);
        answeredAt = undefined;
      },
      width: () => 100,
      close: () => {},
    };
    const journal = withJournal ? { record: (e) => void writer.appendEvents(e) } : { record: (e) => void lines.push(e.length) };
    await m.runInteractiveCall({ library, state: started.state, lang: 'en', io, journal, clock: { now: () => 0 }, tickMs: 0 });
  }
  writer.close();
  // Baseline: one write + fsync of a journal-sized line, on the same disk.
  const fd = openSync(join(tmp, 'baseline.jsonl'), 'a', 0o600);
  const line = Buffer.from(`${'x'.repeat(300)}\n`);
  const base = [];
  for (let i = 0; i < latencies.length; i++) {
    const t = performance.now();
    writeSync(fd, line);
    fsyncSync(fd);
    base.push(performance.now() - t);
  }
  closeSync(fd);
  return { latencies, base, lines };
}

function timeToText(file, args, text) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const pty = spawn(file, args, { cols: 100, rows: 40, cwd: root, env: { PATH: process.env.PATH, TERM: 'xterm-256color', HOME: tmpdir(), SOP_DATA_DIR: join(tmpdir(), `sop-bench-${process.pid}`) } });
    let out = '';
    let seen;
    const timer = setTimeout(() => reject(new Error(`no "${text}" after 15 s: ${out}`)), 15_000);
    pty.onData((d) => {
      out += d;
      if (seen === undefined && out.includes(text)) {
        seen = performance.now() - t;
        pty.write('\u0003');
        setTimeout(() => pty.kill('SIGKILL'), 300);
      }
    });
    pty.onExit(() => {
      clearTimeout(timer);
      if (seen === undefined) reject(new Error(`exited before "${text}": ${out}`));
      else resolve(seen);
    });
  });
}

async function startup(tmp) {
  const parsed = await writeParsedFiles(readdirSync(fixtures).filter((n) => /\.ya?ml$/.test(n)).map((n) => join(fixtures, n)), join(tmp, 'parsed.json'));
  const floors = await buildFloors(join(tmp, 'floors'), ['run-start']);
  const floor = [...floors['run-start'], parsed, 'intake'];
  warmUp(floor);
  const sop = [];
  const bare = [];
  const floorTimes = [];
  for (let i = 0; i < STARTS; i++) {
    bare.push(await timeToText(process.execPath, ['-e', 'process.stdout.write("ready")'], 'ready'));
    sop.push(await timeToText(process.execPath, [join(root, 'bin', 'sop.cjs'), 'run', 'intake', '--sops', fixtures], 'Greet the caller'));
    floorTimes.push(await timeToText(process.execPath, floor, 'Greet the caller'));
  }
  return { sop, bare, floor: floorTimes };
}

const tmp = mkdtempSync(join(tmpdir(), 'sop-bench-run-'));
try {
  const m = await importSources([
    "export { runInteractiveCall } from './src/shell/tui/run-interactive-call.ts';",
    "export { startCall } from './src/core/engine/index.ts';",
    "export { loadLibrary } from './src/core/load/load-library.ts';",
    "export { openSessionWriter } from './src/shell/journal/index.ts';",
  ]);
  const { latencies, base } = await answerLatency(m, tmp);
  const loopOnly = await answerLatency(m, tmp, false);
  const perAnswer = loopOnly.lines.reduce((a, b) => a + b, 0) / loopOnly.lines.length;
  const p50 = quantile(latencies, 0.5);
  const p99 = quantile(latencies, 0.99);
  const b50 = quantile(base, 0.5);
  const b99 = quantile(base, 0.99);
  console.log(`answer -> next prompt (${latencies.length} answers, real journal with fsync):`);
  console.log(`  p50 ${ms(p50)}  p99 ${ms(p99)}   (target p99 <= 10 ms: ${p99 <= 10 ? 'met' : 'NOT met'})`);
  console.log(`  baseline write+fsync of one line: p50 ${ms(b50)}  p99 ${ms(b99)}`);
  console.log(`  ratio p50 ${(p50 / b50).toFixed(2)}x  p99 ${(p99 / b99).toFixed(2)}x  (${perAnswer.toFixed(1)} lines per answer on average, written with one fsync)`);
  console.log(`  the loop alone (engine + screen, no journal): p50 ${ms(quantile(loopOnly.latencies, 0.5))}  p99 ${ms(quantile(loopOnly.latencies, 0.99))}`);
  const { sop, bare, floor } = await startup(tmp);
  const s50 = quantile(sop, 0.5);
  const n50 = quantile(bare, 0.5);
  const f50 = quantile(floor, 0.5);
  console.log(`start-up to first prompt through a pty (median of ${STARTS}):`);
  console.log(`  sop run ${ms(s50)}   node -e ${ms(n50)}   ratio ${(s50 / n50).toFixed(2)}x   (target <= 2x: ${s50 / n50 <= 2 ? 'met' : 'NOT met'})`);
  const reach = f50 / n50 > 2 ? 'the target is out of reach' : 'the target is within reach';
  console.log(`  floor (schema + CEL checks of the same files, then the text) ${ms(f50)}   ratio ${(f50 / n50).toFixed(2)}x   (${reach})`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(join(tmpdir(), `sop-bench-${process.pid}`), { recursive: true, force: true });
}
