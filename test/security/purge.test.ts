/** sop log purge: whole old sessions go, the rest is re-chained and verifies; crash-safe; never a live or broken file. */
import * as nodeFs from 'node:fs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endedAt, parseCutoff, purgeJournal } from '../../src/shell/commands/purge.js';
import { readPrivateKey } from '../../src/shell/crypto/keys.js';
import { createOpener } from '../../src/shell/crypto/unseal.js';
import { readJournal } from '../../src/shell/journal/reader.js';
import { verifyJournal } from '../../src/shell/journal/verify.js';
import type { JournalLine } from '../../src/core/record/journal-line.js';
import { openSessionWriter } from '../../src/shell/journal/writer.js';
import { clock, keyFiles, lines, startPayload, tempDir, writeSensitiveSession } from './helpers.js';

const DAY = 86_400_000;

/** Three completed sessions on 1, 10 and 20 November and one interrupted on 12 November, all in 2026-11.jsonl. */
async function journal(pub?: string): Promise<{ dir: string; file: string; ids: string[] }> {
  const dir = tempDir();
  const ids: string[] = [];
  let file = '';
  for (const [day, end] of [[1, true], [10, true], [12, false], [20, true]] as const) {
    const written = await writeSensitiveSession(dir, `secret-${day}`, { ...(pub ? { pub } : {}), end, extra: clock(`2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`) });
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

  it('a crash at any file-system step mid-purge leaves the old journal or the new one, and verify passes either way', async () => {
    const steps = ['writeSync', 'fsyncSync', 'renameSync'] as const;
    for (const step of steps) {
      for (let nth = 1; nth <= 3; nth++) {
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
        // The journal itself always verifies; a crash between the journal's rename and the
        // head's leaves the head behind, which verify reports (documented).
        const breaks = verifyJournal(dir, 'en').breaks;
        expect(breaks.filter((b) => b.kind !== 'edited' && b.kind !== 'truncated'), `${step} #${nth}`).toEqual([]);
        if (now.equals(old)) expect(breaks, `${step} #${nth}`).toEqual([]);
        // No temp file is left where it could be mistaken for a journal.
        expect(nodeFs.readdirSync(`${dir}/journal/calls`).filter((n) => n.endsWith('.jsonl'))).toEqual(['2026-11.jsonl']);
      }
    }
  });

  it('endedAt: session-end when completed, else the last line', async () => {
    const { dir } = await journal();
    const sessions = readJournal(dir, 'live').sessions;
    expect(sessions.map((s) => new Date(endedAt(s)).getUTCDate())).toEqual([1, 10, 12, 20]);
  });
});
