/**
 * `sop run` and `sop resume` end to end, in a real pseudo-terminal, against the BUILT binary
 * (run `npm run build` first). The fixture library is test/e2e/fixtures/sops.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectChain, fileMode, journalFiles, readLines } from './journal-lines.js';
import { BIN, KEY, ROOT, spawnSop, tempHomePerTest, walk, type Exchange, type TempHome } from './pty.js';

const SOPS = join(ROOT, 'test', 'e2e', 'fixtures', 'sops');
const home = tempHomePerTest();
/** The intake fixture greeted, and "safe to talk" answered with its default (yes). */
const TO_AGE: readonly Exchange[] = [['Greet the caller', KEY.enter], ['Can the caller talk safely?', KEY.enter]];
const run = (h: TempHome, ...args: string[]) => spawnSop(['run', '--sops', SOPS, '--operator', 'tester', ...args], { env: h.env });

describe('sop run in a terminal', () => {
  it('runs a complete call: every step kind, a called SOP, the summary, and a journal checked line by line', async () => {
    const h = home();
    const pty = run(h, 'intake');
    await pty.waitFor('Hello, you are through to the test line.');
    expect(pty.screen()).toMatch(/Test intake +intake\/greet · 00:0\d/);
    expect(pty.screen()).toContain('? guidance · b back · n note · ! Immediate danger · q quit');
    await pty.press(KEY.enter);
    await pty.waitFor('Can the caller talk safely?');
    await pty.press(KEY.down, KEY.up);
    await pty.waitFor('❯ 1  Yes, safe');
    await pty.press(KEY.enter);
    await pty.waitFor("Caller's age");
    await pty.type('150');
    await pty.press(KEY.enter);
    await pty.waitFor(/120/);
    expect(pty.screen()).toContain('Answer: 150');
    await pty.press(KEY.backspace, KEY.backspace, KEY.backspace);
    await pty.type('34');
    await pty.press(KEY.enter);
    await pty.waitFor('Which signs are present?');
    await pty.press('1', KEY.down, KEY.down, KEY.space);
    await pty.waitFor('[x] 3  Not free to leave');
    await pty.press(KEY.enter);
    await pty.waitFor('Does the caller want a referral?');
    expect(pty.screen()).toMatch(/Test intake › Referral +referral\/offer/);
    await pty.press('1', KEY.enter);
    await pty.waitFor('Call summary', { inOutput: true });
    expect(await pty.exited()).toBe(0);
    const out = pty.output();
    expect(out).toContain('Outcome: Call completed (intake/done)');
    expect(out).toContain('0 800 000 000  24/7  Test help line');
    expect(out).toContain('UNVERIFIED (2026-01-01): Hours not confirmed.');
    expect(out).toMatch(/Session: \d{8}-\d{4}-\w+/);

    const lines = readLines(h.dataDir);
    expectChain(lines);
    expect(lines.map((l) => l.json.type)).toEqual([
      'session-start', 'sop-entered', 'step-shown', 'answer', 'step-shown', 'answer', 'step-shown', 'answer',
      'step-shown', 'answer', 'sop-entered', 'step-shown', 'answer', 'sop-returned', 'call-ended', 'session-end',
    ]);
    const start = lines[0]?.json as Record<string, unknown>;
    expect(start).toMatchObject({ sop: 'intake', operator: 'tester', mode: 'live', lang: 'en' });
    expect((start['files'] as { sop: string }[]).map((f) => f.sop)).toEqual(['intake', 'referral']);
    const age = lines.find((l) => l.json['step'] === 'intake/age' && l.json.type === 'answer');
    expect(age?.json).toMatchObject({ value: '[redacted]', redacted: true, answer: { kind: 'value', raw: '[redacted]' } });
    // The typed age never reaches the disk; a line's own clock ("ms":34,) is not the answer.
    const withoutClock = (text: string): string => text.replace(/"ms":\d+,/, '');
    expect(lines.some((l) => withoutClock(l.text).includes('"34"') || withoutClock(l.text).includes(':34,'))).toBe(false);
    expect(lines.find((l) => l.json['step'] === 'intake/signs' && l.json.type === 'answer')?.json['value']).toEqual(['documents', 'locked']);
    const file = journalFiles(h.dataDir)[0] as string;
    expect(fileMode(file)).toBe(0o600);
    expect(fileMode(join(h.dataDir, 'journal', 'calls'))).toBe(0o700);
  });

  it('goes back (an unchanged answer is no amend), takes a note (redacted on disk), shows guidance, and takes an interrupt — in Ukrainian', async () => {
    const h = home();
    const pty = run(h, 'intake', '--lang', 'uk');
    await pty.waitFor('Скажіть:');
    await pty.press('?');
    await pty.waitFor('Говоріть повільно і спокійно.');
    await pty.press('n');
    await pty.waitFor('Нотатка');
    await pty.type('дзвонить з роботи');
    await pty.press(KEY.enter);
    await pty.waitFor('Нотатку збережено.');
    await pty.press(KEY.enter);
    await pty.waitFor('Чи може абонент говорити безпечно?');
    await pty.press('b');
    await pty.waitFor('Привітайте абонента');
    await pty.press(KEY.enter);
    await pty.waitFor('Чи може абонент говорити безпечно?');
    await pty.press('!');
    await pty.waitFor('Підсумок дзвінка', { inOutput: true });
    expect(await pty.exited()).toBe(0);
    expect(pty.output()).toContain('Викликано екстрені служби');
    expect(pty.output()).toContain('102  Поліція');
    const lines = readLines(h.dataDir);
    expectChain(lines);
    const types = lines.map((l) => l.json.type);
    expect(types).toEqual([
      // The greeting given again unchanged after back is an answer, not an amend.
      'session-start', 'sop-entered', 'step-shown', 'note', 'answer', 'step-shown', 'back', 'answer', 'step-shown',
      'interrupt', 'call-ended', 'session-end',
    ]);
    const note = lines[3]?.json;
    expect(note).toMatchObject({ type: 'note', step: 'intake/greet', text: '[redacted]', redacted: true });
    expect(lines.map((l) => l.text).join('\n')).not.toContain('роботи');
  });

  it('q asks first; y keeps the call as interrupted (exit 1)', async () => {
    const h = home();
    const pty = run(h, 'intake');
    await pty.waitFor('Greet the caller');
    await pty.press('q');
    await pty.waitFor('Stop this call now?');
    await pty.press('n');
    await pty.waitFor('q quit');
    await pty.press('q', 'y');
    expect(await pty.exited()).toBe(1);
    expect(pty.output()).toContain('Call interrupted');
    const lines = readLines(h.dataDir);
    expectChain(lines);
    expect(lines.at(-1)?.json).toMatchObject({ type: 'interrupted', reason: 'quit', step: 'intake/greet' });
  });

  it('Ctrl+C ends the call as interrupted with the terminal restored; sop resume continues it in the same session', async () => {
    const h = home();
    const pty = run(h, 'intake');
    await pty.waitFor('Greet the caller');
    await pty.press(KEY.enter);
    await pty.waitFor('Can the caller talk safely?');
    await pty.press('2');
    await pty.waitFor('❯ 2  No, not safe');
    await pty.press(KEY.up, KEY.enter);
    await pty.waitFor("Caller's age");
    await pty.type('29');
    await pty.press(KEY.enter);
    await pty.waitFor('Which signs are present?');
    await pty.press(KEY.ctrlC);
    expect(await pty.exited()).toBe(130);
    // Cursor shown and the main screen back before the summary.
    const raw = pty.raw();
    expect(raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(raw.lastIndexOf('\u001b[?25l'));
    expect(raw.lastIndexOf('\u001b[?1049l')).toBeGreaterThan(raw.lastIndexOf('\u001b[?1049h'));
    expect(raw.lastIndexOf('Call interrupted')).toBeGreaterThan(raw.lastIndexOf('\u001b[?1049l'));
    const before = readLines(h.dataDir);
    expect(before.at(-1)?.json).toMatchObject({ type: 'interrupted', reason: 'sigint', step: 'intake/signs' });
    const id = before[0]?.json.session as string;

    const list = spawnSync(process.execPath, [BIN, 'resume'], { env: { ...h.env, PATH: process.env['PATH'] ?? '' }, encoding: 'utf8' });
    expect(list.status).toBe(0);
    expect(list.stdout).toContain(`${id}\t`);
    expect(list.stdout).toContain('intake/signs');
    const noTty = spawnSync(process.execPath, [BIN, 'resume', id], { env: { ...h.env, PATH: process.env['PATH'] ?? '' }, encoding: 'utf8' });
    expect(noTty.status).toBe(2);
    expect(noTty.stderr).toContain('continuing a call needs a terminal');

    const again = spawnSop(['resume', id, '--sops', SOPS], { env: h.env });
    // The age was sensitive (never stored in clear): the call continues from there, asking again.
    await again.waitFor("Caller's age");
    expect(again.screen()).toContain('Step intake/age had a sensitive answer');
    await again.type('29');
    await again.press(KEY.enter);
    await again.waitFor('Which signs are present?');
    await again.press(KEY.enter);
    await again.waitFor('Does the caller want a referral?');
    await again.press(KEY.down, KEY.enter);
    expect(await again.exited()).toBe(0);
    expect(again.output()).toContain('Call summary');
    const after = readLines(h.dataDir);
    expectChain(after);
    expect(after.every((l) => l.json.session === id)).toBe(true);
    expect(after.slice(before.length).map((l) => l.json.type)).toEqual([
      'answer', 'step-shown', 'answer', 'sop-entered', 'step-shown', 'answer', 'sop-returned', 'call-ended', 'session-end',
    ]);
  });

  it('resume asks a sensitive step again, then fills in the later answers from the journal', async () => {
    const h = home();
    const pty = run(h, 'intake');
    await walk(pty, [...TO_AGE, ["Caller's age", '29', KEY.enter], ['Which signs are present?', '2', KEY.enter], ['Does the caller want a referral?', KEY.ctrlC]]);
    await pty.exited();
    const before = readLines(h.dataDir);

    const again = spawnSop(['resume', before[0]?.json.session as string, '--sops', SOPS], { env: h.env });
    await again.waitFor("Caller's age");
    await again.type('29');
    await again.press(KEY.enter);
    // The checklist is filled in from the journal: the next screen is where the call stopped.
    await again.waitFor('Does the caller want a referral?');
    await again.press(KEY.enter);
    expect(await again.exited()).toBe(0);
    const after = readLines(h.dataDir);
    expectChain(after);
    const resumed = after.slice(before.length);
    expect(resumed.filter((l) => l.json.type === 'answer').map((l) => [l.json['step'], l.json['value']])).toEqual([
      ['intake/age', '[redacted]'],
      ['intake/signs', ['unpaid']],
      ['referral/offer', 'yes'],
    ]);
  });

  it('after kill -9 mid-call, resume takes over the stale lock and continues; the journal stays a valid chain', async () => {
    const h = home();
    const pty = run(h, 'intake');
    await walk(pty, [...TO_AGE, ["Caller's age"]]);
    pty.kill('SIGKILL');
    await pty.exited();
    const before = readLines(h.dataDir);
    expectChain(before);
    // Every answer given before the kill is on disk: the process died without a word.
    expect(before.map((l) => l.json.type)).toEqual(['session-start', 'sop-entered', 'step-shown', 'answer', 'step-shown', 'answer', 'step-shown']);
    const lock = `${journalFiles(h.dataDir)[0]}.lock`;
    expect(existsSync(lock)).toBe(true);

    // No --sops: the call's own library is found from the SOP file it recorded.
    const again = spawnSop(['resume', before[0]?.json.session as string], { env: h.env });
    await again.waitFor("Caller's age");
    expect(again.screen()).toContain('Resumed call');
    // An input step: letters are typed, so the keys come after Esc.
    await again.press('q', KEY.escape, 'q');
    await again.waitFor('Stop this call now?');
    await again.press('y');
    expect(await again.exited()).toBe(1);
    const after = readLines(h.dataDir);
    expectChain(after);
    expect(after.slice(before.length).map((l) => [l.json.type, l.json.seq])).toEqual([['interrupted', 7]]);
    expect(existsSync(lock)).toBe(false);
  });

  it('without an SOP named, offers a menu of the library (titles in the chosen language)', async () => {
    const h = home();
    const pty = spawnSop(['run', '--sops', SOPS, '--lang', 'uk'], { env: h.env });
    await pty.waitFor('Яка СОП?', { inOutput: true });
    await pty.waitFor('Тестовий прийом  (intake)', { inOutput: true });
    expect(pty.output()).toContain('Перенаправлення  (referral)');
    // Titles sorted: Перенаправлення before Тестовий прийом; pick the second.
    await pty.press(KEY.down, KEY.enter);
    await pty.waitFor('Привітайте абонента');
    await pty.press(KEY.ctrlC);
    expect(await pty.exited()).toBe(130);
    expect(readLines(h.dataDir)[0]?.json).toMatchObject({ type: 'session-start', sop: 'intake', lang: 'uk' });
  });

  it('a path to an SOP file that does not exist is said as such (exit 2), not as the folder around it', async () => {
    const h = home();
    const pty = spawnSop(['run', join(h.dataDir, 'no-such.sop.yaml'), '--sops', SOPS], { env: h.env });
    await pty.waitFor('no such file', { inOutput: true });
    expect(await pty.exited()).toBe(2);
    expect(pty.output()).not.toContain('error(s)');
    expect(pty.output()).not.toMatch(/\n\s+at /);
  });

  it('colour follows NO_COLOR even in a terminal', async () => {
    const h = home();
    const pty = spawnSop(['run', 'intake', '--sops', SOPS], { env: { ...h.env, NO_COLOR: '1' } });
    await pty.waitFor('Greet the caller');
    await pty.press(KEY.ctrlC);
    await pty.exited();
    // Only cursor and screen control, no colours (SGR "m" sequences).
    expect(pty.raw()).not.toMatch(/\u001b\[[0-9;]*m/);
  });

  it('a closed terminal window (hang-up) ends the call as interrupted, the journal intact', async () => {
    const h = home();
    const pty = run(h, 'intake');
    await walk(pty, [['Greet the caller', KEY.enter], ['Can the caller talk safely?']]);
    await pty.hangUp();
    const lines = readLines(h.dataDir);
    expectChain(lines);
    expect(lines.at(-1)?.json).toMatchObject({ type: 'interrupted', reason: 'sighup', step: 'intake/safe' });
    expect(existsSync(`${journalFiles(h.dataDir)[0]}.lock`)).toBe(false);
  });

  it('resume notices an SOP changed since the call started and offers to start over', async () => {
    const h = home();
    const sops = join(h.dir, 'sops');
    cpSync(SOPS, sops, { recursive: true });
    const pty = spawnSop(['run', 'intake', '--sops', sops], { env: h.env });
    await pty.waitFor('Greet the caller');
    await pty.press(KEY.ctrlC);
    await pty.exited();
    const id = readLines(h.dataDir)[0]?.json.session as string;
    appendFileSync(join(sops, 'referral.sop.yaml'), '# edited after the call started\n');

    const declined = spawnSop(['resume', id, '--sops', sops], { env: h.env });
    await declined.waitFor('The SOP has changed since this call started (referral)', { inOutput: true });
    await declined.waitFor('Start the call over', { inOutput: true });
    await declined.press('n', KEY.enter);
    expect(await declined.exited()).toBe(1);
    expect(readLines(h.dataDir).at(-1)?.json).toMatchObject({ type: 'interrupted', reason: 'sigint' });

    const accepted = spawnSop(['resume', id, '--sops', sops], { env: h.env });
    await accepted.waitFor('Start the call over', { inOutput: true });
    await accepted.press('y', KEY.enter);
    await accepted.waitFor('Greet the caller');
    await accepted.press('q', 'y');
    expect(await accepted.exited()).toBe(1);
    const sessions = new Set(readLines(h.dataDir).map((l) => l.json.session));
    expect(sessions.size).toBe(2);
  });

  it('keys pressed before a step is on screen do not answer it (a double Enter)', async () => {
    const h = home();
    const pty = run(h, 'intake');
    await pty.waitFor('Greet the caller');
    // Both Enters in one write: the second arrives while the first answer is being recorded.
    await pty.press(KEY.enter + KEY.enter);
    await pty.waitFor('Can the caller talk safely?');
    await new Promise((r) => setTimeout(r, 300));
    expect(pty.screen()).toContain('Can the caller talk safely?');
    await pty.press('q', 'y');
    await pty.exited();
    expect(readLines(h.dataDir).filter((l) => l.json.type === 'answer')).toHaveLength(1);
  });

  it('SIGTERM and SIGHUP end the call as interrupted with the journal intact', async () => {
    for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
      const h = home();
      const pty = run(h, 'intake');
      await pty.waitFor('Greet the caller');
      pty.kill(signal);
      await pty.exited();
      const lines = readLines(h.dataDir);
      expectChain(lines);
      expect(lines.at(-1)?.json).toMatchObject({ type: 'interrupted', reason: signal.toLowerCase(), step: 'intake/greet' });
    }
  });
});

describe('sop run without a terminal', () => {
  const env = (h: TempHome) => ({ ...h.env, PATH: process.env['PATH'] ?? '' });

  it('refuses (exit 2) with a clear message', () => {
    const h = home();
    const result = spawnSync(process.execPath, [BIN, 'run', 'intake', '--sops', SOPS], { env: env(h), encoding: 'utf8', input: '' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('a live call needs a terminal');
    expect(result.stderr).toContain('--answers');
    expect(existsSync(h.dataDir)).toBe(false);
  });

  it('--answers drives the call headlessly through the same engine and journal', () => {
    const h = home();
    const answers = join(h.dir, 'answers.yaml');
    writeFileSync(answers, 'greet: continue\nsafe: "yes"\nage: 61\nsigns: [unpaid]\nreferral/offer: "no"\n');
    const result = spawnSync(process.execPath, [BIN, 'run', 'intake', '--sops', SOPS, '--answers', answers], { env: env(h), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Outcome: Call completed (intake/done)');
    // Not a terminal: no escape codes in the output.
    expect(result.stdout).not.toContain('\u001b');
    const lines = readLines(h.dataDir);
    expectChain(lines);
    expect(lines.at(-1)?.json).toMatchObject({ type: 'session-end', outcome: 'intake/done', referrals: ['test-line'] });
    const text = readFileSync(journalFiles(h.dataDir)[0] as string, 'utf8');
    expect(text.includes('"61"') || text.includes(':61,')).toBe(false);
  });

  it('--answers - reads stdin; a missing answer names the step, exit 1, the call kept as interrupted', () => {
    const h = home();
    const result = spawnSync(process.execPath, [BIN, 'run', 'intake', '--sops', SOPS, '--answers', '-', '--lang', 'uk'], {
      env: env(h),
      encoding: 'utf8',
      input: 'greet: continue\nsafe: "yes"\n',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('немає відповіді для кроку intake/age');
    const lines = readLines(h.dataDir);
    expectChain(lines);
    expect(lines.at(-1)?.json).toMatchObject({ type: 'interrupted', step: 'intake/age' });
  });

  it('an answers file that is not valid YAML, or not a mapping, is a usage error with the place (exit 2)', () => {
    const h = home();
    const bad = spawnSync(process.execPath, [BIN, 'run', 'intake', '--sops', SOPS, '--answers', '-'], { env: env(h), encoding: 'utf8', input: 'greet: continue\nsafe: [yes\n' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^sop: -:\d+:\d+: not valid YAML/);
    const list = spawnSync(process.execPath, [BIN, 'run', 'intake', '--sops', SOPS, '--answers', '-'], { env: env(h), encoding: 'utf8', input: '- greet\n' });
    expect(list.status).toBe(2);
    expect(list.stderr).toContain('must map steps to answers');
    const missing = spawnSync(process.execPath, [BIN, 'run', 'intake', '--sops', SOPS, '--answers', join(h.dir, 'nope.yaml')], { env: env(h), encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read the answers file');
    expect(existsSync(h.dataDir)).toBe(false);
  });

  it('a journal that cannot be opened stops before the call, telling the counsellor to use paper (exit 2)', () => {
    const h = home();
    const notADir = join(h.dir, 'file');
    writeFileSync(notADir, 'not a folder\n');
    const result = spawnSync(process.execPath, [BIN, 'run', 'intake', '--sops', SOPS, '--answers', '-', '--data-dir', notADir], {
      env: env(h),
      encoding: 'utf8',
      input: 'greet: continue\n',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Note this call on paper');
    expect(result.stderr).toContain('Запишіть цю розмову на папері');
    expect(result.stdout).toBe('');
  });

  it('an unknown SOP id is a usage error with a suggestion (exit 2)', () => {
    const h = home();
    const result = spawnSync(process.execPath, [BIN, 'run', 'intkae', '--sops', SOPS, '--answers', '-'], { env: env(h), encoding: 'utf8', input: '{}' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no SOP "intkae"');
    expect(result.stderr).toContain('Did you mean "intake"?');
  });

  it('a refused answer names the step and the reason', () => {
    const h = home();
    const result = spawnSync(process.execPath, [BIN, 'run', 'intake', '--sops', SOPS, '--answers', '-'], {
      env: env(h),
      encoding: 'utf8',
      input: 'greet: continue\nsafe: maybe\n',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/intake\/safe.*refused/);
  });

  it('refuses an SOP library with errors, with the findings (exit 1)', () => {
    const h = home();
    const broken = join(ROOT, 'test', 'e2e', 'fixtures', 'broken');
    const result = spawnSync(process.execPath, [BIN, 'run', 'broken', '--sops', broken, '--answers', '-'], { env: env(h), encoding: 'utf8', input: '{}' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/broken\.sop\.yaml:6:8: error: .*\[SOP104 unknown-step\]/);
    expect(result.stderr).toContain('fix them before running a call');
  });
});

describe('the shipped library', () => {
  const shipped = join(ROOT, 'sops', 'first-contact.sop.yaml');
  it.skipIf(!existsSync(shipped))('opens sops/first-contact at its first step (smoke)', async () => {
    const h = home();
    const pty = spawnSop(['run', 'first-contact', '--sops', join(ROOT, 'sops')], { env: h.env });
    await pty.waitFor(/first-contact\/[\w-]+ · \d\d:\d\d/, { timeout: 15_000 });
    // The header can be on screen a moment before the rest of the same frame has arrived.
    expect(await pty.waitFor('q quit', { timeout: 2_000 })).toContain('q quit');
    await pty.press('q', 'y');
    expect(await pty.exited()).toBe(1);
  });
});
