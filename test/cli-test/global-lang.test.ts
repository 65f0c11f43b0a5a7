/**
 * `--lang` given to `sop` itself, before the command: the command runs in that language, a
 * --lang after the command's name still wins, `sop --lang uk` alone is the Ukrainian overview,
 * and a bad value is a usage error (exit 2). Through the built binary, with LANG=C.
 */
import { describe, expect, it } from 'vitest';
import { sop } from './run-sop.js';

const CYRILLIC = /[\u0400-\u04ff]/;

describe('sop --lang before the command', () => {
  it('hands the language to the command: sop --lang uk validate', () => {
    for (const args of [['--lang', 'uk', 'validate', 'sops'], ['--lang=uk', 'validate', 'sops']]) {
      const result = sop(args);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/^Проблем не знайдено \(\d+ файл/);
    }
  });

  it('leaves the command its own --lang, which wins', () => {
    const own = sop(['validate', '--lang', 'uk', 'sops']);
    expect(own.status).toBe(0);
    expect(own.stderr).toMatch(CYRILLIC);
    const nearer = sop(['--lang', 'uk', 'validate', '--lang', 'en', 'sops']);
    expect(nearer.status).toBe(0);
    expect(nearer.stderr).toMatch(/^No problems found in \d+ files/);
  });

  it('reaches subcommands: sop --lang uk log list', () => {
    const result = sop(['--lang', 'uk', 'log', 'list'], { env: { SOP_DATA_DIR: '/nonexistent/sop-global-lang' } });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toMatch(CYRILLIC);
  });

  it('alone, gives the Ukrainian overview like sop does, exit 2', () => {
    const alone = sop(['--lang', 'uk']);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('Використання: sop');
    expect(alone.stderr).not.toMatch(/error: unknown option|помилка: невідомий параметр/);
    expect(sop([]).stderr).toContain('Usage: sop');
  });

  it('refuses a language it does not have, exit 2, naming the choices', () => {
    const result = sop(['--lang', 'xx', 'validate', 'sops']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/argument 'xx' is invalid\. Languages available: en \(English\), (.+, )?uk \(українська\)\./);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
