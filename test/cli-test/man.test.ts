/**
 * `sop man` (the built binary: run `npm run build` first): a roff page made from every command's
 * help, read back with `man -l` (skipped, saying so, where man is not installed).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;
const env = { ...process.env, LANG: 'C.UTF-8', MANWIDTH: '80' };
const page = spawnSync(process.execPath, [join(repo, 'bin/sop.cjs'), 'man'], { env, encoding: 'utf8' });
const hasMan = spawnSync('man', ['--version'], { encoding: 'utf8' }).status === 0;
const commands = spawnSync(process.execPath, [join(repo, 'bin/sop.cjs'), '__complete', ''], { env, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);

describe('sop man', () => {
  it('writes a roff page with a section per command', () => {
    expect(page.status).toBe(0);
    expect(page.stdout.startsWith('.TH SOP 1 ')).toBe(true);
    expect(commands.length).toBeGreaterThan(10);
    for (const command of commands) expect(page.stdout).toContain(`.SS sop ${command}\n`);
    expect(page.stdout).toContain('.SS sop log verify\n');
  });

  it.skipIf(!hasMan)('reads back with man -l: every command\'s usage line', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sop-man-')), 'sop.1');
    writeFileSync(file, page.stdout);
    const shown = spawnSync('man', ['-l', file], { env, encoding: 'utf8' });
    expect(shown.status).toBe(0);
    expect(shown.stderr).toBe('');
    for (const command of commands) expect(shown.stdout).toContain(`Usage: sop ${command}`);
  });
  if (!hasMan) it.skip('man -l check skipped: man is not installed (Debian: apt-get install man-db)', () => {});
});
