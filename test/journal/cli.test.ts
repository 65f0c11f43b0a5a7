/** `sop log` and `sop config` as processes on the built binary (run `npm run build` first). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startCall } from '../../src/core/engine/start-call.js';
import { step } from '../../src/core/engine/step.js';
import type { Command } from '../../src/core/engine/types.js';
import type { Library } from '../../src/core/model/library.js';
import { readLibrary } from '../../src/shell/library/read-library.js';
import { clock, startPayload, tempDir, writerFor } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SOPS = join(ROOT, 'test', 'record', 'fixtures');

function sop(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'sop.cjs'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: tempDir(), TZ: 'UTC', NO_COLOR: '1', ...env },
    ...(input !== undefined ? { input } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let library: Library;
beforeAll(async () => {
  library = (await readLibrary([SOPS], { cache: false })).library;
});

/** Records a call of the intake fixture; ends it unless `interruptAfter` commands were given. */
async function recordCall(dataDir: string, start: string, commands: Command[], operator = 'olena', interrupt = false): Promise<string> {
  const writer = await writerFor(dataDir, 'live', clock(start));
  writer.append('session-start', startPayload({ sop: 'intake', version: '2.1.0', operator }));
  const started = startCall(library, 'intake');
  if (!started.ok) throw new Error(started.refusal.code);
  writer.appendEvents(started.events);
  let state = started.state;
  for (const command of commands) {
    const result = step(library, state, command);
    if (!result.ok) throw new Error(result.refusal.code);
    state = result.state;
    writer.appendEvents(result.events);
  }
  if (interrupt) writer.append('interrupted', { reason: 'sighup', at: state.path[state.path.length - 1]! });
  else writer.append('session-end', { outcome: state.outcome!, referrals: state.referrals, durationMs: 95_000 });
  writer.close();
  return writer.sessionId;
}

const go: Command = { type: 'answer', answer: { kind: 'continue' } };
const pick = (option: string): Command => ({ type: 'answer', answer: { kind: 'option', option } });
const full: Command[] = [
  go,
  pick('abroad'),
  { type: 'back' },
  pick('home'),
  { type: 'answer', answer: { kind: 'value', raw: '34' } },
  { type: 'note', text: 'The caller is called Ivan' },
  { type: 'answer', answer: { kind: 'checked', options: ['documents', 'debt'] } },
  pick('no'),
];

