/**
 * A call still running in another window is not an interrupted one: `sop resume` does not offer
 * it and refuses it by id, `sop log list|show` say it is running. Once that process is killed
 * (kill -9: no word in the journal), the same call is offered as interrupted (crash).
 * Against the BUILT binary (`npm run build` first), the call in a real pseudo-terminal.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines } from './journal-lines.js';
import { BIN, KEY, ROOT, spawnSop, tempHomePerTest, walk, type TempHome } from './pty.js';

const SOPS = join(ROOT, 'test', 'e2e', 'fixtures', 'sops');
const home = tempHomePerTest();

/** `sop ARGS` in another process, without a terminal. */
function sop(h: TempHome, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...h.env, PATH: process.env['PATH'] ?? '' }, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `sop run intake` in a pty, greeted and waiting at "Can the caller talk safely?". */
async function callAtSafe(h: TempHome) {
  const pty = spawnSop(['run', 'intake', '--sops', SOPS, '--operator', 'tester'], { env: h.env });
  await walk(pty, [['Greet the caller', KEY.enter], ['Can the caller talk safely?']]);
  return pty;
}

describe('a call running in another window', () => {
  it('is neither offered nor continued by sop resume, is "running" in sop log, and is offered as a crash once killed', async () => {
    const h = home();
    const pty = await callAtSafe(h);
    const before = readLines(h.dataDir);
    const id = before[0]?.json.session as string;

    // sop resume: nothing to offer; the running call is named as such, not listed.
    const list = sop(h, 'resume');
    expect(list.code).toBe(0);
    expect(list.stdout).toBe('');
    expect(list.stderr).toContain(`In progress in another window (not offered): ${id}`);
    expect(list.stderr).toContain('No interrupted calls.');
    expect(sop(h, 'resume', '--lang', 'uk').stderr).toContain(`Тривають в іншому вікні (не пропонуються): ${id}`);

    // sop resume <id>: refused (exit 2), by the full id and by its short suffix, in both languages.
    for (const given of [id, id.slice(-4)]) {
      const refused = sop(h, 'resume', given);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`call ${id} is in progress in another window (process ${pty.pid})`);
      expect(refused.stderr).not.toContain('needs a terminal');
    }
    const uk = sop(h, 'resume', id, '--lang', 'uk');
    expect(uk.code).toBe(2);
    expect(uk.stderr).toContain(`дзвінок ${id} триває в іншому вікні (процес ${pty.pid})`);

    // Even in a terminal, where it would otherwise continue the call: refused, nothing written.
    const second = spawnSop(['resume', id, '--sops', SOPS], { env: h.env });
    expect(await second.exited()).toBe(2);
    expect(second.output()).toContain('is in progress in another window');
    expect(readLines(h.dataDir).length).toBe(before.length);

    // sop log list / show: running, in both languages; not among the unfinished.
    const table = sop(h, 'log', 'list');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`${id}\\s+intake\\s+running at intake/safe \\(another window\\)`));
    expect(sop(h, 'log', 'list', '--lang', 'uk').stdout).toContain('триває на intake/safe (інше вікно)');
    expect(JSON.parse(sop(h, 'log', 'list', '--format', 'json').stdout)).toMatchObject([{ id, status: 'running', lastStep: 'intake/safe' }]);
    expect(sop(h, 'log', 'list', '--status', 'running').stdout).toContain(id);
    expect(sop(h, 'log', 'list', '--status', 'unfinished').stdout).not.toContain(id);
    expect(sop(h, 'log', 'show', id).stdout).toContain('running: being recorded now in another window');
    expect(sop(h, 'log', 'show', id, '--lang', 'uk').stdout).toContain('триває: записується зараз в іншому вікні');

    // The call's own window carries on undisturbed.
    expect(pty.screen()).toContain('Can the caller talk safely?');

    // kill -9: the process dies without a word, its lock left behind. Now it is a crash.
    pty.kill('SIGKILL');
    await pty.exited();
    const crashed = sop(h, 'resume');
    expect(crashed.code).toBe(0);
    expect(crashed.stdout).toMatch(new RegExp(`^${id}\\t[^\\t]+\\tintake\\tintake/safe\\tcrash\\ttester\\n$`));
    expect(crashed.stderr).not.toContain('In progress');
    const found = sop(h, 'resume', id);
    expect(found.code).toBe(2);
    expect(found.stderr).toContain('continuing a call needs a terminal');
    expect(sop(h, 'log', 'list').stdout).toContain('open at intake/safe');
    expect(sop(h, 'log', 'list', '--status', 'unfinished').stdout).toContain(id);
  });

  it('is not continued from a stale read: a call picked from the menu after another window continued it is refused', async () => {
    const h = home();
    const first = await callAtSafe(h);
    await first.press('q', 'y');
    expect(await first.exited()).toBe(1);
    const id = readLines(h.dataDir)[0]?.json.session as string;

    // Window B reads the journal and waits at its menu, the call at "safe".
    const menu = spawnSop(['resume', '--sops', SOPS], { env: h.env });
    await menu.waitFor('Which call?');
    // Window A continues the same call meanwhile: answers "safe", reaches "age", is interrupted.
    const other = spawnSop(['resume', id, '--sops', SOPS], { env: h.env });
    await other.waitFor('Can the caller talk safely?');
    await other.press(KEY.enter);
    await other.waitFor("Caller's age");
    await other.press(KEY.ctrlC);
    expect(await other.exited()).toBe(130);
    const before = readLines(h.dataDir);
    expect(before.at(-1)?.json).toMatchObject({ type: 'interrupted', step: 'intake/age' });

    // B picks the call: it is not continued at "safe" (already answered), nothing is written.
    await menu.press(KEY.enter);
    expect(await menu.exited()).toBe(2);
    expect(menu.output()).toContain(`call ${id} was continued in another window since it was read here; nothing was written`);
    expect(menu.output()).not.toContain('Resumed call');
    expect(readLines(h.dataDir).map((line) => line.text)).toEqual(before.map((line) => line.text));
    // Read again, it is offered where it is now.
    expect(sop(h, 'resume').stdout).toMatch(new RegExp(`^${id}\\t[^\\t]+\\tintake\\tintake/age\\tsigint\\ttester\\n$`));
  });
});
