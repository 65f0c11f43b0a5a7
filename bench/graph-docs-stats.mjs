// Graph, docs and stats: how long the pure renderers and the statistics take on large inputs,
// each as a ratio against a baseline measured in the same run (these machines are noisy):
//   graph/docs: against JSON.stringify of the same SOP (serialising the data once is the floor);
//   stats:      against a bare loop that counts the same events by type;
//   sop stats:  the built binary on a 10,000-call journal, against `sop --version` (start-up).
// Bundles src/core/render and src/core/stats with esbuild; the last part needs `npm run build`.
//   node bench/graph-docs-stats.mjs            (about 20 s)
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { best, importSources, ROOT as root } from './lib.mjs';

const STEPS = 1_000;
const CALLS = 10_000;

/** A 1,000-step SOP: ask steps (3 options, one back to an earlier step), decide steps, end steps. */
function bigSop() {
  const steps = {};
  const n = STEPS / 2;
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? `q${i + 1}` : 'done';
    steps[`q${i}`] = {
      kind: 'ask',
      text: { en: `Question ${i}: is "this" [true] for the caller?`, uk: `Питання ${i}: чи це «так» для абонента?` },
      options: [
        { id: 'yes', label: { en: 'Yes', uk: 'Так' }, next: `d${i}` },
        { id: 'no', label: { en: 'No', uk: 'Ні' }, next: i % 7 === 6 ? 'refer' : next },
        { id: 'again', label: { en: 'Ask again', uk: 'Ще раз' }, next: `q${Math.max(0, i - 3)}` },
      ],
      guidance: { en: 'Take your time.', uk: 'Не поспішайте.' },
      source: 'WHO 2003',
    };
    steps[`d${i}`] = { kind: 'decide', next: [{ when: 'urgent', goto: 'emergency' }, { goto: next }] };
  }
  steps.done = { kind: 'end', text: 'Close', outcome: 'informed' };
  steps.refer = { kind: 'end', text: 'Refer', outcome: 'referred', refer: ['partner'] };
  steps.emergency = { kind: 'end', text: 'Call 112', outcome: 'emergency' };
  return {
    sop: 'big', version: '1.0.0', title: 'Big', languages: ['en', 'uk'], start: 'q0',
    variables: { urgent: { type: 'bool', default: false } },
    outcomes: {
      informed: { label: 'Informed', category: 'informed' },
      referred: { label: 'Referred', category: 'referred' },
      emergency: { label: 'Emergency', category: 'emergency' },
    },
    interrupts: [{ key: '!', label: 'Danger', goto: 'emergency' }],
    steps,
  };
}

/** 10,000 calls as journal lines (about 16 lines each), hash-chained like the writer's. */
function journalLines() {
  const lines = [];
  const types = ['job-offer', 'victim', 'relative', 'report', 'other'];
  for (let c = 0; c < CALLS; c++) {
    const session = `20261101-${String(c).padStart(5, '0')}`;
    const at = new Date(Date.UTC(2026, 10, 1 + (c % 28), 8, 0, c % 60)).toISOString();
    let seq = 0;
    let ms = 0;
    const add = (event) => lines.push({ v: 1, session, seq: seq++, at, ms, ...event });
    add({ type: 'session-start', sop: 'big', version: '1.0.0', files: [], operator: 'op', lang: 'uk', tool: 'bench', mode: 'live' });
    for (let s = 0; s < 6; s++) {
      const step = `big/q${s}`;
      add({ type: 'step-shown', step, kind: 'ask' });
      ms += 1000 + ((c * 7 + s * 13) % 9000);
      const value = s === 1 ? types[c % types.length] : 'yes';
      add({ type: 'answer', step, answer: { kind: 'option', option: value }, value, sensitive: false, ...(s === 1 ? { stat: 'call-type' } : {}) });
      if (s === 3 && c % 11 === 0) add({ type: 'amend', step, answer: { kind: 'option', option: 'no' }, value: 'no', sensitive: false, original: { step, answer: { kind: 'option', option: 'yes' }, value: 'yes', sensitive: false } });
    }
    if (c % 50 === 0) add({ type: 'interrupted', reason: 'sigint', at: 'big/q5' });
    else {
      add({ type: 'call-ended', outcome: 'big/informed', referrals: [] });
      add({ type: 'session-end', outcome: 'big/informed', referrals: [], durationMs: ms });
    }
  }
  return lines;
}

