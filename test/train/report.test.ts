/**
 * `sop train --report` on a training journal written through the real journal writer, and the
 * scenario menu marking what a trainee has done (built binary; run `npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, KEY, ROOT, spawnSop, tempHome } from '../e2e/pty.js';
import { SOPS, trainingLibrary, trainingSession, writeTrainingJournal, type Move } from './helpers.js';

const EXPERT: Move[] = [{ answer: 'continue' }, { answer: 'yes' }, { answer: 24 }, { answer: 'job-offer' }, { answer: ['passport', 'debt'] }, { answer: 'continue' }, { answer: 'yes' }];
const h = tempHome();

beforeAll(async () => {
  const library = trainingLibrary();
  const session = (day: number, scenario: string, moves: readonly Move[], trainee = 'anna') =>
    trainingSession(library, 'hotline', moves, { scenario, trainee, at: `2026-11-0${day}T10:00:00.000Z` });
  await writeTrainingJournal(h.dataDir, [
    // 31: one sign of two ticked, so the warning (a red flag) is never reached.
    session(1, 'two-signs', [{ answer: 'continue' }, { answer: 'yes' }, { answer: 24 }, { answer: 'job-offer' }, { answer: ['passport'] }, { answer: 'continue' }]),
    // 13: the call taken for something else.
    session(3, 'two-signs', [{ answer: 'continue' }, { answer: 'yes' }, { answer: 24 }, { answer: 'other' }, { answer: 'continue' }]),
    session(5, 'two-signs', EXPERT),
    // 25: answered the age where the expert pressed ! (a missed interrupt).
    session(6, 'danger-mid-call', [{ answer: 'continue' }, { answer: 'yes' }, { answer: 40 }, { answer: 'other' }, { answer: 'continue' }]),
    // 0: stopped after the greeting.
    session(7, 'danger-mid-call', [{ answer: 'continue' }]),
    session(8, 'two-signs', EXPERT, 'bob'),
  ]);
});
afterAll(() => h.cleanup());

const report = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, 'train', '--sops', SOPS, '--data-dir', h.dataDir, '--report', ...args], { cwd: ROOT, env: { ...process.env, ...h.env, NO_COLOR: '1' }, encoding: 'utf8' });

describe('sop train --report', () => {
  it('gives one trainee’s scores over time, scenarios done and where they diverge, as JSON', () => {
    const result = report('anna', '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.trainee).toBe('anna');
    expect(json.sessions.map((s: { scenario: string; score: number; finished: boolean }) => [s.scenario, s.score, s.finished])).toEqual([
      ['two-signs', 31, true],
      ['two-signs', 13, true],
      ['two-signs', 100, true],
      ['danger-mid-call', 25, true],
      ['danger-mid-call', 0, false],
    ]);
    expect(json.scenarios).toEqual([
      expect.objectContaining({ scenario: 'danger-mid-call', attempts: 2, finished: 1, best: 25, last: 0 }),
      expect.objectContaining({ scenario: 'two-signs', attempts: 3, finished: 3, best: 100, last: 100, sop: 'hotline', difficulty: 'medium' }),
    ]);
    expect(json.notDone).toEqual([]);
    expect(json.divergences).toEqual([
      { step: 'hotline/age', count: 1, faced: 1 },
      { step: 'hotline/offer-signs', count: 1, faced: 2 },
      { step: 'hotline/concern', count: 1, faced: 3 },
    ]);
    expect(json.missedRedFlags).toEqual([
      { flag: 'interrupt !', missed: 2, of: 2 },
      { flag: 'visit hotline/warn', missed: 2, of: 3 },
    ]);
  });

  it('prints a table; without a name it reports the --trainee, and lists the scenarios not done yet', () => {
    const result = report('--trainee', 'bob', '--lang', 'uk');
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Звіт про навчання — слухач: bob (сесій: 1)');
    expect(out).toMatch(/two-signs — Робота в Польщі з двома тривожними ознаками\s+hotline\s+1\s+1\s+100\s+100/);
    expect(out).toContain('Ще не пройдено\n  danger-mid-call — Небезпека посеред дзвінка');
    expect(out).toMatch(/дата {14}сценарій {3}бали\n  2026-11-08 10:00 {2}two-signs {2}100 +█{20}/);
    expect(out).not.toContain('\u001b[');
  });

  it('says which trainees the journal has when the name is unknown', () => {
    const result = report('nobody');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('No training sessions for "nobody"');
    expect(result.stderr).toContain('Trainees in the journal: anna, bob.');
  });

  it('the menu marks the scenarios the trainee has completed', async () => {
    const pty = spawnSop(['train', '--sops', SOPS, '--data-dir', h.dataDir, '--trainee', 'bob'], { env: h.env });
    await pty.waitFor('Which scenario? (trainee: bob)', { inOutput: true });
    await pty.waitFor(/A job in Poland with two warning signs {2}\[hotline\] {2}medium {2}✓ done/);
    expect(pty.screen()).toMatch(/Danger in the middle of the call {2}\[hotline\] {2}hard\s*\n/);
    await pty.press(KEY.down, KEY.enter);
    await pty.waitFor('A man calls quietly from a hostel', { inOutput: true });
    await pty.press(KEY.ctrlC);
    expect(await pty.exited()).toBe(1);
    expect(pty.output()).toContain('No training started.');
  });
});
