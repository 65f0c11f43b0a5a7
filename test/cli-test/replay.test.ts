/** `sop replay`, `sop replay --check` and `sop log export` as processes on the built binary. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureLibrary } from '../check/helpers.js';
import { FIXTURE_CALLS, recordCalls } from '../replay/record-calls.js';
import { BIN, KEY, spawnSop } from '../e2e/pty.js';
import { ANSI, ROOT, sop } from './run-sop.js';

const CALLS = 'test/replay/fixtures/calls';
const LIB = ['--sops', 'test/check/fixtures/lib'];
const DIVERGENT = ['--sops', 'test/replay/fixtures/sops-divergent'];
let dataDir: string;
let ids: string[];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sop-replay-cli-'));
  ids = await recordCalls(fixtureLibrary(), FIXTURE_CALLS, dataDir);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('sop replay --check', () => {
  it('finds every fixture call the same (or unchecked where a value was redacted) against the SOPs they were made with', () => {
    const result = sop(['replay', '--check', CALLS, ...LIB]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('unchecked from hotline/age (value redacted)');
    expect(result.stdout).toContain('5 call(s): 4 same, 0 diverged, 1 unchecked (value redacted)');
    expect(result.stdout).not.toMatch(ANSI);
  });

  it('exits 1 on the deliberately divergent edit, with the SOP line and both paths', () => {
    const result = sop(['replay', '--check', CALLS, ...DIVERGENT]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'test/replay/fixtures/sops-divergent/hotline.sop.yaml:30:5: option "other" of step hotline/topic no longer exists (removed or renamed); options now: job, something-else',
    );
    expect(result.stdout).toMatch(/≠ = hotline\/informed +hotline\/age/);
    expect(result.stdout).toContain('5 call(s): 0 same, 4 diverged, 1 unchecked (value redacted)');
  });

  it('writes JSON and JUnit', () => {
    const json = JSON.parse(sop(['replay', '--check', CALLS, ...DIVERGENT, '--format', 'json']).stdout) as {
      summary: unknown;
      calls: { status: string; divergence?: { kind: string; where: string } }[];
    };
    expect(json.summary).toEqual({ total: 5, same: 0, diverged: 4, unchecked: 1 });
    expect(json.calls.map((call) => call.divergence?.kind ?? call.status)).toEqual(['option-removed', 'not-ended', 'outcome', 'option-removed', 'unchecked']);
    const junit = sop(['replay', '--check', CALLS, ...DIVERGENT, '--format', 'junit']).stdout;
    expect(junit).toContain('tests="5" failures="4" errors="0" skipped="1"');
    expect(junit).toContain('<skipped message="unchecked from hotline/age (value redacted)"/>');
  });

  it('points at the branch of a conditional next the recorded call took, with its line:col; the whole list for an old journal', () => {
    const dir = 'test/cli-test/fixtures/branch-taken';
    const then = sop(['replay', '--check', `${dir}/calls`, '--sops', `${dir}/then`]);
    expect(then.stdout).toContain('3 call(s): 3 same');
    const now = sop(['replay', '--check', `${dir}/calls`, '--sops', `${dir}/now`]);
    expect(now.status).toBe(1);
    // age's next[1] (`- when: age >= 75`), and topic's work option's own next[0].
    expect(now.stdout).toContain(
      `${dir}/now/triage.sop.yaml:24:9: after triage/age, a condition now routes to triage/adult instead of triage/senior (recorded: next[1]; now: next[2])`,
    );
    expect(now.stdout).toContain(
      `${dir}/now/triage.sop.yaml:46:13: after triage/topic, a condition now routes to triage/adult-work instead of triage/child-work (recorded: options[0].next[0]; now: options[0].next[1])`,
    );
    // The same call from a journal whose answer carries no branch (written before events did): the list.
    expect(now.stdout).toContain(`${dir}/now/triage.sop.yaml:21:5: after triage/age, a condition now routes to triage/adult instead of triage/senior\n`);
    const uk = sop(['replay', '--check', `${dir}/calls/senior.jsonl`, '--sops', `${dir}/now`, '--lang', 'uk']);
    expect(uk.stdout).toContain(`${dir}/now/triage.sop.yaml:24:9: після triage/age умова тепер веде до triage/adult замість triage/senior (у записі: next[1]; тепер: next[2])`);
    const json = JSON.parse(sop(['replay', '--check', `${dir}/calls`, '--sops', `${dir}/now`, '--format', 'json']).stdout) as { calls: { file: string; divergence: { kind: string; where: string } }[] };
    expect(json.calls.map((call) => [call.file.split('/').pop(), call.divergence.kind, call.divergence.where.split(':').slice(1).join(':')])).toEqual([
      ['old-journal.jsonl', 'routes-elsewhere', '21:5'],
      ['senior.jsonl', 'routes-elsewhere', '24:9'],
      ['minor-work.jsonl', 'routes-elsewhere', '46:13'],
    ]);
  });

  it('does not take a recorded branch index for today\'s branch at that index when that one leads elsewhere', () => {
    // shifted/: a branch inserted before age's others, so the call's recorded next[1] (to senior)
    // is today's next[2]; today's next[1] (`age < 18`, to minor) is not where it went: the list.
    const dir = 'test/cli-test/fixtures/branch-taken';
    const shifted = sop(['replay', '--check', `${dir}/calls/senior.jsonl`, '--sops', `${dir}/shifted`]);
    expect(shifted.status).toBe(1);
    expect(shifted.stdout).toContain(`${dir}/shifted/triage.sop.yaml:21:5: after triage/age, a condition now routes to triage/adult instead of triage/senior\n`);
    expect(shifted.stdout).not.toContain('recorded: next[1]');
  });

  it('gives the same report when the files are split over worker threads', () => {
    const args = ['replay', '--check', CALLS, ...DIVERGENT, '--format', 'json'];
    const alone = sop(args, { env: { SOP_REPLAY_WORKERS: '0' } });
    const split = sop(args, { env: { SOP_REPLAY_WORKERS: '2' } });
    expect(split.status).toBe(1);
    expect(split.stderr).toBe('');
    expect(split.stdout).toBe(alone.stdout);
  });

  it('checks the whole journal when no call is named, and a session by id', () => {
    const all = sop(['replay', '--check', ...LIB, '--data-dir', dataDir]);
    expect(all.status).toBe(0);
    expect(all.stdout).toContain('5 call(s): 4 same');
    const one = sop(['replay', '--check', ids[0]!, ...DIVERGENT, '--data-dir', dataDir]);
    expect(one.status).toBe(1);
    expect(one.stdout).toContain('1 call(s): 0 same, 1 diverged');
  });

  it('says clearly when a session id is unknown (exit 2)', () => {
    const result = sop(['replay', '--check', '20991231-0000-zzzz', ...LIB, '--data-dir', dataDir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/"20991231-0000-zzzz" is neither a file nor a session in the journal/);
  });
});

describe('sop replay (timeline)', () => {
  it('shows each step in the call language, answers by label, amendments, notes redacted, outcome', () => {
    const result = sop(['replay', join(CALLS, 'amended-topic.jsonl'), ...LIB]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Про що дзвінок?');
    expect(result.stdout).toContain('✎ amended: Пропозиція роботи за кордоном [job] → Щось інше [other]');
    expect(result.stdout).toContain('hotline/topic (back)');
    expect(result.stdout).toContain('Outcome: hotline/informed — Поінформовано');
    const noted = sop(['replay', join(CALLS, 'other-informed.jsonl'), ...LIB, '--lang', 'uk']);
    expect(noted.stdout).toContain('✉ нотатка: [redacted]');
    expect(noted.stdout).toContain('00:08  2/2  hotline/topic  (25s)');
  });

  it('marks a note that was still being typed when the call was interrupted, as sop log show does', () => {
    // Recorded in a terminal (a note saved at greet; one half-typed at topic, then Ctrl+C) and exported.
    const file = 'test/cli-test/fixtures/unfinished-note/interrupted-note.jsonl';
    const en = sop(['replay', file, ...LIB]);
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/hotline\/greet .*\n.*\n.*\n {9}✉ note: \[redacted\]\n/);
    expect(en.stdout).toMatch(/hotline\/topic .*\n.*\n {9}✉ note \(unfinished\): \[redacted\]\n/);
    expect(sop(['replay', file, ...LIB, '--lang', 'uk']).stdout).toContain('✉ нотатка (незавершена): [redacted]');
    const timeline = JSON.parse(sop(['replay', file, ...LIB, '--format', 'json']).stdout) as { entries: { notes: string[]; unfinishedNotes?: number[] }[] };
    expect(timeline.entries.map((entry) => [entry.notes, entry.unfinishedNotes])).toEqual([
      [['[redacted]'], undefined],
      [['[redacted]'], [0]],
    ]);
  });

  it('prints the timeline as data with --format json', () => {
    const result = sop(['replay', join(CALLS, 'minor-unsafe.jsonl'), ...LIB, '--format', 'json']);
    const timeline = JSON.parse(result.stdout) as { outcome: string; referrals: string[]; entries: { step: string; answer: string; spentMs: number }[] };
    expect(timeline.outcome).toBe('hotline/referred');
    expect(timeline.referrals).toEqual(['police', 'la-strada']);
    expect(timeline.entries.map((entry) => [entry.step, entry.answer, entry.spentMs])).toEqual([
      ['hotline/greet', '(далі)', 5000],
      ['hotline/topic', 'Пропозиція роботи за кордоном [job]', 9000],
      ['hotline/signs', 'Забрали паспорт [passport]; Борг перед роботодавцем [debt]', 30000],
      ['hotline/age', '[redacted]', 12000],
      ['safety/safe-now', 'Не в безпеці [unsafe]', 20000],
    ]);
  });

  it('reads a call from stdin, and from the journal by id', () => {
    const stdin = sop(['replay', '-', ...LIB], { input: readFileSync(join(CALLS, 'danger-interrupt.jsonl')) });
    expect(stdin.status).toBe(0);
    expect(stdin.stdout).toContain('! interrupt "!" → hotline/danger');
    const byId = sop(['replay', ids[2]!, ...LIB, '--data-dir', dataDir]);
    expect(byId.stdout).toContain('hotline/danger (interrupt)');
  });

  it('says when the SOP version the call was made with is not available', () => {
    const result = sop(['replay', join(CALLS, 'job-no-signs.jsonl'), ...DIVERGENT]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/hotline: the version the call was made with \(sha256 [0-9a-f]{12}…, test\/check\/fixtures\/lib\/hotline\.sop\.yaml\) is not in test\/replay\/fixtures\/sops-divergent, sops; showing the current version/);
    const exact = sop(['replay', join(CALLS, 'job-no-signs.jsonl'), ...LIB]);
    expect(exact.stderr).toBe('');
  });

  it('finds the version the call was made with in the configured SOP folder when --sops holds another', () => {
    const config = mkdtempSync(join(tmpdir(), 'sop-replay-config-'));
    try {
      mkdirSync(join(config, 'sop-runner'));
      writeFileSync(join(config, 'sop-runner', 'config.yaml'), `sops_dir: ${join(ROOT, 'test/check/fixtures/lib')}\n`);
      const env = { XDG_CONFIG_HOME: config };
      // The divergent edit renamed option "other": only the recorded version has its label.
      const pinned = sop(['replay', join(CALLS, 'amended-topic.jsonl'), ...DIVERGENT], { env });
      expect(pinned.stderr).toBe('');
      expect(pinned.stdout).toContain('→ Щось інше [other]');
      const current = sop(['replay', join(CALLS, 'amended-topic.jsonl'), ...DIVERGENT]);
      expect(current.stderr).toMatch(/showing the current version/);
      expect(current.stdout).toContain('→ other');
    } finally {
      rmSync(config, { recursive: true, force: true });
    }
  });

  it('plays back with --speed (fast enough to test) and refuses --step without a terminal', () => {
    const started = Date.now();
    const result = sop(['replay', join(CALLS, 'job-no-signs.jsonl'), ...LIB, '--speed', '200']);
    expect(result.status).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250); // 58 s of call / 200
    expect(result.stdout).toContain('Outcome: hotline/informed');
    const step = sop(['replay', join(CALLS, 'job-no-signs.jsonl'), ...LIB, '--step']);
    expect(step.status).toBe(2);
    expect(step.stderr).toContain('--step needs a terminal');
    expect(sop(['replay', join(CALLS, 'job-no-signs.jsonl'), ...LIB, '--speed', '0']).status).toBe(2);
  });
});

describe('sop log export', () => {
  it('refuses without --redact (exit 2) and explains why', () => {
    const result = sop(['log', 'export', ids[0]!, '--data-dir', dataDir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('refusing to export without --redact');
    expect(result.stdout).toBe('');
  });

  it('writes a 0600 file with no operator name, notes or sensitive values, its own valid hash chain, that replay --check accepts', () => {
    const out = join(dataDir, 'exported.jsonl');
    const result = sop(['log', 'export', ids[4]!, '--redact', '-o', out, '--data-dir', dataDir]);
    expect(result.status).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('Olena');
    expect(text).toContain('"operator":"redacted"');
    expect(text).not.toMatch(/"raw":"16"/);
    expect(text.split('\n')[0]).toMatch(/"prev":"0{64}"}$/);
    expect(sop(['log', 'verify', out]).status).toBe(0);
    const checked = sop(['replay', '--check', out, ...LIB]);
    expect(checked.stdout).toContain('unchecked from hotline/age');
    expect(text).toContain('"file":"test/check/fixtures/lib/hotline.sop.yaml"'); // relative paths stay
    const noted = sop(['log', 'export', ids[0]!, '--redact', '--data-dir', dataDir]);
    expect(noted.stdout).not.toContain('scared');
    expect(noted.stdout).toContain('"text":"[redacted]"');
  });
});

// No call named: in a terminal the menu sop resume shows, then the chosen call's timeline.
describe('sop replay with no call named', () => {
  it('without a terminal: exit 2, saying to give a session id or a file', () => {
    const result = spawnSync(process.execPath, [BIN, 'replay', '--data-dir', dataDir, ...LIB], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', HOME: dataDir, LANG: 'C' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('give a session id (see "sop log list") or an exported .jsonl file');
    expect(result.stdout).toBe('');
  });

  it('in a terminal: a menu of the recorded calls, newest first; Enter replays the chosen one', async () => {
    const pty = spawnSop(['replay', '--data-dir', dataDir, ...LIB], { cwd: ROOT, env: { HOME: dataDir } });
    await pty.waitFor('Which call?', { inOutput: true });
    for (const id of ids) await pty.waitFor(id, { inOutput: true });
    // Newest first: the cursor starts on the call that started last.
    const rows = [...pty.output().matchAll(/^[❯ ] (\S+) {2}(\S+ \S+)/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(rows.map(([id]) => id).sort()).toEqual([...ids].sort());
    expect(rows.map(([, start]) => start)).toEqual(rows.map(([, start]) => start).sort().reverse());
    await pty.press(KEY.enter);
    expect(await pty.exited(30_000)).toBe(0);
    expect(pty.output()).toContain(`Call ${rows[0]![0]}`);
    expect(pty.output()).toContain('Outcome:');
  }, 60_000);
});

describe('sop replay pages a timeline taller than the terminal', () => {
  const replayIn = async (rows: number, pager: string): Promise<string> => {
    const pty = spawnSop(['replay', ids[0]!, '--data-dir', dataDir, ...LIB], { cwd: ROOT, rows, env: { HOME: dataDir, PAGER: pager } });
    expect(await pty.exited(30_000)).toBe(0);
    return pty.output();
  };

  it('through $PAGER when the timeline is taller than the screen, not when it fits', async () => {
    const paged = await replayIn(10, "sed 's/^/PAGED|/'");
    expect(paged).toMatch(/^PAGED\|Call /m);
    expect(paged).toMatch(/^PAGED\|Duration: /m);
    const fits = await replayIn(60, "sed 's/^/PAGED|/'");
    expect(fits).toContain('Duration: ');
    expect(fits).not.toContain('PAGED|');
  }, 60_000);

  it('prints directly when the pager cannot start, and never pages piped output', async () => {
    const missing = await replayIn(10, '/nonexistent/pager');
    expect(missing).toMatch(/^Call /m);
    expect(missing).toMatch(/^Duration: /m);
    const piped = sop(['replay', ids[0]!, '--data-dir', dataDir, ...LIB], { env: { PAGER: "sed 's/^/PAGED|/'" } });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toMatch(/^Call /);
    expect(piped.stdout).not.toContain('PAGED|');
  }, 60_000);
});
