/**
 * sop log purge: whole old sessions go, the rest is re-chained and verifies; crash-safe (also between
 * the journal's rename and its head's: the next purge, verify and sop run see it and say so); never
 * a live or broken file. The binary is used for what the next command says (`npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endedAt, parseCutoff, purgeJournal } from '../../src/shell/journal/purge-journal.js';
import { headRecord } from '../../src/shell/journal/files.js';
import { lineHash } from '../../src/shell/journal/hash.js';
import { readPrivateKey } from '../../src/shell/crypto/keys.js';
import { createOpener } from '../../src/shell/crypto/unseal.js';
import { readJournal } from '../../src/shell/journal/reader.js';
import { verifyJournal } from '../../src/shell/journal/verify.js';
import type { JournalLine } from '../../src/core/record/journal-line.js';
import { openSessionWriter } from '../../src/shell/journal/writer.js';
import { BIN, ROOT } from '../e2e/pty.js';
import { clock, keyFiles, lines, startPayload, tempDir, writeSensitiveSession } from './helpers.js';

const DAY = 86_400_000;

/** Three completed sessions on 1, 10 and 20 November and one interrupted on 12 November, all in 2026-11.jsonl (or `month`). */
async function journal(pub?: string, month = '2026-11'): Promise<{ dir: string; file: string; ids: string[] }> {
  const dir = tempDir();
  const ids: string[] = [];
  let file = '';
  for (const [day, end] of [[1, true], [10, true], [12, false], [20, true]] as const) {
    const written = await writeSensitiveSession(dir, `secret-${day}`, { ...(pub ? { pub } : {}), end, extra: clock(`${month}-${String(day).padStart(2, '0')}T10:00:00.000Z`) });
    ids.push(written.sessionId);
    file = written.file;
  }
  return { dir, file, ids };
}

