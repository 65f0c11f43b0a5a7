/**
 * The tables and reports of issue 19 §5 in a real pseudo-terminal at 80 and 60 columns, in both
 * languages: `sop log list`, `sop train --report`, `sop replay --check`, `sop graph --format text`.
 * No line the binary writes may be wider than the terminal (display width: Cyrillic one column,
 * box drawing one); `--wide` on the same terminal and a pipe keep every value whole.
 * Built binary (run `npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureLibrary } from '../check/helpers.js';
import { FIXTURE_CALLS, recordCalls } from '../replay/record-calls.js';
import { SOPS as TRAINING_SOPS, trainingLibrary, trainingSession, writeTrainingJournal } from '../train/helpers.js';
import { BIN, ROOT, spawnSop, tempHome } from './pty.js';

const home = tempHome();
const CHECK = ['replay', '--check', 'test/replay/fixtures/calls', '--sops', 'test/replay/fixtures/sops-divergent'];

beforeAll(async () => {
  await recordCalls(fixtureLibrary(), FIXTURE_CALLS, home.dataDir);
  const library = trainingLibrary();
  await writeTrainingJournal(home.dataDir, [
    trainingSession(library, 'hotline', [{ answer: 'continue' }, { answer: 'yes' }, { answer: 24 }, { answer: 'job-offer' }, { answer: ['passport'] }, { answer: 'continue' }], {
      scenario: 'two-signs',
      trainee: 'anna',
      at: '2026-11-01T10:00:00.000Z',
    }),
    trainingSession(library, 'hotline', [{ answer: 'continue' }], { scenario: 'danger-mid-call', trainee: 'anna', at: '2026-11-02T10:00:00.000Z' }),
  ]);
});
afterAll(() => home.cleanup());

/** What the binary wrote to the terminal, line by line, colour codes removed. */
async function onTerminal(args: readonly string[], cols: number): Promise<{ code: number; lines: string[] }> {
  const pty = spawnSop(args, { cols, rows: 24, env: { ...home.env, NO_COLOR: '1', PAGER: 'cat' } });
  const code = await pty.exited(20_000);
  return { code, lines: pty.output().replace(/\n$/, '').split('\n') };
}

const TABLES: readonly { name: string; args: readonly string[]; code: number; wideText: RegExp }[] = [
  { name: 'sop log list', args: ['log', 'list'], code: 0, wideText: /20261102-0900-\w{4}/ },
  { name: 'sop train --report', args: ['train', '--sops', TRAINING_SOPS, '--report', 'anna'], code: 0, wideText: /two-signs — \S+/ },
  { name: 'sop replay --check', args: CHECK, code: 1, wideText: /≠/ },
  { name: 'sop graph --format text', args: ['graph', 'first-contact', '--format', 'text'], code: 0, wideText: /safe-to-talk/ },
];

describe('tables fit the terminal', () => {
  for (const table of TABLES) {
    for (const lang of ['en', 'uk']) {
      for (const cols of [80, 60]) {
        it(`${table.name} (${lang}) at ${cols} columns: no line wider than the terminal`, async () => {
          const { code, lines } = await onTerminal([...table.args, '--lang', lang], cols);
          expect(code).toBe(table.code);
          expect(lines.join('\n')).toMatch(table.wideText);
          const widest = lines.reduce((best, line) => (stringWidth(line) > stringWidth(best) ? line : best), '');
          expect(stringWidth(widest), widest).toBeLessThanOrEqual(cols);
        });
      }
    }
  }

  it('--wide on the same terminal, and a pipe, keep the lines whole', async () => {
    const { lines } = await onTerminal(['graph', 'first-contact', '--format', 'text', '--wide'], 80);
    expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeGreaterThan(80);
    const piped = spawnSync(process.execPath, [BIN, 'graph', 'first-contact', '--format', 'text'], { cwd: ROOT, env: { ...process.env, ...home.env, COLUMNS: '60' }, encoding: 'utf8' });
    expect(piped.stdout).toBe(lines.join('\n') + '\n');
  });
});
