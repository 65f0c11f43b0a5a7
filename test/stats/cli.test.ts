import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv, runSop } from '../graph/run-sop.js';
import { standardJournal } from './make-journal.js';

const FIXTURES = 'test/stats/fixtures';
let dataDir: string;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

beforeAll(async () => {
  dataDir = await standardJournal();
});

describe('sop stats (built binary)', () => {
  it('prints the table on stdout, hides small counts, exit 0', () => {
    const run = runSop(['stats', '--sops', FIXTURES, '--data-dir', dataDir, '--since', '2026-11-01', '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}calls +12$/m);
    expect(run.stdout).toMatch(/^ {2}Possible victim +<5$/m);
    expect(run.stdout).toMatch(/^ {2}Checking an offer abroad +6$/m);
    expect(run.stdout).toContain('median 5:30 · 90th percentile 9:00');
    // Outcome categories from the library: informed 5, referred 4, emergency 1 (emergency/referred).
    expect(run.stdout).toMatch(/By outcome category\n {2}informed +5\n {2}referred +<5\n {2}\(unfinished\) +<5\n {2}emergency +<5\n/);
    expect(run.stdout).toMatch(/^ {2}Information given +5$/m);
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('finds the journal through SOP_DATA_DIR too, and --until limits it', () => {
    const run = runSop(['stats', '--sops', FIXTURES, '--until', '2026-10-31', '--format', 'json'], { env: isolatedEnv({ SOP_DATA_DIR: dataDir }) });
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.calls).toBe('<5');
    expect(json.until).toBe('2026-10-31');
  });

  it('json --raw gives exact counts with a warning on stderr; --raw elsewhere is refused', () => {
    const raw = runSop(['stats', '--sops', FIXTURES, '--data-dir', dataDir, '--format', 'json', '--raw']);
    expect(raw.status).toBe(0);
    expect(JSON.parse(raw.stdout).calls).toBe(14);
    expect(raw.stderr).toContain('RAW');
    const refused = runSop(['stats', '--sops', FIXTURES, '--data-dir', dataDir, '--raw']);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('--raw (exact small counts) is for --format json only');
    const csv = runSop(['stats', '--sops', FIXTURES, '--data-dir', dataDir, '--raw', '--format', 'csv']);
    expect(csv).toMatchObject({ status: 2, stdout: '' });
    expect(csv.stderr).toContain('--raw (exact small counts) is for --format json only');
  });

  it('--chart with json or csv is refused; --raw with --chart is refused by name whatever the format', () => {
    const chart = runSop(['stats', '--sops', FIXTURES, '--data-dir', dataDir, '--chart', '--format', 'json']);
    expect(chart).toMatchObject({ status: 2, stdout: '' });
    expect(chart.stderr).toContain('--chart draws in the table format only.');
    for (const format of ['json', 'table']) {
      const both = runSop(['stats', '--sops', FIXTURES, '--data-dir', dataDir, '--format', format, '--raw', '--chart']);
      expect(both).toMatchObject({ status: 2, stdout: '' });
      expect(both.stderr).toContain("option '--raw' cannot be used with option '--chart'");
      expect(both.stderr).not.toMatch(/\n\s+at /);
    }
    const uk = runSop(['stats', '--lang', 'uk', '--sops', FIXTURES, '--data-dir', dataDir, '--raw', '--chart']);
    expect(uk).toMatchObject({ status: 2, stdout: '' });
    expect(uk.stderr).toContain("параметр '--raw' не можна поєднувати з '--chart'");
  });

  it('csv on stdout', () => {
    const run = runSop(['stats', '--sops', FIXTURES, '--data-dir', dataDir, '--format', 'csv', '--since', '2026-11-01']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('calls,total,12,\r\n');
    expect(run.stdout).toContain('by_sop,emergency,<5,Immediate danger\r\n');
    expect(run.stdout).toContain('stat:call-type,job-offer,6,Checking an offer abroad\r\n');
  });

  it('--chart draws unicode bars in a UTF-8 locale, ASCII otherwise or with --ascii', () => {
    const utf8 = runSop(['stats', '--sops', FIXTURES, '--data-dir', dataDir, '--chart', '--since', '2026-11-01']);
    expect(utf8.stdout).toMatch(/^ {2}First contact +9 {2}█+/m);
    const c = runSop(['stats', '--sops', FIXTURES, '--data-dir', dataDir, '--chart', '--since', '2026-11-01'], { env: isolatedEnv({ LANG: 'C' }) });
    expect(c.stdout).toMatch(/^ {2}First contact +9 {2}#+$/m);
    expect(c.stdout).not.toContain('█');
    const ascii = runSop(['stats', '--sops', FIXTURES, '--data-dir', dataDir, '--chart', '--ascii']);
    expect(ascii.stdout).toMatch(/#+$/m);
    expect(ascii.stdout).not.toContain('█');
  });

  it('without a library it still counts, by ids', () => {
    const run = runSop(['stats', '--sops', join(tmpdir(), 'no-such-library'), '--data-dir', dataDir, '--format', 'json', '--raw']);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.bySop).toEqual([{ key: 'first-contact', count: 11 }, { key: 'emergency', count: 3 }]);
    expect(json.byCategory).toEqual([]);
  });

  it('--training reads the training journal', () => {
    const run = runSop(['stats', '--sops', FIXTURES, '--data-dir', dataDir, '--training', '--format', 'json', '--raw']);
    expect(JSON.parse(run.stdout)).toMatchObject({ mode: 'training', calls: 1 });
  });

  it('in Ukrainian', () => {
    const run = runSop(['stats', '--sops', FIXTURES, '--data-dir', dataDir, '--lang', 'uk']);
    expect(run.stdout).toContain('За СОП');
    expect(run.stdout).toMatch(/^ {2}Перевірка пропозиції за кордоном +8$/m);
  });

  it('a bad date: exit 2 with a clear message, nothing on stdout', () => {
    for (const args of [['--since', '2026-11-31'], ['--until', 'yesterday']]) {
      const run = runSop(['stats', '--sops', FIXTURES, '--data-dir', dataDir, ...args]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/is not a date\. Write it as YYYY-MM-DD/);
    }
    const swapped = runSop(['stats', '--sops', FIXTURES, '--data-dir', dataDir, '--since', '2026-12-01', '--until', '2026-11-01']);
    expect(swapped.status).toBe(2);
    expect(swapped.stderr).toContain('is after --until');
  });

  it('an empty or missing journal: a friendly message, exit 0', () => {
    const empty = mkdtempSync(join(tmpdir(), 'sop-stats-empty-'));
    const run = runSop(['stats', '--sops', FIXTURES, '--data-dir', empty]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no calls recorded');
    const json = runSop(['stats', '--sops', FIXTURES, '--data-dir', join(empty, 'missing'), '--format', 'json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).calls).toBe(0);
  });

  it('a torn last line is skipped with a notice, not a crash', async () => {
    const { appendFileSync, readdirSync } = await import('node:fs');
    const dir = join(await standardJournal(), 'journal', 'calls');
    appendFileSync(join(dir, readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().pop()!), '{"v":1,"session":"x","se');
    const run = runSop(['stats', '--sops', FIXTURES, '--data-dir', join(dir, '..', '..'), '--format', 'json', '--raw']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).calls).toBe(14);
    expect(run.stderr).not.toBe('');
  });
});
