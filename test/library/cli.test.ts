/**
 * The shipped library through the built binary (assumes `npm run build` ran): `sop validate`
 * is clean (also with `--strict` while the directory is fresh), and `sop test`
 * passes every shipped scenario.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function sop(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/sop.cjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LANG: 'en' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFinding {
  readonly file: string;
  readonly rule: string;
  readonly severity: string;
}

describe('sop validate / sop test on the shipped library', () => {
  it('sop validate sops/ exits 0', () => {
    const result = sop('validate', '--no-cache', '--today', '2027-06-01', 'sops/');
    expect(result.stderr).toMatch(/No problems found/);
    expect(result.code).toBe(0);
  });

  it('sop validate --strict is clean while the directory is less than a year old', () => {
    // A fixed "today" keeps the test from failing by the calendar; the next test shows the ageing rule.
    const result = sop('validate', '--strict', '--no-cache', '--today', '2027-06-01', '--format', 'json', 'sops/');
    const report = JSON.parse(result.stdout) as { errors: number; warnings: number; findings: JsonFinding[] };
    expect(report.findings).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('a directory not checked for over a year fails --strict with stale-contact warnings only', () => {
    const result = sop('validate', '--strict', '--no-cache', '--today', '2028-01-01', '--format', 'json', 'sops/');
    const report = JSON.parse(result.stdout) as { errors: number; warnings: number; findings: JsonFinding[] };
    expect(report.errors).toBe(0);
    expect(report.warnings).toBeGreaterThan(0);
    for (const finding of report.findings) {
      expect(`${finding.rule} ${finding.file}`).toBe('SOP305 sops/directory.yaml');
    }
    expect(result.code).toBe(1);
  });

  it('sop test passes every shipped scenario', () => {
    const result = sop('test', '--format', 'json', 'sops/scenarios/');
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });
});
