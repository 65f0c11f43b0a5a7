/**
 * Hostile input: every case is a finding at a position, never a crash, a stack trace or a hang.
 * (YAML syntax, several documents, tabs, duplicate keys, alias bombs, binary, non-UTF-8 and empty
 * files have fixtures in fixtures/; the cases here need the file system arranged at test time.)
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync, ftruncateSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/core/load/parse-yaml.js';
import { isUnreadable } from '../../src/core/load/source-file.js';
import { readSource } from '../../src/shell/library/read-sources.js';
import { validatePaths } from '../../src/shell/library/validate-paths.js';
import { say } from '../../src/core/model/message.js';

const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const run = (paths: string[]) => validatePaths(paths, { today: '2026-06-01', cache: false });
const summary = (findings: { file: string; line: number; col: number; name: string }[], dir: string) =>
  findings.map((f) => `${f.file.replace(`${dir}/`, '')}:${f.line}:${f.col} ${f.name}`);

describe('hostile input', () => {
  it('reports a file over the size limit from its size alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sop-big-'));
    const fd = openSync(join(dir, 'big.sop.yaml'), 'w');
    ftruncateSync(fd, 6 * 1024 * 1024); // sparse: nothing written
    closeSync(fd);
    copyFileSync(join(fixtures, 'valid/demo.sop.yaml'), join(dir, 'ok.sop.yaml'));
    const result = await run([dir]);
    expect(summary(result.findings, dir)).toEqual(['big.sop.yaml:1:1 file-too-large']);
    expect(result.findings[0]!.message).toEqual({ en: 'the file is 6.0 MB; files over 5 MB are not read', uk: 'файл має 6,0 МБ; файли понад 5 МБ не читаються' });
    expect(say('uk', result.findings[0]!.hint!)).toBe('розділіть СОП на менші, зʼєднані кроками call');
  });

  it('skips symlink loops with a warning and reads the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sop-loop-'));
    mkdirSync(join(dir, 'sub'));
    copyFileSync(join(fixtures, 'valid/demo.sop.yaml'), join(dir, 'sub/demo.sop.yaml'));
    symlinkSync('..', join(dir, 'sub/up'));
    symlinkSync('self', join(dir, 'self'));
    const result = await run([dir]);
    expect(summary(result.findings, dir)).toEqual(['self:1:1 symlink-loop', 'sub/up:1:1 symlink-loop']);
    expect(result.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(result.findings.map((f) => say('uk', f.message))).toEqual([
      'символьне посилання вказує саме на себе (петля); пропущено',
      expect.stringMatching(/^тека веде назад до .+, яку вже читають; пропущено$/),
    ]);
    expect(result.findings.map((f) => f.hint)).toEqual(Array(2).fill({ en: 'remove the symbolic link', uk: 'видаліть символьне посилання' }));
    expect(result.files.map((f) => f.replace(`${dir}/`, ''))).toEqual(['sub/demo.sop.yaml']);
  });

  it('reports a broken symbolic link and reads the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sop-dangling-'));
    copyFileSync(join(fixtures, 'valid/demo.sop.yaml'), join(dir, 'demo.sop.yaml'));
    symlinkSync('nowhere.sop.yaml', join(dir, 'gone.sop.yaml'));
    const result = await run([dir]);
    expect(summary(result.findings, dir)).toEqual(['gone.sop.yaml:1:1 unreadable']);
    expect(result.findings[0]!.message).toEqual({ en: 'broken symbolic link (ENOENT); skipped', uk: 'зламане символьне посилання (ENOENT); пропущено' });
  });

  it('reports a path that cannot be read as a file, and input over the limit read from stdin', async () => {
    const folder = await readSource(mkdtempSync(join(tmpdir(), 'sop-folder-')));
    expect((isUnreadable(folder) ? folder.findings : []).map((f) => [f.name, f.message, f.hint])).toEqual([
      [
        'unreadable',
        { en: 'cannot read the file (EISDIR)', uk: 'не вдається прочитати файл (EISDIR)' },
        { en: 'check the path and its permissions', uk: 'перевірте шлях і права доступу' },
      ],
    ]);
    const big = await readSource('-', { stdin: async () => new Uint8Array(3 * 1024 * 1024), maxBytes: 2 * 1024 * 1024 });
    expect((isUnreadable(big) ? big.findings : []).map((f) => [f.name, f.message])).toEqual([
      ['file-too-large', { en: 'the input is over 2 MB and was not read', uk: 'вхідні дані більші за 2 МБ, їх не прочитано' }],
    ]);
  });

  it('bounds alias expansion (billion laughs) quickly', () => {
    let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 12; i++) text += `${'abcdefghijkl'[i]}: &${'abcdefghijkl'[i]} [${Array(9).fill(`*${'abcdefghijkl'[i - 1]}`).join(',')}]\n`;
    const started = Date.now();
    const parsed = parseYaml(text, 'bomb.yaml');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(parsed.value).toBeUndefined();
    expect(parsed.findings.map((f) => f.name)).toEqual(['alias-limit']);
  });

  it('reports documents nested too deeply', () => {
    const parsed = parseYaml(`a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'deep.yaml');
    expect(parsed.findings.map((f) => `${f.name}: ${say('en', f.message)} / ${say('uk', f.message)}`)).toEqual([
      'yaml-syntax: the document is nested too deeply to read / документ має забагато рівнів вкладення, його не вдається прочитати',
    ]);
  });

  it('never lets __proto__ keys change objects', () => {
    const parsed = parseYaml('__proto__: { polluted: true }\nsop: x\n', 'proto.yaml');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(parsed.value as object)).toEqual(['__proto__', 'sop']);
  });

  it('reports every YAML syntax error of a file, not only the first', () => {
    const parsed = parseYaml('a: [1\nb: "x\nc:\n\t- d\n', 'bad.yaml');
    expect(parsed.findings.length).toBeGreaterThan(1);
    expect(parsed.findings.every((f) => f.line >= 1 && f.col >= 1)).toBe(true);
  });

  it('reports an unknown alias', () => {
    const parsed = parseYaml('a: *nowhere\n', 'alias.yaml');
    expect(parsed.findings.map((f) => `${f.line}:${f.col} ${say('en', f.message)} / ${say('uk', f.message)}`)).toEqual(['1:4 unknown alias *nowhere / невідомий псевдонім *nowhere']);
  });

  it('checks a binary file named like a SOP without reading it as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sop-bin-'));
    writeFileSync(join(dir, 'x.sop.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const result = await run([dir]);
    expect(summary(result.findings, dir)).toEqual(['x.sop.yaml:3:1 binary-file']);
  });
});
