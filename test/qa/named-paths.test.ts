/** QA: paths named on the command line that cannot be read are usage errors (exit 2), with what to do. */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sop, tempDir } from './sop.js';

describe('a named path that cannot be read', () => {
  it('a symbolic link loop named on the command line: exit 2, not a passing run', () => {
    const dir = tempDir();
    symlinkSync('b.sop.yaml', join(dir, 'a.sop.yaml'));
    symlinkSync('a.sop.yaml', join(dir, 'b.sop.yaml'));
    const result = sop(['validate', 'a.sop.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/a\.sop\.yaml: .*loop/);
    expect(result.stderr).toMatch(/remove the symbolic link/i);
    expect(sop(['test', 'a.sop.yaml'], { cwd: dir }).code).toBe(2);
  });

  it('a missing file says what to do', () => {
    const result = sop(['validate', 'nope.sop.yaml'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nope\.sop\.yaml: no such file or folder/);
    expect(result.stderr).toMatch(/check the path/i);
  });
});

describe('in Ukrainian', () => {
  it('a missing file, with --lang uk or LANG=uk_UA.UTF-8', () => {
    for (const [args, env] of [
      [['validate', 'nope.sop.yaml', '--lang', 'uk'], {}],
      [['test', 'nope.scenario.yaml'], { LANG: 'uk_UA.UTF-8' }],
    ] as const) {
      const result = sop(args, { cwd: tempDir(), env });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/немає такого файлу чи теки/);
      expect(result.stderr).not.toMatch(/no such file/);
    }
  });
});

describe('a quoted glob that matches nothing', () => {
  it('exit 2, in English and Ukrainian', () => {
    const dir = tempDir();
    const en = sop(['validate', 'nothing/*.sop.yaml'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/no file matches the pattern/);
    const uk = sop(['validate', 'nothing/*.sop.yaml', '--lang', 'uk'], { cwd: dir });
    expect(uk.code).toBe(2);
    expect(uk.stderr).toMatch(/жоден файл не відповідає шаблону/);
  });
});
