/**
 * `sop train` end to end in a real pseudo-terminal, against the BUILT binary (run `npm run build`
 * first), with the fixture library and scenarios in test/train/fixtures/sops.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, KEY, ROOT, spawnSop, tempHomePerTest, type TempHome } from '../e2e/pty.js';
import { SOPS } from './helpers.js';

const home = tempHomePerTest();
// PAGER=cat: a debrief taller than the window goes through the pager; cat lets it straight through.
const train = (h: TempHome, ...args: string[]) => spawnSop(['train', '--sops', SOPS, '--operator', 'tester', ...args], { env: { ...h.env, PAGER: 'cat' } });
const SEALED = join(ROOT, 'test', 'train', 'fixtures', 'sealed');

/** Every file under dir, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Runs the sealed fixture's scenario: ticks the given indicators, types `where`, picks gender option `gender` (1-3). */
async function sealedCall(h: TempHome, ticks: readonly string[], where: string, gender: string, env: Record<string, string> = { PAGER: 'cat' }, rows?: number) {
  const pty = spawnSop(['train', 'sealed-indicators', '--sops', SEALED, '--operator', 'tester'], { env: { ...h.env, ...env }, ...(rows !== undefined ? { rows } : {}) });
  await pty.waitFor('Start the call?', { inOutput: true });
  await pty.press(KEY.enter);
  await pty.waitFor('Which indicators did you hear?');
  await pty.press(...ticks, KEY.enter);
  await pty.waitFor('Where is the caller now?');
  await pty.type(where);
  await pty.press(KEY.enter);
  await pty.waitFor("The caller's gender");
  await pty.press(gender, KEY.enter);
  return pty;
}

