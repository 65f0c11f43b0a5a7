/**
 * JSON outputs a person may `cat` never carry the characters JSON.stringify leaves raw: C1 controls
 * (U+009B is a one-byte CSI in some terminals), DEL, U+2028/U+2029 and bidi overrides. A hostile
 * SOP (test/security/fixtures/hostile-json), a typed answer and a folder name holding them go
 * through every `--format json` (validate, test, run's journal via log show/list/verify, replay,
 * replay --check, stats, config, purge), the export and the journal file itself; each output has none of them raw, and
 * JSON.parse gives back the same strings. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { safeJson } from '../../src/shell/text/safe-json.js';
import { BIN, ROOT } from '../e2e/pty.js';
import { tempDir } from './helpers.js';

// eslint-disable-next-line no-control-regex
const RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** The folder everything lives in: its name reaches every `file` field. */
const NAME = 'evil\u009b2J\u0085\u009d0;T\u009c\u2028\u2029\u202edir';
const TYPED = 'typed \u009b2J \u2028 end';
const TITLE = 'Hostile \u009b2J JSON \u2028 SOP';

function sop(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' }, encoding: 'utf8', input: '' });
}

/** Every string in a parsed JSON value (keys too). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => [key, ...strings(inner)]);
  return [];
}

/** stdout holds none of the characters raw and parses (one document, or JSON Lines); its strings. */
function parsed(result: ReturnType<typeof sop>, what: string, lines = false): string[] {
  expect([0, 1], `${what}: ${result.stderr}`).toContain(result.status);
  const raw = [...result.stdout].filter((char) => RAW.test(char)).map((char) => `U+${char.charCodeAt(0).toString(16)}`);
  expect(raw, `${what}: raw in stdout`).toEqual([]);
  const values: unknown[] = lines ? result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line)) : [JSON.parse(result.stdout)];
  return strings(values);
}

const has = (list: string[], text: string): boolean => list.some((s) => s.includes(text));

describe('safeJson', () => {
  it('escapes exactly C1, DEL, U+2028/U+2029 and bidi controls; the text parses to the same value', () => {
    const every = Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code)).join('');
    const text = safeJson(JSON.stringify({ every, [NAME]: [NAME] }));
    expect(RAW.test(text)).toBe(false);
    expect(JSON.parse(text)).toEqual({ every, [NAME]: [NAME] });
    expect(safeJson(JSON.stringify('\u009b'))).toBe('"\\u009b"');
    expect(safeJson(JSON.stringify('\u2028\u2029\u202e'))).toBe('"\\u2028\\u2029\\u202e"');
    expect(safeJson(JSON.stringify('Привіт, ok é ß'))).toBe('"Привіт, ok é ß"');
  });
});

describe('JSON outputs escape what a terminal would act on', () => {
  let home = '';
  let sops = '';
  let data = '';
  let id = '';
  beforeAll(() => {
    home = join(tempDir(), NAME);
    sops = join(home, 'sops');
    data = join(home, 'data');
    mkdirSync(home);
    cpSync(join(ROOT, 'test', 'security', 'fixtures', 'hostile-json'), sops, { recursive: true });
    const run = sop(['run', 'hostile-json', '--sops', sops, '--answers', join(sops, 'answers.yaml'), '--data-dir', data]);
    expect(run.status, run.stderr).toBe(0);
    id = JSON.parse(sop(['log', 'list', '--data-dir', data, '--format', 'json']).stdout)[0].id;
  });

  it('the journal file itself: its lines escaped, the same answer, and the chain verifies', () => {
    const calls = join(data, 'journal', 'calls');
    const text = readFileSync(join(calls, readdirSync(calls).find((n) => n.endsWith('.jsonl'))!), 'utf8');
    expect(parsed({ status: 0, stdout: text, stderr: '' } as ReturnType<typeof sop>, 'journal', true)).toContain(TYPED);
    // log show --format json gives the lines as written, byte for byte.
    expect(sop(['log', 'show', id, '--data-dir', data, '--format', 'json']).stdout).toBe(text);
    expect(sop(['log', 'verify', '--data-dir', data]).status).toBe(0);
  });

  it('validate (json, sarif) and test (json)', () => {
    expect(has(parsed(sop(['validate', sops, '--format', 'json']), 'validate json'), NAME)).toBe(true);
    // SARIF gives paths as URIs (percent-encoded); its messages are JSON strings like any other.
    parsed(sop(['validate', sops, '--format', 'sarif']), 'validate sarif');
    const tested = parsed(sop(['test', join(sops, 'scenarios'), '--sops', sops, '--format', 'json']), 'test json');
    expect(has(tested, NAME)).toBe(true);
  });

  it('log list, log show, replay, replay --check, stats and config', () => {
    expect(has(parsed(sop(['log', 'list', '--data-dir', data, '--format', 'json']), 'log list'), NAME)).toBe(true);
    const shown = parsed(sop(['log', 'show', id, '--data-dir', data, '--format', 'json']), 'log show', true);
    expect(shown).toContain(TYPED);
    const file = join(data, 'journal', 'calls', readdirSync(join(data, 'journal', 'calls')).find((n) => n.endsWith('.jsonl'))!);
    const timeline = parsed(sop(['replay', file, '--sops', sops, '--format', 'json']), 'replay');
    expect(has(timeline, TYPED)).toBe(true);
    expect(has(parsed(sop(['replay', file, '--sops', sops, '--check', '--format', 'json']), 'replay --check'), NAME)).toBe(true);
    expect(parsed(sop(['stats', '--data-dir', data, '--sops', sops, '--format', 'json']), 'stats')).toContain(TITLE);
    expect(has(parsed(sop(['config', '--data-dir', data, '--sops', sops, '--format', 'json']), 'config'), NAME)).toBe(true);
  });

  it('the export: escaped, the same answer, and its own chain still verifies', () => {
    const exported = sop(['log', 'export', id, '--redact', '--data-dir', data]);
    expect(parsed(exported, 'export', true)).toContain(TYPED);
    const file = join(tempDir(), 'call.jsonl');
    writeFileSync(file, exported.stdout);
    const verified = sop(['log', 'verify', file, '--format', 'json']);
    parsed(verified, 'verify export');
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, breaks: [] });
  });

  it('log verify (a torn line names the file) and, last, purge', () => {
    const calls = join(data, 'journal', 'calls');
    appendFileSync(join(calls, readdirSync(calls).find((n) => n.endsWith('.jsonl'))!), '{"v":1,"torn');
    const verified = parsed(sop(['log', 'verify', '--data-dir', data, '--format', 'json']), 'log verify');
    expect(has(verified, NAME)).toBe(true);
    const purged = parsed(sop(['log', 'purge', '--older-than', '0d', '--data-dir', data, '--format', 'json']), 'purge');
    expect(purged).toContain(id);
    expect(has(purged, NAME)).toBe(true);
  });
});
