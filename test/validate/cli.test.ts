/**
 * `sop validate` and `sop schema` as processes (the built binary: run `npm run build` first):
 * exit codes, what goes to stdout and stderr, formats, stdin, globs, colour.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;
const fixtures = join(repo, 'test/validate/fixtures');
const cacheHome = mkdtempSync(join(tmpdir(), 'sop-validate-cli-'));

function sop(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), XDG_CACHE_HOME: cacheHome, LANG: 'C', ...options.env };
  delete env['GITHUB_ACTIONS'];
  delete env['FORCE_COLOR'];
  if (options.env) Object.assign(env, options.env);
  const result = spawnSync(process.execPath, [join(repo, 'bin/sop.cjs'), ...args], {
    cwd: options.cwd ?? fixtures,
    input: options.input ?? '',
    env,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sop validate (process)', () => {
  it('exits 0 on a valid library, summary on stderr only', () => {
    const result = sop(['validate', 'valid']);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe('No problems found in 1 file.\n');
  });

  it('exits 1 with findings on stdout, no colour when not a terminal', () => {
    const result = sop(['validate', 'unknown-step']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("unknown-step/demo.sop.yaml:6:8: error: the start step 'helo'");
    expect(result.stdout).not.toMatch(/\u001b\[/);
    expect(result.stderr).toBe('5 errors, 0 warnings in 1 file.\n'.replace('5', String((result.stdout.match(/: error:/g) ?? []).length)));
  });

  it('colours pretty output when FORCE_COLOR is set', () => {
    expect(sop(['validate', 'unknown-step'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
  });

  it('summarises in Ukrainian', () => {
    expect(sop(['validate', 'unused-variable', '--lang', 'uk']).stderr).toBe('0 помилок, 1 попередження (1 файл перевірено).\n');
  });

  it('passes with warnings, fails with --strict', () => {
    expect(sop(['validate', 'unused-variable']).code).toBe(0);
    expect(sop(['validate', 'unused-variable', '--strict']).code).toBe(1);
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    const first = sop(['validate', '.', '--format', 'json', '--no-cache']);
    const second = sop(['validate', '.', '--format', 'json']);
    expect(first.code).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    const third = sop(['validate', '.', '--format', 'json']);
    expect(third.stdout).toBe(first.stdout);
  });

  it('json: every finding with file, line, col, rule, name, severity, message', () => {
    const result = sop(['validate', 'unknown-contact', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ version: 1, errors: 1, warnings: 0, files: ['unknown-contact/demo.sop.yaml', 'unknown-contact/directory.yaml'] });
    expect(report.findings).toEqual([
      {
        file: 'unknown-contact/demo.sop.yaml',
        line: 17,
        col: 21,
        rule: 'SOP304',
        name: 'unknown-contact',
        severity: 'error',
        message: "'sheltr' is not in the directory",
        hint: "did you mean 'shelter'?",
        uk: { message: '«sheltr» немає в довіднику', hint: 'можливо, ви мали на увазі «shelter»?' },
      },
    ]);
  });

  it('json: the same in every language, English and Ukrainian side by side', () => {
    const english = sop(['validate', 'unknown-contact', '--format', 'json']).stdout;
    expect(sop(['validate', 'unknown-contact', '--format', 'json', '--lang', 'uk']).stdout).toBe(english);
    expect(sop(['validate', 'unknown-contact', '--format', 'json'], { env: { LANG: 'uk_UA.UTF-8' } }).stdout).toBe(english);
  });

  it('pretty, github, junit and sarif speak the language asked for; codes and names stay', () => {
    const pretty = sop(['validate', 'unknown-contact'], { env: { LANG: 'uk_UA.UTF-8' } });
    expect(pretty.stdout.split('\n')[0]).toBe('unknown-contact/demo.sop.yaml:17:21: помилка: «sheltr» немає в довіднику [SOP304 unknown-contact]');
    expect(pretty.stdout).toContain('   = можливо, ви мали на увазі «shelter»?\n');
    expect(sop(['validate', 'unknown-contact', '--lang', 'uk'], { env: { GITHUB_ACTIONS: 'true' } }).stdout).toBe(
      '::error file=unknown-contact/demo.sop.yaml,line=17,col=21,title=SOP304 unknown-contact::«sheltr» немає в довіднику (можливо, ви мали на увазі «shelter»?)\n',
    );
    expect(sop(['validate', 'unknown-contact', '--format', 'junit', '--lang', 'uk']).stdout).toContain(
      '<failure type="SOP304 unknown-contact" message="SOP304 unknown-contact: «sheltr» немає в довіднику">',
    );
    const run = JSON.parse(sop(['validate', 'unknown-contact', '--format', 'sarif', '--lang', 'uk']).stdout).runs[0];
    const english = JSON.parse(sop(['validate', 'unknown-contact', '--format', 'sarif']).stdout).runs[0];
    expect([run.language, english.language]).toEqual(['uk', 'en']);
    expect(run.results[0].message.text).toBe('«sheltr» немає в довіднику (можливо, ви мали на увазі «shelter»?)');
    expect(english.results[0].message.text).toBe("'sheltr' is not in the directory (did you mean 'shelter'?)");
    const rule = run.tool.driver.rules[run.results[0].ruleIndex];
    expect(rule).toMatchObject({ id: 'SOP304', name: 'unknown-contact', shortDescription: { text: 'refer називає контакт, якого немає в довіднику.' } });
    expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toEqual(english.results.map((r: { ruleId: string }) => r.ruleId));
  });

  it('github: workflow commands, chosen automatically under GitHub Actions', () => {
    const result = sop(['validate', 'unknown-contact'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(result.stdout).toBe(
      "::error file=unknown-contact/demo.sop.yaml,line=17,col=21,title=SOP304 unknown-contact::'sheltr' is not in the directory (did you mean 'shelter'?)\n",
    );
  });

  it('sarif: a 2.1.0 log with rules and located results', () => {
    const result = sop(['validate', 'stale-contact', 'call-cycle', '--format', 'sarif']);
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('sop-runner');
    const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(['error', 'warning']).toContain(r.level);
      expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
      expect(r.locations[0].physicalLocation.artifactLocation.uri).not.toMatch(/\\|^\//);
    }
    expect(run.results.map((r: { ruleId: string; level: string }) => `${r.ruleId} ${r.level}`)).toEqual(['SOP302 error', 'SOP302 error', 'SOP305 warning']);
  });

  it('junit: one test case per file, failures for errors', () => {
    const result = sop(['validate', 'unknown-contact', '--format', 'junit']);
    expect(result.stdout).toContain('<testsuite name="sop validate" tests="2" failures="1" errors="0" skipped="0">');
    expect(result.stdout).toContain('<testcase classname="sop validate" name="unknown-contact/directory.yaml"/>');
    expect(result.stdout).toContain('<failure type="SOP304 unknown-contact" message="SOP304 unknown-contact: &apos;sheltr&apos; is not in the directory"'.replace(/&apos;/g, "'"));
  });

  it('junit: warnings fail only under --strict', () => {
    expect(sop(['validate', 'unused-variable', '--format', 'junit']).stdout).toContain('failures="0"');
    const strict = sop(['validate', 'unused-variable', '--format', 'junit', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('<failure type="SOP202 unused-variable"');
  });

  it('checks a single file against the SOPs and directory beside it, reporting only that file', () => {
    const result = sop(['validate', 'call-cycle/a.sop.yaml', '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report.files).toEqual(['call-cycle/a.sop.yaml']);
    expect(report.findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)).toEqual(['call-cycle/a.sop.yaml SOP302']);
    const scenario = JSON.parse(sop(['validate', 'scenario-refs/wrong.scenario.yaml', '--format', 'json']).stdout);
    expect(new Set(scenario.findings.map((f: { file: string }) => f.file))).toEqual(new Set(['scenario-refs/wrong.scenario.yaml']));
    expect(scenario.findings).toHaveLength(6);
  });

  it('reads stdin for -', () => {
    const text = readFileSync(join(fixtures, 'undeclared-outcome/demo.sop.yaml'), 'utf8');
    const result = sop(['validate', '-', '--format', 'json'], { input: text });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)).toEqual(['<stdin> SOP306', '<stdin> SOP303']);
  });

  it('expands quoted globs', () => {
    const result = sop(['validate', 'call-*/*.sop.yaml', '--format', 'json']);
    expect(JSON.parse(result.stdout).files).toEqual(['call-cycle/a.sop.yaml', 'call-cycle/b.sop.yaml']);
    const deep = sop(['validate', '**/valid/*.sop.yaml', '--format', 'json']);
    expect(JSON.parse(deep.stdout).files).toEqual(['valid/demo.sop.yaml']);
  });

  it('exits 2 on usage errors: unknown flag, missing path, glob matching nothing, bad --today', () => {
    for (const args of [['validate', '--frobnicate'], ['validate', 'no-such-folder'], ['validate', 'nothing-*.sop.yaml'], ['validate', 'valid', '--today', 'soon'], ['validate', '--format', 'xml']]) {
      const result = sop(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(result.stderr.length).toBeGreaterThan(0);
    }
  });

  it('defaults to sops/ under the current folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sop-validate-default-'));
    mkdirSync(join(dir, 'sops'));
    copyFileSync(join(fixtures, 'unused-outcome/demo.sop.yaml'), join(dir, 'sops/demo.sop.yaml'));
    const result = sop(['validate', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).files).toEqual(['sops/demo.sop.yaml']);
  });

  it('documents examples in --help', () => {
    const result = sop(['validate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('--format sarif');
  });
});

describe('sop schema (process)', () => {
  it('prints each schema as it is shipped', () => {
    for (const which of ['sop', 'directory', 'scenario']) {
      const result = sop(['schema', which]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(JSON.parse(readFileSync(join(repo, `schemas/${which}.schema.json`), 'utf8')));
    }
    expect(JSON.parse(sop(['schema']).stdout).title).toContain('standard operating procedure');
    expect(sop(['schema', 'nope']).code).toBe(2);
  });
});
