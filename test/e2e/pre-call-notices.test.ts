/**
 * Warnings said before a call (a data dir other users can reach, a configured public key that
 * cannot be used) are on the call screen's first frames until the first key, as well as on
 * stderr, where they stay on the main screen after the call. Drives the BUILT binary in a pty.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalFiles } from './journal-lines.js';
import { KEY, ROOT, spawnSop, stripAnsi, tempHomePerTest, type Pty } from './pty.js';

const SOPS = join(ROOT, 'test', 'e2e', 'fixtures', 'sops');
const home = tempHomePerTest();
const ALT_SCREEN_ON = '\u001b[?1049h';
const HOME = '\u001b[H';

/** What was printed before the call screen opened (the main screen), ANSI stripped, one space for any run of blanks. */
function beforeCallScreen(pty: Pty): string {
  const raw = pty.raw();
  return flat(stripAnsi(raw.slice(0, raw.indexOf(ALT_SCREEN_ON))));
}

/** The call screen's first frame, ANSI stripped, one space for any run of blanks. */
function firstFrame(pty: Pty): string {
  const raw = pty.raw();
  const start = raw.indexOf(HOME, raw.indexOf(ALT_SCREEN_ON));
  const end = raw.indexOf(HOME, start + HOME.length);
  return flat(stripAnsi(raw.slice(start, end < 0 ? undefined : end)));
}

const flat = (text: string): string => text.replace(/\s+/g, ' ');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('warnings from before the call, on the call screen', () => {
  it('a data dir other users can reach: on the first frame until the first answer, and on the main screen', async () => {
    const h = home();
    mkdirSync(h.dataDir, { recursive: true });
    chmodSync(h.dataDir, 0o755);
    const pty = spawnSop(['run', 'intake', '--sops', SOPS, '--operator', 'tester'], { env: h.env });
    try {
      await pty.waitFor('Greet the caller');
      const warning = `warning: ${h.dataDir} can be reached by other users of this computer (mode 0755). Fix: chmod 700 '${h.dataDir}'`;
      expect(firstFrame(pty)).toContain(`⚠ ${warning}`);
      // Above the keys, the step's own text first.
      expect(firstFrame(pty)).toMatch(/Hello, you are through to the test line\. .*⚠ warning: .*─+ Enter continue/);
      expect(beforeCallScreen(pty)).toContain(`sop: ${warning}`);
      await pty.press(KEY.enter);
      await pty.waitFor('Can the caller talk safely?');
      expect(pty.screen()).not.toContain('⚠');
      await sleep(1_200); // the clock's redraw does not bring it back
      expect(pty.screen()).toContain('Can the caller talk safely?');
      expect(pty.screen()).not.toContain('can be reached');
      await pty.press('q', 'y');
      expect(await pty.exited()).toBe(1);
    } finally {
      pty.kill();
      chmodSync(h.dataDir, 0o700);
    }
  });

  it('a public_key that is missing, in Ukrainian: sop run and sop resume both show it until the first key', async () => {
    const h = home();
    mkdirSync(join(h.env.XDG_CONFIG_HOME as string, 'sop-runner'), { recursive: true });
    writeFileSync(join(h.env.XDG_CONFIG_HOME as string, 'sop-runner', 'config.yaml'), `public_key: ${join(h.dir, 'nope.pem')}\n`);
    const redacted = 'Чутливі відповіді й нотатки цього дзвінка НЕ зберігаються для керівника';
    const pty = spawnSop(['run', 'intake', '--sops', SOPS, '--operator', 'tester', '--lang', 'uk'], { env: h.env });
    try {
      await pty.waitFor('Привітайте абонента');
      expect(firstFrame(pty)).toContain(`⚠ ${redacted}`);
      expect(firstFrame(pty)).toContain(join(h.dir, 'nope.pem'));
      expect(beforeCallScreen(pty)).toContain(`sop: ${redacted}`);
      await pty.press('q');
      await pty.waitFor('Зупинити дзвінок зараз?');
      expect(pty.screen()).not.toContain('⚠');
      await pty.press('y');
      expect(await pty.exited()).toBe(1);
    } finally {
      pty.kill();
    }
    expect(journalFiles(h.dataDir)).toHaveLength(1);
    const id = /(\d{8}-\d{4}-\w+)/.exec(pty.output().slice(pty.output().lastIndexOf('Сесія')))?.[1];
    expect(id).toBeDefined();
    const again = spawnSop(['resume', id as string, '--sops', SOPS, '--lang', 'uk'], { env: h.env });
    try {
      await again.waitFor('Привітайте абонента');
      expect(firstFrame(again)).toContain(`⚠ ${redacted}`);
      await again.press(KEY.enter);
      await again.waitFor('Чи може абонент говорити безпечно?');
      expect(again.screen()).not.toContain('⚠');
      await again.press('q', 'y');
      expect(await again.exited()).toBe(1);
    } finally {
      again.kill();
    }
  });
});
