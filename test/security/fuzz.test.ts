/**
 * Fuzzing (fast-check, seeded): random and mutated SOP YAML, scenarios and journals are fed to
 * validate, test, replay (timeline and --check), log verify and log show — in process through the
 * command functions, and a smaller number through the binary. Never an uncaught exception, never
 * a hang (each input well under a time bound), always exit 0, 1 or 2, with a message when not 0,
 * and no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLogShow, runLogVerify } from '../../src/shell/commands/log.js';
import { runReplay } from '../../src/shell/commands/replay.js';
import { runTest } from '../../src/shell/commands/test.js';
import { runValidate } from '../../src/shell/commands/validate.js';
import { UserError } from '../../src/shell/exit-codes.js';
import { BIN, ROOT } from '../e2e/pty.js';
import { clock, keyFiles, tempDir, writeSensitiveSession } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'security', 'fixtures', 'sops');
const SOP_TEXT = readFileSync(join(FIXTURES, 'confide.sop.yaml'), 'utf8');
const SCENARIO_TEXT = readFileSync(join(FIXTURES, 'scenarios', 'confide-basic.scenario.yaml'), 'utf8');
const SHIPPED = ['first-contact', 'emergency'].map((id) => readFileSync(join(ROOT, 'sops', `${id}.sop.yaml`), 'utf8'));
/** Each input must be handled well within this (ms). */
const BOUND = 5000;
const RUNS = Number(process.env['SOP_FUZZ_RUNS'] ?? 120);
/** Another seed for a longer hunt: SOP_FUZZ_SEED=7 SOP_FUZZ_RUNS=2000 npx vitest run test/security/fuzz.test.ts */
const SEED = Number(process.env['SOP_FUZZ_SEED'] ?? 0);

const saved: Record<string, string | undefined> = {};
beforeAll(() => {
  const home = tempDir('sop-fuzz-home-');
  for (const name of ['XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'SOP_DATA_DIR', 'NO_COLOR']) saved[name] = process.env[name];
  process.env['XDG_CACHE_HOME'] = join(home, 'cache');
  process.env['XDG_CONFIG_HOME'] = join(home, 'config');
  process.env['XDG_DATA_HOME'] = join(home, 'data');
  process.env['NO_COLOR'] = '1';
  delete process.env['SOP_DATA_DIR'];
});
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const TOKENS = ['\n', ': ', '- ', '{', '}', '[', ']', '"', "'", '*a', '&a ', '!!binary ', '\t', '#', '|', '>', '?', '%YAML 1.1\n', '---\n', '...', '\u0000', '\u001b[2J', '\u001b]0;x\u0007', '\u202e', '${x}', 'next: greet', 'kind: call', 'sop: confide', '<<: *a', '1e999', '-0', 'null', '~', '9'.repeat(30), 'ї'.repeat(50), '\r'];

type Mutation = readonly [op: number, at: number, value: number];

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const [op, at, value] of mutations) {
    const lines = out.split('\n');
    const i = at % Math.max(1, out.length);
    const line = at % Math.max(1, lines.length);
    switch (op % 6) {
      case 0: // replace one character
        out = out.slice(0, i) + String.fromCharCode(value % 0x3000) + out.slice(i + 1);
        break;
      case 1: // delete a line
        lines.splice(line, 1);
        out = lines.join('\n');
        break;
      case 2: // duplicate a line
        lines.splice(line, 0, lines[line] ?? '');
        out = lines.join('\n');
        break;
      case 3: // insert a token
        out = out.slice(0, i) + TOKENS[value % TOKENS.length]! + out.slice(i);
        break;
      case 4: // truncate
        out = out.slice(0, i);
        break;
      case 5: // swap two lines
        [lines[line], lines[value % lines.length]] = [lines[value % lines.length]!, lines[line]!];
        out = lines.join('\n');
        break;
    }
  }
  return out;
}

const mutations = fc.array(fc.tuple(fc.nat(5), fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 });

interface Ran {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly ms: number;
}

/** Runs a command function as main.ts does: UserError -> its exit code and message; anything else is a bug. */
async function call(run: () => Promise<number>): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const [stdout, stderr] = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  const started = performance.now();
  let code: number;
  try {
    code = await run();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    err.push(error.message);
    code = error.exitCode;
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
  return { code, out: out.join(''), err: err.join(''), ms: performance.now() - started };
}

function expectSane(ran: Ran, what: string): void {
  expect([0, 1, 2], what).toContain(ran.code);
  if (ran.code !== 0) expect((ran.err + ran.out).trim().length, `${what}: exit ${ran.code} without a message`).toBeGreaterThan(0);
  expect(ran.err, what).not.toMatch(/internal error|\n\s+at .+\(.*:\d+:\d+\)/);
  expect(ran.ms, what).toBeLessThan(BOUND);
}

