/**
 * A line reaches the store byte for byte, by COPY (a real server) and by the array fallback (what
 * PGlite, the embedded server, gets; SOP_SYNC_COPY=0 elsewhere): unicode, backslashes, escaped
 * tabs and newlines, and raw tab and carriage-return bytes between JSON tokens; its hash chain then
 * verifies in the store (sop log verify --db).
 */
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSessionWriter } from '../../src/shell/journal/writer.js';
import { sopAsync } from './cli.js';
import { emptyDataDir } from './journal.js';
import { EMBEDDED, freshStore, sql, testServer, type TestServer } from './server.js';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});

const TRICKY = 'Олена \\ "Київ"\tвул.\nЛьвівська 🇺🇦 a\\tb\\\\n \u2028 \u0000 end';
const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** A call whose answer is TRICKY (written by the real writer), then a line with raw tab and CR bytes, chained by hand. */
async function trickyJournal(): Promise<{ dataDir: string; file: string }> {
  const dataDir = emptyDataDir();
  let ms = 0;
  const writer = await openSessionWriter({ dataDir, mode: 'live', now: () => new Date(Date.parse('2026-11-04T09:00:00.000Z') + ms), monotonic: () => (ms += 1000) });
  writer.append('session-start', { sop: 'first-contact', version: '1.0.0', files: [], operator: 'тестер', lang: 'uk', tool: 'test', mode: 'live' });
  writer.append('step-shown', { step: 'first-contact/city', kind: 'input' });
  writer.append('answer', { step: 'first-contact/city', answer: { kind: 'value', raw: TRICKY }, value: TRICKY, sensitive: false });
  writer.close();
  const file = join(dataDir, 'journal', 'calls', '2026-11.jsonl');
  const lines = readFileSync(file).toString('utf8').split('\n').filter(Boolean);
  const start = JSON.parse(lines[0]!) as Record<string, unknown>;
  const body: Record<string, unknown> = { ...start, session: '20261104-0901-tabs', seq: 0 };
  delete body['prev'];
  const json = JSON.stringify(body);
  const spaced = `{\t\r${json.slice(1, -1).replace(',"seq"', ',\t"seq"')},"prev":"${sha256(lines[lines.length - 1]!)}"}`;
  appendFileSync(file, `${spaced}\n`);
  return { dataDir, file };
}

describe('sop sync keeps every byte', () => {
  for (const path of ['COPY', 'arrays'] as const) {
    // PGlite's socket does not serve COPY FROM STDIN: on the embedded server sync always sends arrays.
    it.skipIf(EMBEDDED && path === 'COPY')(`by ${path}: each line stored byte for byte, its hash the file's, the chain verified in the store`, async () => {
      const url = await freshStore(server);
      expect((await sopAsync(['db', 'init', url])).code).toBe(0);
      const { dataDir, file } = await trickyJournal();
      const local = await sopAsync(['log', 'verify', '--data-dir', dataDir]);
      expect(local.code, local.stdout + local.stderr).toBe(0);
      const result = await sopAsync(['sync', '--db', url, '--data-dir', dataDir], path === 'arrays' ? { SOP_SYNC_COPY: '0' } : {});
      expect(result.stderr).toBe('sop sync: sent 4, already there 0, conflicts 0\n');
      const bytes = readFileSync(file);
      const expected = bytes.toString('utf8').split('\n').filter(Boolean);
      expect(expected[2]).toContain('\\\\ \\"Київ\\"\\tвул.\\nЛьвівська 🇺🇦 a\\\\tb\\\\\\\\n \\u2028 \\u0000 end');
      expect(expected[3]).toMatch(/^\{\t\r"v":1,/);
      const rows = await sql<{ raw: string; hash: string; body_hash: string }>(url, 'select raw, hash, body_hash from sop_lines order by session, seq');
      const stored = new Map(rows.map((row) => [row.hash, row] as const));
      for (const line of expected) {
        const row = stored.get(sha256(line));
        expect(row, line).toBeDefined();
        expect(Buffer.from(row!.raw, 'utf8').equals(Buffer.from(line, 'utf8'))).toBe(true);
        expect(row!.body_hash).toBe(sha256(line.slice(0, -75)));
      }
      expect(rows).toHaveLength(4);
      // jsonb cannot hold U+0000: the query copy has U+FFFD there, raw (above) the line's bytes.
      const [answer] = await sql<{ value: string }>(url, "select line->>'value' as value from sop_lines where line->>'type' = 'answer'");
      expect(answer!.value).toBe(TRICKY.replace('\u0000', '\ufffd'));
      const verify = await sopAsync(['log', 'verify', '--db', url]);
      expect(verify.code, verify.stdout + verify.stderr).toBe(0);
      // The same journal again, asked line by line: every line is the store's, byte for byte.
      const again = await sopAsync(['sync', '--db', url, '--data-dir', dataDir, '--full'], path === 'arrays' ? { SOP_SYNC_COPY: '0' } : {});
      expect(again.stderr).toBe('sop sync: sent 0, already there 4, conflicts 0\n');
    });
  }

  it('a line that is not valid UTF-8 is refused before it leaves, named, and nothing after it goes', async () => {
    const url = await freshStore(server);
    expect((await sopAsync(['db', 'init', url])).code).toBe(0);
    const { dataDir, file } = await trickyJournal();
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('Київ'));
    bytes[at] = 0xff; // no longer UTF-8 (the chain is broken too, but the bytes are what stop it here)
    writeFileSync(file, bytes);
    const result = await sopAsync(['sync', '--db', url, '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`sop sync: refused: ${file}:3 (session `);
    expect(result.stderr).toContain('not valid UTF-8');
    expect((await sql(url, 'select seq from sop_lines order by seq')).map((row) => row['seq'])).toEqual([0, 1]);
  });
});
