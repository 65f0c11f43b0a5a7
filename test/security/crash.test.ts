/**
 * Crash test: scripted calls through the BUILT binary are killed with SIGKILL at 200+ seeded
 * random moments (four journals in parallel, each killed run followed by the next one in the same
 * journal, so stale locks and torn tails are taken over and repaired by the real writer). Some
 * iterations also append a torn line, as a power cut mid-write would leave. After every kill:
 *   - every line that was complete before the run is still there, byte for byte (nothing lost);
 *   - the hash chain verifies (a torn last line is only a notice);
 *   - each session's seq runs 0, 1, 2... with no gap;
 *   - a run that printed its summary has its whole session, ended, in the journal.
 * At the end `sop log verify` (binary) passes and `sop resume` lists every unfinished call.
 * Each fsync is made 8 ms slower by a preload (test/security/preload/slow-fsync.mjs), as on a
 * real disk: on this RAM-backed file system the whole call is otherwise written within a
 * millisecond or two and random kills would almost never land mid-call.
 * A second part kills calls in a real terminal right after a prompt appeared: every answer
 * confirmed before it (the next prompt was shown) is in the journal.
 * Needs `npm run build`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../src/shell/journal/reader.js';
import { verifyJournal } from '../../src/shell/journal/verify.js';
import { BIN, KEY, ROOT, spawnSop } from '../e2e/pty.js';
import { random, tempDir } from './helpers.js';

const LONG = join(ROOT, 'test', 'security', 'fixtures', 'long');
const ANSWERS = readFileSync(join(LONG, 'answers.yaml'));
const CONFIDE = join(ROOT, 'test', 'security', 'fixtures', 'sops');
/** Every fsync 8 ms slower, as on a real disk (see the preload): the kills then land mid-call. */
const SLOW_FSYNC = join(ROOT, 'test', 'security', 'preload', 'slow-fsync.mjs');
const WORKERS = 4;
const KILLS_PER_WORKER = 55;
const FULL_CALL_LINES = 64;


function completeBytes(file: string): Buffer {
  if (!existsSync(file)) return Buffer.alloc(0);
  const bytes = readFileSync(file);
  return bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
}

interface Outcome {
  readonly killed: boolean;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one call and kills it: `after.fromStart` ms after the spawn, or `after.fromFirstWrite` ms
 * after its first journal line reached the file (polled every millisecond) — start-up time varies
 * by hundreds of ms on a loaded machine, so kills timed from the spawn alone rarely land mid-call.
 */
function runOnce(dataDir: string, file: string, sizeBefore: number, after: { fromStart: number } | { fromFirstWrite: number }): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', SLOW_FSYNC, BIN, 'run', 'long', '--sops', LONG, '--answers', '-', '--data-dir', dataDir], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, SOP_TEST_FSYNC_MS: '8' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.on('error', () => {});
    child.stdin.end(ANSWERS);
    let killed = false;
    const kill = (): void => {
      killed = child.kill('SIGKILL');
    };
    let timer: NodeJS.Timeout | undefined;
    let poll: NodeJS.Timeout | undefined;
    if ('fromStart' in after) timer = setTimeout(kill, after.fromStart);
    else {
      poll = setInterval(() => {
        let size = 0;
        try {
          size = statSync(file).size;
        } catch {
          return;
        }
        if (size <= sizeBefore) return;
        clearInterval(poll);
        timer = setTimeout(kill, after.fromFirstWrite);
      }, 1);
    }
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ killed: killed && signal === 'SIGKILL', code, stdout, stderr });
    });
  });
}

interface WorkerReport {
  kills: number;
  midCall: number;
  completed: number;
  tornInjected: number;
  /** Runs refused because a kill fell between creating the lock file and writing its pid (see below). */
  lockedAfterCrash: number;
  failures: string[];
}

async function worker(seed: number): Promise<{ dataDir: string; report: WorkerReport }> {
  const rand = random(seed);
  const dataDir = tempDir('sop-crash-');
  const report: WorkerReport = { kills: 0, midCall: 0, completed: 0, tornInjected: 0, lockedAfterCrash: 0, failures: [] };
  // The month file the calls go to (the clock is real: the current month).
  const now = new Date();
  const file = join(dataDir, 'journal', 'calls', `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}.jsonl`);
  for (let iteration = 0; report.kills < KILLS_PER_WORKER && iteration < KILLS_PER_WORKER * 2; iteration++) {
    if (existsSync(file) && rand() < 0.1) {
      // A power cut mid-write: part of a line, no newline.
      appendFileSync(file, '{"v":1,"session":"torn-by-power-cut","seq":0,"at":"2026-11-29T1');
      report.tornInjected++;
    }
    const before = completeBytes(file);
    const sizeBefore = existsSync(file) ? statSync(file).size : 0;
    // Mostly while the call writes (a headless call is three appends: session-start, the call's
    // events, session-end; about 30 ms with the slowed fsync), sometimes at any moment.
    const after = rand() < 0.75 ? { fromFirstWrite: Math.floor(rand() * 30) } : { fromStart: Math.floor(rand() * 700) };
    const outcome = await runOnce(dataDir, file, sizeBefore, after);
    const where = `seed ${seed} iteration ${iteration} (kill ${JSON.stringify(after)} ms)`;
    const afterBytes = completeBytes(file);
    if (!afterBytes.subarray(0, before.length).equals(before)) report.failures.push(`${where}: lines complete before the run changed or vanished`);
    const breaks = verifyJournal(dataDir, 'en').breaks;
    if (breaks.length > 0) report.failures.push(`${where}: verify: ${breaks.map((b) => `${b.line} ${b.kind}`).join(', ')}`);
    const { sessions } = readJournal(dataDir, 'live');
    for (const session of sessions) {
      if (session.lines.some((line, i) => line.seq !== i)) report.failures.push(`${where}: session ${session.id} has a seq gap`);
    }
    const newLines = afterBytes.length > before.length ? afterBytes.subarray(before.length).toString('utf8').split('\n').length - 1 : 0;
    if (outcome.killed) {
      report.kills++;
      if (newLines > 0 && newLines < FULL_CALL_LINES) report.midCall++;
    } else if (outcome.code === 2 && /is recording into/.test(outcome.stderr) && newLines === 0) {
      // The lock is linked into place with its pid already in it, so a killed run can never
      // leave a lock that refuses the next call.
      report.lockedAfterCrash++;
      report.failures.push(`${where}: the call after a crash was refused by a lock: ${outcome.stderr}`);
    } else {
      const id = /Session: (\S+)/.exec(outcome.stdout)?.[1];
      const session = sessions.find((s) => s.id === id);
      if (outcome.code !== 0 || !session || session.status !== 'completed' || session.lines.length !== FULL_CALL_LINES) {
        report.failures.push(`${where}: a call that ended by itself (exit ${outcome.code}) is not whole in the journal: ${outcome.stderr}`);
      }
      report.completed++;
    }
  }
  return { dataDir, report };
}

