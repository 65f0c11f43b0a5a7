/**
 * A third language end to end, and a fourth with no code: `sop run --lang pl` on the
 * three-language fixture (test/e2e/fixtures/three-languages) in a real pseudo-terminal, the
 * tool's words from locales/pl.ftl and the SOP's texts in Polish; then a copy of the built
 * package with one more catalogue file (and nothing else) speaks that language. Against the
 * BUILT binary (run `npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines } from './journal-lines.js';
import { KEY, ROOT, spawnInPty, spawnSop, tempHomePerTest } from './pty.js';
import { tempDirForFile } from '../temp-dirs.js';

const FIXTURE = join(ROOT, 'test', 'e2e', 'fixtures', 'three-languages');
const home = tempHomePerTest();

describe('a call in a third language', () => {
  it('sop run --lang pl: the screens, the SOP texts, the summary and the journal in Polish', async () => {
    const h = home();
    const pty = spawnSop(['run', '--sops', FIXTURE, '--operator', 'tester', '--lang', 'pl', 'welcome'], { env: h.env });
    await pty.waitFor('Dzień dobry, dodzwoniła się Pani / dodzwonił się Pan do telefonu zaufania.');
    const greet = pty.screen();
    expect(greet).toMatch(/Rozmowa powitalna +welcome\/greet · 00:0\d/);
    expect(greet).toContain('Przywitaj rozmówcę');
    expect(greet).toContain('│ Powiedz:');
    expect(greet).toContain('Enter dalej');
    expect(greet).toContain('? wskazówka · b wstecz · n notatka · ! Bezpośrednie zagrożenie · q wyjdź');
    await pty.press('?');
    await pty.waitFor('Mów powoli i spokojnie.');
    await pty.press('?', KEY.enter);
    await pty.waitFor('Czy rozmówca może bezpiecznie rozmawiać?');
    expect(pty.screen()).toContain('❯ 1  Tak, bezpiecznie');
    expect(pty.screen()).toContain('↑↓ lub 1-2 wybór · Enter zatwierdź');
    await pty.press('1', KEY.enter);
    await pty.waitFor('Które sygnały występują?');
    await pty.press(KEY.space);
    await pty.waitFor('[x] 1  Odebrano dokumenty');
    expect(pty.screen()).toContain('1 zaznaczono');
    await pty.press(KEY.enter);
    await pty.waitFor('Podsumowanie rozmowy', { inOutput: true });
    expect(await pty.exited()).toBe(0);
    expect(pty.output()).toContain('Wynik: Rozmowa zakończona (welcome/done)');
    expect(readLines(h.dataDir)[0]?.json).toMatchObject({ type: 'session-start', sop: 'welcome', lang: 'pl' });
  });

  it('LANG=pl_PL.UTF-8 chooses Polish too', async () => {
    const h = home();
    const pty = spawnSop(['run', '--sops', FIXTURE, '--operator', 'tester', 'welcome'], { env: { ...h.env, LANG: 'pl_PL.UTF-8' } });
    await pty.waitFor('Przywitaj rozmówcę');
    expect(pty.screen()).toContain('Enter dalej');
    await pty.press('q');
    await pty.waitFor('Zakończyć teraz tę rozmowę?');
    await pty.press('y');
    expect(await pty.exited()).toBe(1);
  });
});

describe('a fourth language', () => {
  it('needs one new catalogue file and nothing else: a copy of the package with locales/de.ftl speaks German', async () => {
    const copy = tempDirForFile('sop-fourth-language-');
    for (const part of ['bin', 'dist', 'locales', 'package.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    // A throwaway catalogue: a few words; the rest falls back to English.
    writeFileSync(join(copy, 'locales', 'de.ftl'), '# Throwaway catalogue for a test.\ntui-say = Sagen Sie:\ntui-continue = Enter weiter\ntui-quit = beenden\n');
    const bin = join(copy, 'bin', 'sop.cjs');

    const refused = spawnSync(process.execPath, [bin, 'validate', '--lang', 'fr', FIXTURE], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', LANG: 'C' } });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('Languages available: de (Deutsch), en (English), pl (polski), uk (українська).');

    const h = home();
    const pty = spawnInPty(process.execPath, [bin, 'run', '--sops', FIXTURE, '--operator', 'tester', '--lang', 'de', 'welcome'], { env: h.env });
    await pty.waitFor('Sagen Sie:');
    const screen = pty.screen();
    expect(screen).toContain('Enter weiter');
    expect(screen).toContain('? guidance · b back · n note · ! Immediate danger · q beenden');
    // The SOP has no German: its texts in English, the fallback.
    expect(screen).toContain('Hello, you are through to the help line.');
    await pty.press('q');
    await pty.waitFor('Stop this call now?');
    await pty.press('y');
    expect(await pty.exited()).toBe(1);
  });
});
