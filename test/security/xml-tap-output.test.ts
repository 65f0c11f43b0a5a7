/**
 * JUnit XML (validate, test, replay --check) and TAP (test) never carry raw what a terminal would
 * act on: C1 controls (U+009B is a one-byte CSI in some terminals), DEL, U+2028/U+2029 and bidi
 * overrides. In XML they are character references (&#x9B;), so a strict XML 1.0 reader gives back
 * the same text; in TAP's plain test-point lines they are removed as in the pretty output, and a
 * `#` is escaped so it cannot start a directive. The texts come from the hostile-json SOP, the
 * scenarios of fixtures/hostile-xml (a hostile key, a failing outcome) and a folder whose name
 * holds them. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { xmlEscape } from '../../src/shell/format/xml-escape.js';
import { BIN, ROOT } from '../e2e/pty.js';
import { tempDir } from './helpers.js';
import { elements, parseXml, textOf, type XmlElement } from './parse-xml.js';

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** The folder everything lives in: its name reaches every `file` attribute and test point. */
const NAME = 'evil\u009b2J\u0085\u009d0;T\u009c\u007f\u2028\u2029\u202e # TODO dir';
const KEY = 'wh\u009b2J\u007f\u2028\u202ey';

function sop(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' }, encoding: 'utf8', input: '' });
}

/** None of the characters raw in stdout; the code points found, for a readable failure. */
function rawIn(text: string): string[] {
  return [...text].filter((char) => char !== '\n' && RAW.test(char)).map((char) => `U+${char.charCodeAt(0).toString(16)}`);
}

/** stdout as strict XML: exit 0 or 1, nothing raw, well-formed; the tree. */
function junit(result: ReturnType<typeof sop>, what: string): XmlElement {
  expect([0, 1], `${what}: ${result.stderr}`).toContain(result.status);
  expect(rawIn(result.stdout), `${what}: raw in stdout`).toEqual([]);
  return parseXml(result.stdout);
}

/** Every attribute value and text of the tree, decoded. */
function strings(root: XmlElement): string[] {
  return elements(root).flatMap((element) => [...Object.values(element.attributes), textOf(element)]);
}

const has = (list: string[], text: string): boolean => list.some((s) => s.includes(text));

describe('xmlEscape', () => {
  it('writes C1, DEL, U+2028/U+2029 and bidi controls as references, drops what XML 1.0 cannot carry; the text reads back the same', () => {
    expect(xmlEscape('a\u009bb\u007f\u2028\u2029\u202e\u2066')).toBe('a&#x9B;b&#x7F;&#x2028;&#x2029;&#x202E;&#x2066;');
    expect(xmlEscape('<&"\u0001\u001b\uffff\ufffe>')).toBe('&lt;&amp;&quot;&gt;');
    expect(xmlEscape('a\r\nb')).toBe('a&#xD;\nb');
    expect(xmlEscape('Привіт, ok é ß\ttab\nline')).toBe('Привіт, ok é ß\ttab\nline');
    const every = Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code)).join('');
    const written = `<a b="${xmlEscape(every)}">${xmlEscape(every)}</a>`;
    expect(rawIn(written)).toEqual([]);
    const parsed = parseXml(written);
    const kept = every.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
    expect(parsed.attributes['b']).toBe(kept);
    expect(textOf(parsed)).toBe(kept);
  });
});

describe('JUnit and TAP outputs carry nothing a terminal would act on', () => {
  let sops = '';
  let data = '';
  beforeAll(() => {
    const home = join(tempDir(), NAME);
    sops = join(home, 'sops');
    data = join(home, 'data');
    mkdirSync(home);
    cpSync(join(ROOT, 'test', 'security', 'fixtures', 'hostile-json'), sops, { recursive: true });
    cpSync(join(ROOT, 'test', 'security', 'fixtures', 'hostile-xml'), join(sops, 'scenarios'), { recursive: true });
    const run = sop(['run', 'hostile-json', '--sops', sops, '--answers', join(sops, 'answers.yaml'), '--data-dir', data]);
    expect(run.status, run.stderr).toBe(0);
  });

  it('sop test --format junit: strict XML, the hostile key and folder read back', () => {
    const tree = junit(sop(['test', join(sops, 'scenarios'), '--sops', sops, '--format', 'junit']), 'test junit');
    const cases = elements(tree).filter((element) => element.name === 'testcase');
    expect(cases.map((c) => c.attributes['name'])).toContain('wrong-outcome');
    expect(cases.every((c) => c.attributes['file']!.includes(NAME))).toBe(true);
    const failures = elements(tree).filter((element) => element.name === 'failure');
    expect(failures).toHaveLength(2);
    expect(has(strings(tree), `unknown property '${KEY}'`)).toBe(true);
    expect(failures.some((f) => textOf(f).includes(`${NAME}/sops/scenarios/wrong-outcome.scenario.yaml`))).toBe(true);
  });

  it('sop validate --format junit and sop replay --check --format junit: strict XML, the folder reads back', () => {
    const validated = junit(sop(['validate', sops, '--format', 'junit']), 'validate junit');
    expect(has(strings(validated), KEY)).toBe(true);
    expect(has(strings(validated), NAME)).toBe(true);
    const calls = join(data, 'journal', 'calls');
    const file = join(calls, readdirSync(calls).find((n) => n.endsWith('.jsonl'))!);
    const checked = junit(sop(['replay', file, '--sops', sops, '--check', '--format', 'junit']), 'replay --check junit');
    expect(elements(checked).find((element) => element.name === 'testcase')?.attributes['file']).toBe(file);
  });

  it('sop test --format tap: test points neutralised and # escaped, diagnostics quoted', () => {
    const result = sop(['test', join(sops, 'scenarios'), '--sops', sops, '--format', 'tap']);
    expect(result.status, result.stderr).toBe(1);
    expect(rawIn(result.stdout), 'raw in stdout').toEqual([]);
    const points = result.stdout.split('\n').filter((line) => /^(not )?ok \d+ - /.test(line));
    expect(points).toHaveLength(3);
    for (const point of points) {
      // The folder's name, its 8-bit CSI and OSC sequences and controls gone, the separators one
      // space, its # escaped: no directive, no failure hidden as a TODO.
      expect(point).toContain('evil  \\# TODO dir');
      expect(point.replace(/\\[\\#]/g, '')).not.toContain('#');
    }
    expect(points.filter((point) => point.startsWith('not ok'))).toHaveLength(2);
    // The diagnostics are JSON strings: the key is there, escaped.
    expect(result.stdout).toContain(`unknown property 'wh\\u009b2J\\u007f\\u2028\\u202ey'`);
  });
});