describe('crash test: SIGKILL at random moments loses nothing that was written', () => {
  it(`${WORKERS * KILLS_PER_WORKER} kills of scripted calls through the binary`, async () => {
    const results = await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(20261129 + i)));
    const failures = results.flatMap((r) => r.report.failures);
    expect(failures).toEqual([]);
    const kills = results.reduce((n, r) => n + r.report.kills, 0);
    const midCall = results.reduce((n, r) => n + r.report.midCall, 0);
    expect(kills).toBeGreaterThanOrEqual(200);
    // The kills must really land while the call is being written, not only before or after.
    expect(midCall).toBeGreaterThanOrEqual(50);
    console.log(
      `crash test: ${kills} kills (${midCall} mid-call), ${results.reduce((n, r) => n + r.report.completed, 0)} calls completed, ${results.reduce((n, r) => n + r.report.tornInjected, 0)} torn tails injected, ${results.reduce((n, r) => n + r.report.lockedAfterCrash, 0)} runs refused by an empty lock`,
    );
    for (const { dataDir } of results) {
      const verify = spawnSync(process.execPath, [BIN, 'log', 'verify', '--data-dir', dataDir], { encoding: 'utf8' });
      expect(verify.status, verify.stdout + verify.stderr).toBe(0);
      expect(verify.stderr).not.toMatch(/\n\s+at /);
      const unfinished = readJournal(dataDir, 'live').sessions.filter((s) => s.status !== 'completed').map((s) => s.id);
      const listed = spawnSync(process.execPath, [BIN, 'resume', '--data-dir', dataDir, '--sops', LONG], { encoding: 'utf8', input: '' });
      expect(listed.status).toBe(0);
      const ids = listed.stdout.split('\n').filter(Boolean).map((line) => line.split('\t')[0]);
      expect(ids.sort()).toEqual(unfinished.sort());
    }
  }, 240_000);

  it('in a real terminal: every answer confirmed before the kill (its next prompt appeared) is in the journal', async () => {
    const rand = random(7);
    const prompts = ['Greet the caller', 'What should we call you?', 'Where are you now?', 'Which signs are present?', 'Call summary'];
    const steps = ['confide/greet', 'confide/name', 'confide/where', 'confide/signs'];
    const runOne = async (round: number): Promise<number> => {
      const dataDir = tempDir('sop-crash-pty-');
      const stopAt = Math.floor(rand() * steps.length); // the step being answered at the kill
      const extra = Math.floor(rand() * 40); // ms after its key was pressed
      const pty = spawnSop(['run', 'confide', '--sops', CONFIDE, '--data-dir', dataDir]);
      const answerKeys: (() => Promise<void>)[] = [
        () => pty.press(KEY.enter),
        async () => {
          await pty.type(`name ${round}`);
          await pty.press(KEY.enter);
        },
        () => pty.press('2', KEY.enter),
        () => pty.press(KEY.enter),
      ];
      let confirmed = 0;
      try {
        await pty.waitFor(prompts[0]!);
        for (let i = 0; i < stopAt; i++) {
          await answerKeys[i]!();
          await pty.waitFor(prompts[i + 1]!, { inOutput: i + 1 === steps.length });
          confirmed++;
        }
        await answerKeys[stopAt]!();
        await new Promise((resolve) => setTimeout(resolve, extra));
        pty.kill('SIGKILL');
        await pty.exited();
      } finally {
        pty.kill('SIGKILL');
      }
      const [session] = readJournal(dataDir, 'live').sessions;
      const answered = (session?.lines ?? []).flatMap((line) => (line.type === 'answer' ? [line.step] : []));
      expect(verifyJournal(dataDir, 'en').breaks).toEqual([]);
      // Confirmed answers are all there, in order; at most the one being given when killed follows.
      expect(answered.slice(0, confirmed)).toEqual(steps.slice(0, confirmed));
      expect(answered.length).toBeLessThanOrEqual(confirmed + 1);
      return confirmed;
    };
    let total = 0;
    for (let batch = 0; batch < 6; batch++) {
      const rounds = await Promise.all(Array.from({ length: 4 }, (_, i) => runOne(batch * 4 + i)));
      total += rounds.reduce((a, b) => a + b, 0);
    }
    expect(total).toBeGreaterThan(0);
  }, 180_000);
});
