// sop train: the cost of the debrief and of the trainee report, each as a ratio against a
// baseline measured in the same run (these machines are noisy):
//   expert run + debrief of every shipped scenario: against running the same scenarios headlessly
//     (what `sop test` does: the floor, since the expert's call IS that run);
//   trainee report over 1,000 sessions (pure): against JSON.parse of the same journal lines;
//   `sop train --report` end to end on that journal (built binary): against `sop --version`.
// Bundles the core with esbuild; the last part needs `npm run build`.
//   node bench/train.mjs            (about 15 s)
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { best, importSources, ROOT as root } from './lib.mjs';

const SESSIONS = 1_000;

function source(path) {
  const bytes = readFileSync(path);
  return { path: relative(root, path), text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A session as the journal holds it: the expert's events, a second per step, trainee `name`. */
function sessionLines(result, id, trainee, day) {
  const at = Date.parse(`2026-11-${String(1 + (day % 28)).padStart(2, '0')}T10:00:00.000Z`);
  let ms = 0;
  let seq = 0;
  const line = (event) => ({ v: 1, session: id, seq: seq++, at: new Date(at + ms).toISOString(), ms, ...event });
  const lines = [line({ type: 'session-start', sop: result.sop, version: '1.0.0', files: [], operator: trainee, lang: 'en', tool: 'bench', mode: 'training', scenario: result.scenario, trainee })];
  for (const event of result.events) {
    if (event.type === 'step-shown') ms += 1000;
    lines.push(line(event));
  }
  lines.push(line({ type: 'session-end', outcome: result.outcome ?? '', referrals: [], durationMs: ms }));
  return lines;
}

const dir = mkdtempSync(join(tmpdir(), 'sop-bench-train-'));
try {
  const m = await importSources([
    "export * from './src/core/training/index.ts';",
    "export { runScenario } from './src/core/check/run-scenario.ts';",
    "export { loadLibrary } from './src/core/load/load-library.ts';",
    "export { loadScenario } from './src/core/load/load-scenario.ts';",
    "export { groupSessions } from './src/core/record/group-sessions.ts';",
  ]);
  const sops = join(root, 'sops');
  const { library } = m.loadLibrary(readdirSync(sops).filter((f) => f.endsWith('.yaml')).sort().map((f) => source(join(sops, f))));
  const scenarioDir = join(sops, 'scenarios');
  const scenarios = readdirSync(scenarioDir).filter((f) => f.endsWith('.scenario.yaml')).sort().map((f) => m.loadScenario(source(join(scenarioDir, f))).loaded);
  const ms = (x) => `${x.toFixed(2)} ms`;
  const ratio = (x, base) => `${(x / base).toFixed(2)} x baseline`;
  const sink = { n: 0 };

  // 1. The expert's call and the debrief, for every shipped scenario.
  const results = scenarios.map((s) => m.runScenario(library, s));
  const experts = scenarios.map((s) => m.expertRun(library, s));
  const sessions = results.map((r, i) => ({ id: `s${i}`, lines: sessionLines(r, `s${i}`, 'anna', i), status: 'completed' }));
  const headless = best(30, () => { for (const s of scenarios) sink.n += m.runScenario(library, s).events.length; });
  const expertOnly = best(30, () => { for (const s of scenarios) sink.n += m.expertRun(library, s).entries.length; });
  const debriefOnly = best(30, () => { experts.forEach((e, i) => { sink.n += m.debriefSession(library, e, sessions[i]).score.total; }); });
  const formatted = best(30, () => { experts.forEach((e, i) => { sink.n += m.formatDebrief(m.debriefSession(library, e, sessions[i]), library, 'uk').length; }); });
  console.log(`Expert run and debrief, all ${scenarios.length} shipped scenarios (best of 30)`);
  console.log(`  baseline: run the scenarios headlessly (sop test)  ${ms(headless)}`);
  console.log(`  expert runs (the same run + ties each entry to its step)  ${ms(expertOnly)}  (${ratio(expertOnly, headless)})`);
  console.log(`  debriefs of a session per scenario  ${ms(debriefOnly)}  (${ratio(debriefOnly, headless)})`);
  console.log(`  debriefs formatted as text  ${ms(formatted)}  (${ratio(formatted, headless)})`);
  console.log(`  one debrief on average  ${ms(formatted / scenarios.length)}`);

  // 2. The trainee report over 1,000 sessions (half of them the reported trainee's).
  const all = [];
  for (let i = 0; i < SESSIONS; i++) {
    const r = results[i % results.length];
    all.push(...sessionLines(r, `b${String(i).padStart(5, '0')}`, i % 2 === 0 ? 'anna' : 'bob', i));
  }
  const text = all.map((line) => JSON.stringify(line)).join('\n');
  const byId = new Map(experts.map((e) => [e.scenario.scenario, e]));
  const parse = best(10, () => { sink.n += text.split('\n').map((l) => JSON.parse(l)).length; });
  const report = best(10, () => {
    const lines = text.split('\n').map((l) => JSON.parse(l));
    const grouped = m.groupSessions(lines);
    sink.n += m.traineeReport({ library, trainee: 'anna', sessions: grouped, scenarios: scenarios.map((s) => s.scenario), expertFor: (id) => byId.get(id) }).sessions.length;
  });
  console.log(`Trainee report, ${SESSIONS.toLocaleString('en-US')} sessions (${all.length.toLocaleString('en-US')} lines), 500 of them the trainee's (best of 10)`);
  console.log(`  baseline: JSON.parse of the lines  ${ms(parse)}`);
  console.log(`  parse + group + score every session of the trainee  ${ms(report)}  (${ratio(report, parse)})`);

  // 3. End to end on the built binary.
  const bin = join(root, 'bin', 'sop.cjs');
  if (!existsSync(join(root, 'dist', 'cli.js'))) console.log('(skipped the end-to-end part: run npm run build first)');
  else {
    const dataDir = join(dir, 'data');
    const journal = join(dataDir, 'journal', 'training');
    mkdirSync(journal, { recursive: true, mode: 0o700 });
    let prev = '0'.repeat(64);
    const chained = all.map((line) => {
      const t = JSON.stringify({ ...line, prev });
      prev = createHash('sha256').update(t).digest('hex');
      return t;
    });
    writeFileSync(join(journal, '2026-11.jsonl'), `${chained.join('\n')}\n`, { mode: 0o600 });
    const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache'), NO_COLOR: '1' };
    const run = (args) => {
      const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`sop ${args.join(' ')}: ${result.stderr}`);
    };
    const startup = best(5, () => run(['--version']));
    const e2e = best(5, () => run(['train', '--report', 'anna', '--format', 'json', '--sops', sops, '--data-dir', dataDir]));
    console.log(`sop train --report end to end (built binary, ${SESSIONS.toLocaleString('en-US')}-session training journal, best of 5)`);
    console.log(`  baseline: sop --version  ${ms(startup)}`);
    console.log(`  sop train --report anna --format json  ${ms(e2e)}  (${ratio(e2e, startup)})`);
  }
  if (sink.n === -1) console.log('');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