function trainingLines(dataDir: string): Record<string, unknown>[] {
  const dir = join(dataDir, 'journal', 'training');
  const files = readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
  expect(files).toHaveLength(1);
  return readFileSync(join(dir, files[0] as string), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('sop train in a terminal', () => {
  it('briefs, shows the caller above the steps, and debriefs a divergent call: score, the guidance where it differs, a missed red flag', async () => {
    const h = home();
    const pty = train(h, 'two-signs', '--trainee', 'anna');
    await pty.waitFor('A young woman calls about a job offer', { inOutput: true });
    await pty.waitFor('Start the call?', { inOutput: true });
    await pty.press(KEY.enter);
    await pty.waitFor('Hello, this is the training line.');
    await pty.press(KEY.enter);
    await pty.waitFor('Can the caller talk safely?');
    expect(pty.screen()).toContain('Caller: “Yes, I\'m alone at home.”');
    await pty.press(KEY.enter);
    await pty.waitFor("Caller's age");
    await pty.type('24');
    await pty.press(KEY.enter);
    await pty.waitFor('What is the call about?');
    expect(pty.screen()).toContain('Caller: “A friend offers me work in a greenhouse in Poland.”');
    await pty.press('1', KEY.enter);
    await pty.waitFor('Which warning signs does the offer have?');
    expect(pty.screen()).toContain('the bus ticket comes out of the first wages');
    // Only the passport is ticked: one sign, so the SOP goes to general information.
    await pty.press('1', KEY.enter);
    await pty.waitFor('Give general information');
    await pty.press(KEY.enter);
    await pty.waitFor('Debrief', { inOutput: true });
    expect(await pty.exited()).toBe(0);
    const out = pty.output();
    expect(out).toContain('Score: 31 / 100');
    expect(out).toContain('Decisions as the expert: 2.5 of 4');
    expect(out).toMatch(/~ Which warning signs does the offer have\? \(hotline\/offer-signs\)\s+you: Employer keeps the passport \[passport\]\s+expert: Employer keeps the passport \[passport\]; Travel paid back from wages \[debt\]/);
    expect(out).toContain('Why: The passport and the travel debt are both mentioned; together they are a high risk.');
    expect(out).toContain('Guidance: Two or more signs together mean a high risk.');
    expect(out).toContain('✗ Explain the risk of the offer (hotline/warn): not passed through');
    expect(out).toContain('Outcome: Information given (hotline/informed); expected: Referred to a partner (hotline/referred)');
    expect(out).toMatch(/– Does the caller want the partner's number\? \(partner-referral\/offer\): not reached/);

    // The training journal, never the live one.
    expect(existsSync(join(h.dataDir, 'journal', 'calls'))).toBe(false);
    const lines = trainingLines(h.dataDir);
    expect(lines[0]).toMatchObject({ type: 'session-start', mode: 'training', scenario: 'two-signs', trainee: 'anna', operator: 'tester', sop: 'hotline' });
    expect(lines.at(-1)).toMatchObject({ type: 'session-end', outcome: 'hotline/informed' });
    const dir = join(h.dataDir, 'journal', 'training');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, readdirSync(dir).find((n) => n.endsWith('.jsonl')) as string)).mode & 0o777).toBe(0o600);
  });

  it('--reveal shows the expert’s choice and why at each step (in Ukrainian), and a call done as the expert scores 100', async () => {
    const h = home();
    const pty = train(h, join(SOPS, 'scenarios', 'danger-mid-call.scenario.yaml'), '--reveal', '--lang', 'uk');
    await pty.waitFor('Почати дзвінок?', { inOutput: true });
    await pty.press(KEY.enter);
    await pty.waitFor('Експерт: (далі)');
    await pty.press(KEY.enter);
    await pty.waitFor('Експерт: Так, безпечно [yes]');
    expect(pty.screen()).toContain('Абонент: “Так, поки що.”');
    await pty.press(KEY.enter);
    await pty.waitFor('Вік абонента');
    expect(pty.screen()).toContain('Абонент: “Вони повертаються — у них ніж!”');
    expect(pty.screen()).toContain('Експерт: натисніть ! (Безпосередня небезпека)');
    expect(pty.screen()).toContain('Чому: Небезпека може виникнути на будь-якому кроці');
    await pty.press(KEY.escape, '!');
    await pty.waitFor('Розбір', { inOutput: true });
    expect(await pty.exited()).toBe(0);
    expect(pty.output()).toContain('Оцінка: 100 / 100');
    expect(pty.output()).toContain('✓ переривання ! (Безпосередня небезпека): використано');
    const lines = trainingLines(h.dataDir);
    expect(lines.map((l) => l['type'])).toContain('interrupt');
    expect(lines[0]).toMatchObject({ scenario: 'danger-mid-call', trainee: 'tester', lang: 'uk' });
  });

  it('q stops the session (exit 1): still debriefed, recorded as interrupted, and not offered to sop resume', async () => {
    const h = home();
    const pty = train(h, 'two-signs');
    await pty.waitFor('Start the call?', { inOutput: true });
    await pty.press(KEY.enter);
    await pty.waitFor('Hello, this is the training line.');
    await pty.press(KEY.enter);
    await pty.waitFor('Can the caller talk safely?');
    await pty.press('q', 'y');
    await pty.waitFor('Debrief', { inOutput: true });
    expect(await pty.exited()).toBe(1);
    const out = pty.output();
    expect(out).toContain('Outcome: the call was not finished');
    expect(out).toContain('Training sessions are not resumed: start again with "sop train two-signs".');
    // The summary after the call does not offer sop resume (training sessions are not resumed).
    expect(out.slice(out.indexOf('Call interrupted'))).not.toContain('sop resume');
    expect(trainingLines(h.dataDir).at(-1)).toMatchObject({ type: 'interrupted', reason: 'quit', step: 'hotline/safe' });
  });

  it('refuses a scenario that no longer fits the SOPs (exit 1, where it breaks) and an unknown id (exit 2, a suggestion)', async () => {
    const h = home();
    const stale = train(h, 'test/train/fixtures/stale/stale.scenario.yaml');
    expect(await stale.exited()).toBe(1);
    expect(stale.output()).toMatch(/scenario stale no longer fits the SOPs \(test\/train\/fixtures\/stale\/stale\.scenario\.yaml:15:13: the engine refused answer 4: There is no option "job" here/);
    expect(stale.output()).toContain('sop test');
    const unknown = train(h, 'two-sign');
    expect(await unknown.exited()).toBe(2);
    expect(unknown.output()).toContain('no scenario "two-sign"');
    expect(unknown.output()).toContain('Did you mean "two-signs"?');
    expect(existsSync(join(h.dataDir, 'journal'))).toBe(false);
  });

  it('refuses to run without a terminal (exit 2) and points to sop test', () => {
    const h = home();
    const result = spawnSync(process.execPath, [BIN, 'train', 'two-signs', '--sops', SOPS], { cwd: ROOT, env: { ...process.env, ...h.env }, encoding: 'utf8', input: '' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('training needs a terminal');
    expect(result.stderr).toContain('sop test');
    expect(result.stdout).toBe('');
    expect(existsSync(join(h.dataDir, 'journal'))).toBe(false);
    const stdin = spawnSync(process.execPath, [BIN, 'train', '-', '--sops', SOPS], { cwd: ROOT, env: { ...process.env, ...h.env }, encoding: 'utf8', input: '' });
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toContain('cannot come from stdin');
  });

  it('compares a sealed (sensitive) step in memory and scores it; the clear answers never reach the data dir', async () => {
    const h = home();
    const canary = 'CANARY-7Q3-in-a-garage';
    const pty = await sealedCall(h, ['1', '2'], canary, '1');
    await pty.waitFor('Debrief', { inOutput: true });
    expect(await pty.exited()).toBe(0);
    const out = pty.output();
    expect(out).toContain('✓ Which indicators did you hear? (sealed/indicators)');
    expect(out).not.toContain('not compared');
    expect(out).toContain('Decisions as the expert: 1 of 1');
    expect(out).toContain('Score: 100 / 100');
    // On disk: redacted; neither the typed canary nor the ticked option ids are anywhere under the data dir.
    const files = filesUnder(h.dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const content = readFileSync(file, 'utf8');
      expect(content).not.toContain(canary);
      expect(content).not.toContain('zq-threats');
      expect(content).not.toContain('zq-documents');
    }
    expect(trainingLines(h.dataDir).find((line) => line['type'] === 'answer' && line['step'] === 'sealed/indicators')).toMatchObject({ redacted: true });
  });

  it('a sealed step answered differently costs points; a question the caller left open costs none, whatever the trainee chose', async () => {
    const scores: string[] = [];
    for (const gender of ['1', '2', '3']) {
      const h = home();
      // Only "Threats" ticked (the expert ticks two): half the checklist's credit.
      const pty = await sealedCall(h, ['1'], 'a flat', gender);
      await pty.waitFor('Debrief', { inOutput: true });
      expect(await pty.exited()).toBe(0);
      const out = pty.output();
      expect(out).toMatch(/~ Which indicators did you hear\? \(sealed\/indicators\)\s+you: Threats \[zq-threats\]\s+expert: Threats \[zq-threats\]; Documents kept \[zq-documents\]/);
      expect(out).toMatch(/· The caller's gender \(sealed\/gender\): you: .+; expert: Not known \(not said\) \[unknown\] \(the caller did not say, not scored\)/);
      expect(out).toContain('Decisions as the expert: 0.5 of 1');
      scores.push(/Score: (\d+) \/ 100/.exec(out)?.[1] ?? '');
    }
    expect(scores).toEqual(['67', '67', '67']);
  });

  it('pages the summary and debrief through $PAGER when taller than the window, and prints directly when the pager cannot start', async () => {
    const h = home();
    const paged = join(h.dir, 'paged.txt');
    const pty = await sealedCall(h, ['1', '2'], 'a flat', '3', { PAGER: `cat > '${paged}'` }, 20);
    expect(await pty.exited()).toBe(0);
    const text = readFileSync(paged, 'utf8');
    expect(text).toContain('Call summary');
    expect(text).toContain('Debrief: Indicators kept sealed');
    expect(text.indexOf('Call summary')).toBeLessThan(text.indexOf('Debrief'));
    expect(pty.output()).not.toContain('Debrief: Indicators kept sealed');

    const h2 = home();
    const direct = await sealedCall(h2, ['1', '2'], 'a flat', '3', { PAGER: 'no-such-pager-zz' }, 20);
    await direct.waitFor('Debrief: Indicators kept sealed', { inOutput: true });
    expect(await direct.exited()).toBe(0);
  });
});
