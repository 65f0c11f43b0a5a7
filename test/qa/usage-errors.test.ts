/** QA: usage errors found while parsing the command line say what to do, in the user's language. */
import { describe, expect, it } from 'vitest';
import { sop } from './sop.js';

describe('command-line usage errors', () => {
  it('an unknown option names the command whose --help lists the options (exit 2)', () => {
    const result = sop(['log', 'show', 'x', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--bogus'");
    expect(result.stderr).toContain('sop log show --help');
  });

  it('an unknown command points at sop --help', () => {
    const result = sop(['bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sop --help');
  });

  it('an unknown command with --help says so and exits 2 (it used to print the general help and exit 0)', () => {
    const result = sop(['snyc', '--help']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("unknown command 'snyc'");
    expect(result.stderr).not.toContain('Commands:');
    const near = sop(['--lang', 'uk', 'valdate', '-h']);
    expect(near.code).toBe(2);
    expect(near.stderr).toContain("невідома команда 'valdate'");
    expect(near.stderr).toContain('validate');
    // A known command's --help is unchanged.
    const known = sop(['validate', '--help']);
    expect(known.code).toBe(0);
    expect(known.stdout).toContain('Usage: sop validate');
  });

  it('sop help with an unknown command says so and suggests the nearest (it used to print the general help)', () => {
    const result = sop(['help', 'lgo']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("unknown command 'lgo'");
    expect(result.stderr).toContain('Did you mean log?');
    expect(result.stderr).not.toContain('Commands:');
    const uk = sop(['help', 'lgo'], { env: { LANG: 'uk_UA.UTF-8' } });
    expect(uk.code).toBe(2);
    expect(uk.stderr).toContain("невідома команда 'lgo'");
    // A known command's help is unchanged.
    const known = sop(['help', 'log']);
    expect(known.code).toBe(0);
    expect(known.stdout).toContain('Usage: sop log');
  });

  it('in Ukrainian with --lang uk or LANG=uk_UA.UTF-8', () => {
    const flag = sop(['validate', '--bogus', '--lang', 'uk']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('невідомий параметр');
    expect(flag.stderr).toContain('sop validate --help');
    expect(flag.stderr).not.toContain('unknown option');
    const env = sop(['graph'], { env: { LANG: 'uk_UA.UTF-8' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain("бракує обов'язкового аргументу");
    const choice = sop(['validate', '--format', 'nope'], { env: { LANG: 'uk_UA.UTF-8' } });
    expect(choice.stderr).toContain('допустимі значення: pretty, json, github, sarif, junit');
  });
});