describe('sop log (built binary)', () => {
  let dataDir: string;
  let ids: { done: string; danger: string; cut: string };
  beforeAll(async () => {
    dataDir = tempDir(true);
    ids = {
      done: await recordCall(dataDir, '2026-11-02T09:15:00Z', full),
      danger: await recordCall(dataDir, '2026-11-20T18:40:00Z', [go, { type: 'interrupt', key: '!' }], 'petro'),
      cut: await recordCall(dataDir, '2026-12-01T07:05:00Z', [go], 'olena', true),
    };
  });

  it('lists calls as a table, oldest first, and filters them', () => {
    const all = sop(['log', 'list', '--data-dir', dataDir]);
    expect(all.code).toBe(0);
    const rows = all.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^DATE\s+SESSION\s+SOP\s+OUTCOME\s+DURATION\s+OPERATOR$/);
    expect(rows.slice(1).map((r) => r.split(/\s{2,}/))).toEqual([
      ['2026-11-02 09:15', ids.done, 'intake', 'intake/referred', '1:35', 'olena'],
      ['2026-11-20 18:40', ids.danger, 'intake', 'intake/danger', '1:35', 'petro'],
      [expect.stringMatching(/^2026-12-01 07:05$/), ids.cut, 'intake', 'interrupted at intake/where', expect.stringMatching(/^0:0\d$/), 'olena'],
    ]);
    const filtered = (args: string[]) =>
      (JSON.parse(sop(['log', 'list', '--data-dir', dataDir, '--format', 'json', ...args]).stdout) as { id: string }[]).map((s) => s.id);
    expect(filtered(['--outcome', 'danger'])).toEqual([ids.danger]);
    expect(filtered(['--since', '2026-11-03', '--until', '2026-11-30'])).toEqual([ids.danger]);
    expect(filtered(['--until', '2026-11-02'])).toEqual([ids.done]);
    expect(filtered(['--status', 'interrupted'])).toEqual([ids.cut]);
    expect(filtered(['--status', 'unfinished'])).toEqual([ids.cut]);
    expect(filtered(['--status', 'open'])).toEqual([]);
    expect(filtered(['--status', 'completed'])).toEqual([ids.done, ids.danger]);
    expect(filtered(['--sop', 'other'])).toEqual([]);
    expect(filtered(['--training'])).toEqual([]);
  });

  it('lists in Ukrainian, and refuses a bad date with exit 2', () => {
    expect(sop(['log', 'list', '--data-dir', dataDir, '--lang', 'uk']).stdout).toMatch(/^ДАТА\s+СЕСІЯ/);
    const bad = sop(['log', 'list', '--data-dir', dataDir, '--since', 'yesterday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--since yesterday: not a date/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('shows a call as a transcript with labels, amendments, redactions and outcome', () => {
    const shown = sop(['log', 'show', ids.done.slice(-4), '--data-dir', dataDir, '--sops', SOPS]);
    expect(shown.code).toBe(0);
    const text = shown.stdout;
    expect(text).toContain(`Session ${ids.done} — live call`);
    expect(text).toContain('▸ Where is the caller now?  [intake/where]');
    expect(text).toContain('✎ amended: [redacted] → [redacted]');
    expect(text).toContain('✉ note: [redacted]');
    expect(text).toContain('→ Documents taken (documents), Debt (debt)');
    expect(text).toContain('Outcome:   Referred to help (intake/referred)');
    expect(text).toContain('Referrals: Test NGO hotline (la-strada)');
    expect(text).not.toMatch(/Ivan|abroad|"34"/);
    const uk = sop(['log', 'show', ids.done, '--data-dir', dataDir, '--sops', SOPS, '--lang', 'uk']).stdout;
    expect(uk).toContain('→ Забрали документи (documents), Debt (debt)');
    expect(uk).toContain('Скеровано по допомогу');
  });

  it('warns when the SOP changed since the call was recorded', async () => {
    const dir = tempDir();
    const writer = await writerFor(dir);
    writer.append('session-start', startPayload({ sop: 'intake', files: [{ sop: 'intake', file: 'intake.sop.yaml', sha256: 'b'.repeat(64) }] }));
    writer.close();
    const shown = sop(['log', 'show', writer.sessionId, '--data-dir', dir, '--sops', SOPS]);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toContain('intake: changed since this call was recorded');
  });

  it('shows the raw lines with --format json', () => {
    const shown = sop(['log', 'show', ids.cut, '--data-dir', dataDir, '--format', 'json']);
    const lines = shown.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(lines[0]!.type).toBe('session-start');
    expect(lines.at(-1)!.type).toBe('interrupted');
  });

  it('explains an unknown or ambiguous session id with exit 2', () => {
    const unknown = sop(['log', 'show', `${ids.done.slice(0, -1)}#`, '--data-dir', dataDir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`no session "${ids.done.slice(0, -1)}#"`);
    expect(unknown.stderr).toContain(ids.done);
    const ambiguous = sop(['log', 'show', '2026', '--data-dir', dataDir]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/matches 3 sessions/);
  });

  it('points an unknown id at the other journal: training sessions from calls, live calls from training', () => {
    expect(sop(['log', 'show', 'zzzz', '--data-dir', dataDir]).stderr).toContain('(training sessions: sop log show zzzz --training)');
    const training = sop(['log', 'show', 'zzzz', '--training', '--data-dir', dataDir]);
    expect(training.code).toBe(2);
    expect(training.stderr).toContain('List sessions with: sop log list --training (live calls: sop log show zzzz)');
  });

  it('verifies the chain: exit 0 when intact, 1 with file:line when a line was edited', () => {
    const ok = sop(['log', 'verify', '--data-dir', dataDir]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/Journal intact: \d+ lines in 2 file\(s\)/);
    const file = join(dataDir, 'journal', 'calls', '2026-11.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[4] = lines[4]!.replace('"at":"2026-11-02T09:15', '"at":"2026-11-02T09:16');
    expect(lines[4]).toContain('T09:16');
    writeFileSync(file, lines.join('\n'));
    const broken = sop(['log', 'verify', file]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe(`${file}:5: edited: line 6 does not chain to it\n`);
    const json = JSON.parse(sop(['log', 'verify', '--data-dir', dataDir, '--format', 'json']).stdout) as { ok: boolean; breaks: { line: number }[] };
    expect(json).toMatchObject({ ok: false, breaks: [{ line: 5 }] });
    expect(sop(['log', 'verify', '-'], {}, readFileSync(join(dataDir, 'journal', 'calls', '2026-12.jsonl'), 'utf8')).code).toBe(0);
    expect(sop(['log', 'verify', join(dataDir, 'nope.jsonl')]).code).toBe(2);
  });
});

describe('sop config (built binary)', () => {
  it('shows each setting with its source, as text and JSON', () => {
    const xdg = tempDir();
    const env = { XDG_CONFIG_HOME: xdg, SOP_DATA_DIR: '/srv/hotline' };
    const text = sop(['config'], env).stdout;
    expect(text).toMatch(/^data dir\s+\/srv\/hotline\s+\(env\)$/m);
    expect(text).toMatch(/^language\s+en\s+\(default\)$/m);
    const json = JSON.parse(sop(['config', '--format', 'json', '--lang', 'uk'], env).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ lang: 'uk', dataDir: '/srv/hotline', sources: { lang: 'flag', dataDir: 'env' } });
  });

  it('stops with file:line:col and exit 2 on a bad config file', () => {
    const xdg = tempDir();
    mkdirSync(join(xdg, 'sop-runner'));
    writeFileSync(join(xdg, 'sop-runner', 'config.yaml'), 'language: uk\ndata-dir: /x\n');
    const result = sop(['config'], { XDG_CONFIG_HOME: xdg });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(xdg, 'sop-runner', 'config.yaml')}:2:1: unknown key "data-dir".`);
    // Every command that reads the config stops the same way.
    expect(sop(['log', 'list'], { XDG_CONFIG_HOME: xdg }).code).toBe(2);
  });
});
