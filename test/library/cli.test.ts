/**
 * The shipped library through the built binary (assumes `npm run build` ran): `sop validate`
 * is clean, `--strict` finds nothing but the honest ageing of directory dates, and `sop test`
 * passes every shipped scenario.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function sop(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/sop.js', ...args], {
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
    const result = sop('validate', '--no-cache', 'sops/');
    expect(result.stderr).toMatch(/\b0 errors\b/);
    expect(result.code).toBe(0);
  });

  it('sop validate --strict finds only stale-contact warnings in directory.yaml (dates are never invented)', () => {
    const result = sop('validate', '--strict', '--no-cache', '--format', 'json', 'sops/');
    const report = JSON.parse(result.stdout) as { errors: number; warnings: number; findings: JsonFinding[] };
    expect(report.errors).toBe(0);
    for (const finding of report.findings) {
      expect(`${finding.rule} ${finding.file}`).toBe('SOP305 sops/directory.yaml');
    }
    // --strict fails exactly when some entry has aged past a year: verify, then update last_verified.
    expect(result.code).toBe(report.warnings > 0 ? 1 : 0);
  });

  it('sop test passes every shipped scenario', () => {
    const result = sop('test', '--format', 'json', 'sops/scenarios/');
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });
});