describe('sop log purge', () => {
  it('parses 90d, 12w and dates; rejects anything else', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(parseCutoff('90d', now, 'en')).toBe(now.getTime() - 90 * DAY);
    expect(parseCutoff('12w', now, 'en')).toBe(now.getTime() - 84 * DAY);
    expect(new Date(parseCutoff('2026-08-31', now, 'en')).getDate()).toBe(31);
    expect(() => parseCutoff('90 days', now, 'en')).toThrow(/90d, 12w/);
  });

  it('removes the sessions that ended before the cut-off; the kept lines are byte-identical but for prev, and verify passes', async () => {
    const { dir, file, ids } = await journal();
    const before = lines(file);
    const report = purgeJournal(dir, Date.parse('2026-11-15T00:00:00Z'), { lang: 'en' });
    // The interrupted session of the 12th ended (last line) before the cut-off too.
    expect(report.removed.map((s) => s.id).sort()).toEqual([ids[0], ids[1], ids[2]].sort());
    expect(report.removed.find((s) => s.id === ids[2])?.status).toBe('open');
    const after = lines(file);
    const strip = (line: Record<string, unknown>) => ({ ...line, prev: undefined });
    expect(after.map(strip)).toEqual(before.filter((line) => line['session'] === ids[3]).map(strip));
    expect(after[0]!['prev']).toBe('0'.repeat(64));
    const verified = verifyJournal(dir, 'en');
    expect(verified.breaks).toEqual([]);
    expect(verified.lines).toBe(after.length);
    expect(nodeFs.statSync(file).mode & 0o777).toBe(0o600);
    expect(nodeFs.statSync(`${file}.head`).mode & 0o777).toBe(0o600);
    expect(readJournal(dir, 'live').sessions.map((s) => s.id)).toEqual([ids[3]]);
  });

  it('takes the torn bytes of a purged call with it (a planted canary is found nowhere after), and keeps those of a kept call', async () => {
    const { dir, file, ids } = await journal();
    const torn = (id: string, canary: string) => `{"session":"${id}","seq":99,"type":"answer","step":"intake/name","payload":{"value":"${canary}`;
    // Repaired after a crash last week: dated by the repair, not by the call.
    writeFileSync(`${file}.torn-20261128T090000Z`, torn(ids[0]!, 'CANARY-TORN-FILE'), { mode: 0o600 });
    writeFileSync(`${file}.torn-20261129T090000Z`, torn(ids[3]!, 'KEPT-TORN'), { mode: 0o600 });
    // And a line of a purged call cut short at the end of the journal, not repaired yet.
    nodeFs.appendFileSync(file, torn(ids[1]!, 'CANARY-TORN-TAIL'));
    const report = purgeJournal(dir, Date.parse('2026-11-15T00:00:00Z'), { lang: 'en' });
    expect(report.removed.map((session) => session.id)).toContain(ids[0]);
    expect(report.removedFiles).toEqual([`${file}.torn-20261128T090000Z`]);
    const everything = (folder: string): string[] =>
      nodeFs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? everything(join(folder, entry.name)) : [readFileSync(join(folder, entry.name), 'latin1')]));
    const all = everything(dir).join('\n');
    expect(all).not.toContain('CANARY');
    expect(all).not.toContain(ids[0]);
    expect(all).toContain('KEPT-TORN');
    expect(verifyJournal(dir, 'en').breaks).toEqual([]);
  });

  it('a dry run changes nothing', async () => {
    const { dir, file } = await journal();
    const bytes = readFileSync(file);
    const report = purgeJournal(dir, Date.parse('2026-11-15T00:00:00Z'), { lang: 'en', dryRun: true });
    expect(report.removed).toHaveLength(3);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('everything old: the file is emptied, its head removed, verify still passes, and a new call can be recorded', async () => {
    const { dir, file } = await journal();
    purgeJournal(dir, Date.parse('2026-12-01T00:00:00Z'), { lang: 'en' });
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(existsSync(`${file}.head`)).toBe(false);
    expect(verifyJournal(dir, 'en').breaks).toEqual([]);
    await writeSensitiveSession(dir, 'later', { extra: clock('2026-11-29T10:00:00.000Z') });
    expect(verifyJournal(dir, 'en').breaks).toEqual([]);
  });

  it('sealed sessions that are kept still open with the private key after re-chaining', async () => {
    const keys = keyFiles();
    const { dir, file, ids } = await journal(keys.pub);
    purgeJournal(dir, Date.parse('2026-11-15T00:00:00Z'), { lang: 'en' });
    const opener = createOpener(readPrivateKey(keys.key, 'en'), 'en');
    const opened = lines(file).map((line) => opener.open(line as unknown as JournalLine, {}));
    expect(opened.every((line) => line.session === ids[3])).toBe(true);
    expect(opened.find((line) => line.type === 'note')).toMatchObject({ text: 'note secret-20' });
  });

  it('never touches a file a live session is recording into (lock held), and says so', async () => {
    const { dir, file } = await journal();
    const bytes = readFileSync(file);
    const writer = await openSessionWriter({ dataDir: dir, mode: 'live', ...clock('2026-11-29T10:00:00.000Z') });
    try {
      writer.append('session-start', startPayload());
      const grown = readFileSync(file);
      const report = purgeJournal(dir, Date.parse('2026-11-15T00:00:00Z'), { lang: 'en' });
      expect(report.removed).toEqual([]);
      expect(report.skipped).toEqual([{ file, reason: expect.stringContaining('recording') }]);
      expect(readFileSync(file).equals(grown)).toBe(true);
      expect(grown.subarray(0, bytes.length).equals(bytes)).toBe(true);
    } finally {
      writer.close();
    }
  });

  it('refuses to re-chain a file whose chain is already broken (that would hide the edit)', async () => {
    const { dir, file } = await journal();
    const text = readFileSync(file, 'utf8').replace('"operator":"olena"', '"operator":"mallory"');
    writeFileSync(file, text);
    const report = purgeJournal(dir, Date.parse('2026-11-15T00:00:00Z'), { lang: 'en' });
    expect(report.removed).toEqual([]);
    expect(report.skipped[0]?.reason).toMatch(/hash chain is broken/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('a crash at any file-system step mid-purge leaves the old journal or the new one; verify passes either way, and the next purge settles the rest', async () => {
    const steps = ['writeSync', 'fsyncSync', 'renameSync'] as const;
    for (const step of steps) {
      for (let nth = 1; nth <= 4; nth++) {
        const { dir, file } = await journal();
        const old = readFileSync(file);
        let calls = 0;
        const crash = ((...args: unknown[]) => {
          calls++;
          if (calls === nth) throw Object.assign(new Error('simulated crash'), { code: 'EIO' });
          return (nodeFs[step] as (...a: unknown[]) => unknown)(...args);
        }) as never;
        let crashed = false;
        try {
          purgeJournal(dir, Date.parse('2026-11-15T00:00:00Z'), { lang: 'en', fs: { [step]: crash } });
        } catch {
          crashed = true;
        }
        const now = readFileSync(file);
        const sessions = readJournal(dir, 'live').sessions.length;
        expect(now.equals(old) || sessions === 1, `${step} #${nth}`).toBe(true);
        if (crashed && now.equals(old)) expect(sessions).toBe(4);
        // Also a crash between the journal's rename and the head's: verify checks the pending head.
        expect(verifyJournal(dir, 'en').breaks, `${step} #${nth}`).toEqual([]);
        // No temp file is left where it could be mistaken for a journal.
        expect(nodeFs.readdirSync(`${dir}/journal/calls`).filter((n) => n.endsWith('.jsonl'))).toEqual(['2026-11.jsonl']);
        // Purging again finishes the job and leaves nothing of the crash behind.
        const again = purgeJournal(dir, Date.parse('2026-11-15T00:00:00Z'), { lang: 'en' });
        expect(again.skipped, `${step} #${nth}`).toEqual([]);
        expect(readJournal(dir, 'live').sessions).toHaveLength(1);
        expect(leftovers(dir), `${step} #${nth}`).toEqual([]);
        const verified = verifyJournal(dir, 'en');
        expect(verified.breaks, `${step} #${nth}`).toEqual([]);
        expect(verified.notices, `${step} #${nth}`).toEqual([]);
      }
    }
  });

  it('endedAt: session-end when completed, else the last line', async () => {
    const { dir } = await journal();
    const sessions = readJournal(dir, 'live').sessions;
    expect(sessions.map((s) => new Date(endedAt(s)).getUTCDate())).toEqual([1, 10, 12, 20]);
  });
});

/** What a purge cut short can leave in the calls folder: the pending head, temp files, a kept head. */
function leftovers(dir: string): string[] {
  return nodeFs.readdirSync(join(dir, 'journal', 'calls')).filter((name) => name.includes('.purge') || name.includes('head-mismatch'));
}

/** Purges with the file system failing at the `nth` rename (or where `extra` fails), as a crash there would: nothing after it runs. */
function purgeCrashingAtRename(dir: string, cutoff: string, nth: number, extra: Partial<typeof nodeFs> = {}): void {
  let renames = 0;
  const renameSync = ((from: string, to: string) => {
    if (++renames === nth) throw Object.assign(new Error('power cut'), { code: 'EIO' });
    nodeFs.renameSync(from, to);
  }) as typeof nodeFs.renameSync;
  expect(() => purgeJournal(dir, Date.parse(cutoff), { lang: 'en', fs: { renameSync, ...extra } })).toThrow('power cut');
}

function sop(args: string[], input = '') {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' }, encoding: 'utf8', input });
}

/** The head a journal file should have: its size and the hash of its last line. */
function headOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  const last = text.trimEnd().split('\n').pop()!;
  return headRecord(Buffer.byteLength(text), lineHash(last));
}

describe('sop log purge interrupted between its renames', () => {
  it('after the journal was replaced: verify passes and says so; the next purge finishes it (a dry run only says it would)', async () => {
    const { dir, file, ids } = await journal(undefined, '2025-03');
    const oldHead = readFileSync(`${file}.head`, 'utf8');
    purgeCrashingAtRename(dir, '2025-03-15T00:00:00Z', 2);
    // The crash's state: the new journal in place, the old head beside it, the new head pending.
    expect(readJournal(dir, 'live').sessions.map((s) => s.id)).toEqual([ids[3]]);
    expect(readFileSync(`${file}.head`, 'utf8')).toBe(oldHead);
    expect(readFileSync(`${file}.head.purge`, 'utf8')).toBe(headOf(file));

    const verified = sop(['log', 'verify', '--data-dir', dir]);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stderr).toMatch(/a purge was interrupted after it had rewritten the journal; its new head \(2025-03\.jsonl\.head\.purge\) is checked in place of the old one/);
    expect(verified.stderr).toContain('Journal intact');
    const uk = sop(['log', 'verify', '--data-dir', dir, '--lang', 'uk']);
    expect(uk.status).toBe(0);
    expect(uk.stderr).toContain('purge перервано після того, як журнал уже було переписано');

    const dry = sop(['log', 'purge', '--older-than', '2000-01-01', '--dry-run', '--data-dir', dir]);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stderr).toContain('purge will put its new head in place');
    expect(readFileSync(`${file}.head`, 'utf8')).toBe(oldHead);

    const purged = sop(['log', 'purge', '--older-than', '2000-01-01', '--data-dir', dir]);
    expect(purged.status, purged.stderr).toBe(0);
    expect(purged.stderr).toContain(`${file}: finished a purge that was interrupted after it had rewritten the journal`);
    expect(readFileSync(`${file}.head`, 'utf8')).toBe(headOf(file));
    expect(leftovers(dir)).toEqual([]);
    expect(verifyJournal(dir, 'en')).toMatchObject({ breaks: [], notices: [] });
  });

  it('after the journal was emptied: the stale head goes, and verify passes meanwhile', async () => {
    const { dir, file } = await journal(undefined, '2025-03');
    // Emptied, the journal has no head: the crash comes as the old one is removed.
    purgeCrashingAtRename(dir, '2025-04-01T00:00:00Z', Number.POSITIVE_INFINITY, { rmSync: ((path: string, options?: nodeFs.RmOptions) => {
      if (path.endsWith('.head')) throw Object.assign(new Error('power cut'), { code: 'EIO' });
      nodeFs.rmSync(path, options);
    }) as typeof nodeFs.rmSync });
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(existsSync(`${file}.head`)).toBe(true);
    expect(verifyJournal(dir, 'en').breaks).toEqual([]);
    const purged = sop(['log', 'purge', '--older-than', '2000-01-01', '--data-dir', dir]);
    expect(purged.stderr).toContain('finished a purge');
    expect(existsSync(`${file}.head`)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
    expect(verifyJournal(dir, 'en')).toMatchObject({ breaks: [], notices: [] });
  });

  it('before the journal was replaced: the journal is as it was; the next purge removes the leftovers, says so, and purges', async () => {
    const { dir, file } = await journal(undefined, '2025-03');
    const old = readFileSync(file);
    // A crash runs no clean-up: the temp journal and the pending head stay.
    purgeCrashingAtRename(dir, '2025-03-15T00:00:00Z', 1, { rmSync: (() => {}) as typeof nodeFs.rmSync });
    expect(readFileSync(file).equals(old)).toBe(true);
    expect(leftovers(dir).sort()).toEqual([`.2025-03.jsonl.purge-${process.pid}.tmp`, '2025-03.jsonl.head.purge']);
    const verified = verifyJournal(dir, 'en');
    expect(verified.breaks).toEqual([]);
    expect(verified.notices.join('\n')).toContain('a purge was interrupted before it replaced the journal, which is as it was');

    const purged = sop(['log', 'purge', '--older-than', '2025-03-15', '--data-dir', dir]);
    expect(purged.status, purged.stderr).toBe(0);
    expect(purged.stderr).toContain(`${file}: a purge was interrupted before it replaced the journal, which is as it was; removed what it left (2025-03.jsonl.head.purge, .2025-03.jsonl.purge-${process.pid}.tmp)`);
    expect(readJournal(dir, 'live').sessions).toHaveLength(1);
    expect(leftovers(dir)).toEqual([]);
    expect(verifyJournal(dir, 'en')).toMatchObject({ breaks: [], notices: [] });
  });

  it('sop run into that file puts the pending head in place first and says so (no head-mismatch kept)', async () => {
    // Sessions in this month, so that the call below is recorded into the same file.
    const now = Date.now();
    const monthStart = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1);
    const start = Math.max(now - 120_000, monthStart);
    const dir = tempDir();
    await writeSensitiveSession(dir, 'old', { extra: clock(new Date(start).toISOString()) });
    const { file, sessionId } = await writeSensitiveSession(dir, 'kept', { extra: clock(new Date(start + 60_000).toISOString()) });
    purgeCrashingAtRename(dir, new Date(start + 30_000).toISOString(), 2);
    expect(existsSync(`${file}.head.purge`)).toBe(true);

    const answers = 'summary: continue\nnext-steps: thinking-it-over\nsafety-reminder: continue\nhow-to-call-back: continue\ncall-coding/region: unknown\ncall-coding/age-group: unknown\ncall-coding/gender: unknown\n';
    const run = sop(['run', 'closing', '--answers', '-', '--data-dir', dir, '--sops', join(ROOT, 'sops')], answers);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${file}: finished a purge that was interrupted after it had rewritten the journal`);
    expect(leftovers(dir)).toEqual([]);
    expect(readJournal(dir, 'live').sessions.map((s) => s.id)[0]).toBe(sessionId);
    expect(readJournal(dir, 'live').sessions).toHaveLength(2);
    expect(verifyJournal(dir, 'en')).toMatchObject({ breaks: [], notices: [] });
  });
});
