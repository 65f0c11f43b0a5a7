/**
 * The CI formats of `sop validate` as the tools that read them read them (the built binary: run
 * `npm run build` first): SARIF against the official SARIF 2.1.0 schema, JUnit against Jenkins'
 * JUnit XSD with xmllint (skipped, saying so, where xmllint is not installed), GitHub annotations
 * as the runner decodes them, and json with the folded findings' cause links. The schemas and
 * where they come from: test/formats/schemas/SOURCES.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;
const here = join(repo, 'test/formats');
const cacheHome = mkdtempSync(join(tmpdir(), 'sop-formats-'));

function sop(args: string[]) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), XDG_CACHE_HOME: cacheHome, LANG: 'C' };
  delete env['GITHUB_ACTIONS'];
  const result = spawnSync(process.execPath, [join(repo, 'bin/sop.cjs'), ...args], { cwd: here, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;

describe('sop validate --format sarif', () => {
  const result = sop(['validate', 'fixtures', '--format', 'sarif']);
  const sarif = JSON.parse(result.stdout);

  it('is valid against the official SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(join(here, 'schemas/sarif-schema-2.1.0.json'), 'utf8'));
    // The schema's own pattern for `language` is not valid with the u flag (a stray ']'): compiled without it, as its authors' tools do.
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('names files relative to %SRCROOT%, never as absolute paths', () => {
    const locations = sarif.runs[0].results.flatMap((r: { locations: unknown[]; relatedLocations?: unknown[] }) => [...r.locations, ...(r.relatedLocations ?? [])]);
    expect(locations.length).toBeGreaterThan(0);
    for (const location of locations) {
      expect(location.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(location.physicalLocation.artifactLocation.uri).toMatch(/^fixtures\//);
    }
  });

  it('reports a mistyped next once, with the steps it cuts off as related locations', () => {
    const results = sarif.runs[0].results.filter((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('chain.sop.yaml'),
    );
    expect(results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['SOP104']);
    expect(results[0].relatedLocations.map((l: { physicalLocation: { region: { startLine: number } } }) => l.physicalLocation.region.startLine)).toEqual([10, 14, 18, 22, 26]);
    expect(results[0].message.text).toContain('4 steps cannot be reached because of this');
  });
});

describe('sop validate --format junit', () => {
  const result = sop(['validate', 'fixtures', '--format', 'junit']);

  it('writes a newline inside a message attribute as &#10;', () => {
    expect(result.stdout).toContain("unknown property 'two&#10;lines'\"");
    for (const attribute of result.stdout.match(/message="[^"]*"/g) ?? []) expect(attribute).not.toContain('\n');
  });

  it.skipIf(!xmllint)('is valid against the JUnit XSD (xmllint)', () => {
    const file = join(cacheHome, 'validate.xml');
    writeFileSync(file, result.stdout);
    const check = spawnSync('xmllint', ['--noout', '--schema', join(here, 'schemas/junit-10.xsd'), file], { encoding: 'utf8' });
    expect(check.stderr).toContain('validates');
    expect(check.status).toBe(0);
  });
  if (!xmllint) it.skip('JUnit XSD check skipped: xmllint is not installed (Debian: apt-get install libxml2-utils)', () => {});
});

describe('sop validate --format github', () => {
  const result = sop(['validate', 'fixtures', '--format', 'github']);

  it('ends its last line with a newline, so the summary on stderr never joins it', () => {
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.split('\n').filter((line) => line !== '').every((line) => line.startsWith('::'))).toBe(true);
  });

  it('encodes a carriage return as %0D and a line feed as %0A', () => {
    expect(result.stdout).toContain('carriage%0Dreturn');
    expect(result.stdout).toContain('two%0Alines');
    expect(result.stdout).not.toContain('\r');
  });

  it('gives one annotation per root cause', () => {
    const chain = result.stdout.split('\n').filter((line) => line.includes('chain.sop.yaml'));
    expect(chain).toHaveLength(1);
    expect(chain[0]).toContain('4 steps cannot be reached because of this');
  });
});

describe('sop validate --format json', () => {
  it('keeps the folded findings, each with a cause link to its root', () => {
    const result = sop(['validate', 'fixtures/chain.sop.yaml', '--format', 'json']);
    const json = JSON.parse(result.stdout);
    expect(json.errors).toBe(1);
    expect(json.folded).toBe(5);
    const root = json.findings.find((f: { rule: string }) => f.rule === 'SOP104');
    const folded = json.findings.filter((f: { cause?: unknown }) => f.cause !== undefined);
    expect(folded.map((f: { rule: string }) => f.rule).sort()).toEqual(['SOP105', 'SOP105', 'SOP105', 'SOP105', 'SOP106']);
    for (const f of folded) expect(f.cause).toEqual({ file: root.file, line: root.line, col: root.col, rule: 'SOP104' });
    expect(result.stderr).toBe('1 error (and 5 more that follow from it), 0 warnings in 1 file.\n');
  });

  it('says how many files the semantic rules did not check', () => {
    const result = sop(['validate', 'fixtures', '--format', 'json']);
    expect(JSON.parse(result.stdout).notChecked).toBe(1);
    expect(result.stderr).toContain('1 file not checked further because of YAML or schema errors');
  });
});