describe('fuzzing: never a crash, never a hang, always 0/1/2 with a message', () => {
  it('mutated and random SOP files: validate and test', async () => {
    const dir = tempDir('sop-fuzz-sops-');
    cpSync(FIXTURES, dir, { recursive: true });
    const scenario = join(dir, 'scenarios', 'confide-basic.scenario.yaml');
    const texts = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(SOP_TEXT, ...SHIPPED), mutations).map(([text, m]) => mutate(text, m)) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
    );
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        writeFileSync(join(dir, 'confide.sop.yaml'), text);
        expectSane(await call(() => runValidate([dir], { format: 'pretty', cache: false })), 'validate');
        expectSane(await call(() => runValidate([join(dir, 'confide.sop.yaml')], { format: 'sarif', cache: false })), 'validate sarif');
        expectSane(await call(() => runTest([scenario], { sops: dir, format: 'json' })), 'test');
      }),
      { numRuns: RUNS, seed: 1129 + SEED },
    );
  }, 120_000);

  it('mutated and random scenarios: test', async () => {
    const dir = tempDir('sop-fuzz-scen-');
    cpSync(FIXTURES, dir, { recursive: true });
    const scenario = join(dir, 'scenarios', 'confide-basic.scenario.yaml');
    const texts = fc.oneof(
      { weight: 4, arbitrary: mutations.map((m) => mutate(SCENARIO_TEXT, m)) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
    );
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        writeFileSync(scenario, text);
        expectSane(await call(() => runTest([scenario], { sops: dir, format: 'pretty', coverage: true })), 'test');
        expectSane(await call(() => runValidate([scenario], { format: 'json', cache: false })), 'validate scenario');
      }),
      { numRuns: RUNS, seed: 2911 + SEED },
    );
  }, 120_000);

  it('mutated journals: verify, show, replay and replay --check', async () => {
    const keys = keyFiles();
    const base = tempDir('sop-fuzz-journal-');
    let file = '';
    for (let day = 1; day <= 3; day++) {
      ({ file } = await writeSensitiveSession(base, `secret-${day}`, { ...(day === 2 ? { pub: keys.pub } : {}), end: day !== 3, extra: clock(`2026-11-0${day}T10:00:00.000Z`) }));
    }
    const original = readFileSync(file, 'utf8');
    const dataDir = tempDir('sop-fuzz-data-');
    const calls = join(dataDir, 'journal', 'calls');
    mkdirSync(calls, { recursive: true });
    const target = join(calls, '2026-11.jsonl');
    const texts = fc.oneof(
      { weight: 5, arbitrary: mutations.map((m) => mutate(original, m)) },
      { weight: 1, arbitrary: fc.array(fc.json(), { maxLength: 5 }).map((values) => values.join('\n')) },
    );
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        writeFileSync(target, text);
        expectSane(await call(() => runLogVerify(target, { format: 'text' })), 'verify');
        expectSane(await call(() => runLogShow('2026', { dataDir, format: 'text', sops: FIXTURES })), 'show');
        expectSane(await call(() => runLogShow('2026', { dataDir, format: 'text', key: keys.key })), 'show --key');
        expectSane(await call(() => runReplay([target], { sops: FIXTURES, format: 'pretty' })), 'replay');
        expectSane(await call(() => runReplay([target], { sops: FIXTURES, check: true, format: 'json' })), 'replay --check');
      }),
      { numRuns: RUNS, seed: 1311 + SEED },
    );
  }, 180_000);

  it('regression (found by this fuzzer): a session-end line without its outcome is skipped as damaged, not a crash of log show', async () => {
    const base = tempDir('sop-fuzz-regression-');
    const { file } = await writeSensitiveSession(base, 'x', { extra: clock('2026-11-01T10:00:00.000Z') });
    writeFileSync(file, readFileSync(file, 'utf8').replace('"type":"session-end","outcome"', '"type":"session-end","outcom"'));
    const ran = await call(() => runLogShow('2026', { dataDir: base, format: 'text' }));
    expectSane(ran, 'show');
    expect(ran.code).toBe(0);
    expect(ran.err).toMatch(/damaged line|last line is torn/);
    expect((await call(() => runLogVerify(file, { format: 'text' }))).code).toBe(1);
  });

  it('through the binary: a smaller number of the same inputs', () => {
    const dir = tempDir('sop-fuzz-bin-');
    cpSync(FIXTURES, dir, { recursive: true });
    const env = { PATH: process.env['PATH'] ?? '', HOME: dir, XDG_CACHE_HOME: join(dir, '.cache'), XDG_CONFIG_HOME: join(dir, '.config'), XDG_DATA_HOME: join(dir, '.data') };
    fc.assert(
      fc.property(mutations, fc.nat(2), (m, which) => {
        const path = which === 0 ? join(dir, 'confide.sop.yaml') : which === 1 ? join(dir, 'scenarios', 'confide-basic.scenario.yaml') : join(dir, 'call.jsonl');
        writeFileSync(path, mutate(which === 0 ? SOP_TEXT : which === 1 ? SCENARIO_TEXT : '{"v":1,"session":"a","seq":0}\n', m));
        const args = which === 0 ? ['validate', dir] : which === 1 ? ['test', '--sops', dir, path] : ['log', 'verify', path];
        const started = performance.now();
        const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: BOUND * 2 });
        expectSane({ code: result.status ?? -1, out: result.stdout, err: result.stderr, ms: performance.now() - started }, args.join(' '));
      }),
      { numRuns: 24, seed: 42 + SEED },
    );
  }, 120_000);
});