function chain(lines) {
  let prev = '0'.repeat(64);
  const out = [];
  for (const line of lines) {
    const text = JSON.stringify({ ...line, prev });
    out.push(text);
    prev = createHash('sha256').update(text).digest('hex');
  }
  return `${out.join('\n')}\n`;
}

const dir = mkdtempSync(join(tmpdir(), 'sop-bench-graph-'));
try {
  const m = await importSources([
    "export * from './src/core/render/index.ts';",
    "export * from './src/core/stats/index.ts';",
    "export { groupSessions } from './src/core/record/group-sessions.ts';",
  ]);
  const sop = bigSop();
  const sink = { n: 0 };
  const ms = (x) => `${x.toFixed(2)} ms`;
  const ratio = (x, base) => `${(x / base).toFixed(1)} x baseline`;

  const baseSop = best(50, () => (sink.n += JSON.stringify(sop).length));
  const graph = best(60, () => (sink.n += m.buildGraph(sop, { lang: 'en' }).edges.length));
  const mermaid = best(40, () => (sink.n += m.toMermaid(m.buildGraph(sop, { lang: 'en' }), 'en').length));
  const dot = best(40, () => (sink.n += m.toDot(m.buildGraph(sop, { lang: 'en' }), 'en').length));
  const text = best(40, () => (sink.n += m.toText(m.buildGraph(sop, { lang: 'en' }), 'en').length));
  const handbook = best(30, () => (sink.n += m.toHandbook(sop, { lang: 'uk' }).length));
  console.log(`graph and docs: a ${STEPS.toLocaleString('en-US')}-step SOP, best of several rounds (node ${process.version})`);
  console.log(`  baseline: JSON.stringify(sop)     ${ms(baseSop)}`);
  console.log(`  graph model                       ${ms(graph)}  (${ratio(graph, baseSop)})`);
  console.log(`  mermaid                           ${ms(mermaid)}  (${ratio(mermaid, baseSop)})`);
  console.log(`  dot                               ${ms(dot)}  (${ratio(dot, baseSop)})`);
  console.log(`  text tree                         ${ms(text)}  (${ratio(text, baseSop)})`);
  console.log(`  handbook (markdown + mermaid)     ${ms(handbook)}  (${ratio(handbook, baseSop)})`);

  const lines = journalLines();
  const sessions = m.groupSessions(lines);
  const baseStats = best(20, () => {
    const counts = new Map();
    for (const s of sessions) for (const line of s.lines) counts.set(line.type, (counts.get(line.type) ?? 0) + 1);
    sink.n += counts.size;
  });
  const figures = best(10, () => (sink.n += m.computeFigures(sessions, { mode: 'live' }).calls));
  const table = best(10, () => (sink.n += m.formatTable(m.computeFigures(sessions, { mode: 'live' }), { lang: 'en', chart: true }).length));
  console.log(`stats: ${CALLS.toLocaleString('en-US')} calls, ${lines.length.toLocaleString('en-US')} journal lines`);
  console.log(`  baseline: count lines by type     ${ms(baseStats)}`);
  console.log(`  computeFigures                    ${ms(figures)}  (${ratio(figures, baseStats)})`);
  console.log(`  figures + table with charts       ${ms(table)}  (${ratio(table, baseStats)})`);

  const bin = join(root, 'bin', 'sop.cjs');
  if (!existsSync(join(root, 'dist', 'cli.js'))) {
    console.log('sop stats end to end: skipped (run `npm run build` first)');
  } else {
    const dataDir = join(dir, 'data');
    mkdirSync(join(dataDir, 'journal', 'calls'), { recursive: true, mode: 0o700 });
    writeFileSync(join(dataDir, 'journal', 'calls', '2026-11.jsonl'), chain(lines), { mode: 0o600 });
    const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') };
    const run = (args) => {
      const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`sop ${args.join(' ')}: ${result.stderr}`);
    };
    const startup = best(5, () => run(['--version']));
    const stats = best(5, () => run(['stats', '--data-dir', dataDir, '--format', 'json']));
    console.log(`sop stats end to end (built binary, ${CALLS.toLocaleString('en-US')}-call journal)`);
    console.log(`  baseline: sop --version           ${ms(startup)}`);
    console.log(`  sop stats --format json           ${ms(stats)}  (${ratio(stats, startup)})`);
  }
  if (sink.n === -1) console.log('');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
