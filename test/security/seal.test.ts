/** Sealing through the real journal writer, and opening with the supervisor's private key. */
import { readFileSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JournalLine } from '../../src/core/record/journal-line.js';
import { readPrivateKey, readPublicKey } from '../../src/shell/crypto/keys.js';
import { createSealer } from '../../src/shell/crypto/seal.js';
import { createOpener, SealDamagedError, WrongKeyError } from '../../src/shell/crypto/unseal.js';
import { openSessionWriter } from '../../src/shell/journal/writer.js';
import { protect } from '../../src/shell/journal/protect.js';
import { readJournal } from '../../src/shell/journal/reader.js';
import { exportSession } from '../../src/shell/commands/export.js';
import { clock, keyFiles, lines, startPayload, tempDir, writeSensitiveSession } from './helpers.js';

const SECRET = 'CANARY-7f3k';

function openAll(file: string, keyPath: string): JournalLine[] {
  const opener = createOpener(readPrivateKey(keyPath, 'en'), 'en');
  return lines(file).map((line, i) => opener.open(line as unknown as JournalLine, { file, line: i + 1 }));
}

describe('sealing protected content', () => {
  it('without a key: redacted, nothing sealed, nothing in clear', async () => {
    const dir = tempDir();
    const { file } = await writeSensitiveSession(dir, SECRET);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('abroad');
    expect(text).not.toContain('"sealed"');
    expect(text).not.toContain('"seal"');
  });

  it('with a key: the file holds no clear text; the private key restores every value exactly', async () => {
    const keys = keyFiles();
    const dir = tempDir();
    const { file, sessionId } = await writeSensitiveSession(dir, SECRET, { pub: keys.pub });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('abroad');
    const written = lines(file);
    expect(written[0]!['seal']).toMatchObject({ alg: 'X25519-HKDF-SHA256-A256GCM' });
    expect(written.filter((line) => line['seal'] !== undefined)).toHaveLength(1);
    // Readers without the key see the redacted line exactly as before sealing existed.
    const name = written.find((line) => line['type'] === 'answer' && line['step'] === 'intake/name')!;
    expect(name).toMatchObject({ value: '[redacted]', answer: { kind: 'value', raw: '[redacted]' }, redacted: true });
    const opened = openAll(file, keys.key);
    expect(opened.every((line) => line.session === sessionId)).toBe(true);
    const byStep = opened.filter((line) => line.type === 'answer');
    expect(byStep.map((line) => line.type === 'answer' && line.value)).toEqual([`${SECRET} name`, 'abroad', 17]);
    expect(opened.find((line) => line.type === 'note')).toMatchObject({ text: `note ${SECRET}` });
    expect(opened.find((line) => line.type === 'amend')).toMatchObject({
      value: `${SECRET} amended`,
      answer: { kind: 'value', raw: `${SECRET} amended` },
      original: { value: `${SECRET} name`, sensitive: true },
    });
    expect(opened.some((line) => 'sealed' in line || 'seal' in line || 'redacted' in line)).toBe(false);
  });

  it('a resumed session gets a new content key on its first line; both parts open', async () => {
    const keys = keyFiles();
    const dir = tempDir();
    const { file, sessionId } = await writeSensitiveSession(dir, SECRET, { pub: keys.pub, end: false });
    const writer = await openSessionWriter({ dataDir: dir, mode: 'live', ...clock(), continueSession: sessionId, sealer: createSealer(readPublicKey(keys.pub, 'en')) });
    writer.appendEvents([{ type: 'note', step: 'intake/age', text: `after resume ${SECRET}` }]);
    writer.close();
    const written = lines(file);
    expect(written.filter((line) => line['seal'] !== undefined).map((line) => line['seq'])).toEqual([0, 7]);
    expect(openAll(file, keys.key).at(-1)).toMatchObject({ type: 'note', text: `after resume ${SECRET}` });
  });

  it('a write that failed and was retried carries the key again (the failed line was cut off)', async () => {
    const keys = keyFiles();
    const dir = tempDir();
    let fail = false;
    const writer = await openSessionWriter({
      dataDir: dir,
      mode: 'live',
      ...clock(),
      sealer: createSealer(readPublicKey(keys.pub, 'en')),
      fs: {
        writeSync: ((...args: Parameters<typeof nodeFs.writeSync>) => {
          if (fail) {
            fail = false;
            const error = new Error('no space') as NodeJS.ErrnoException;
            error.code = 'ENOSPC';
            throw error;
          }
          return (nodeFs.writeSync as (...a: unknown[]) => number)(...args);
        }) as typeof nodeFs.writeSync,
      },
    });
    fail = true;
    expect(() => writer.append('session-start', startPayload())).toThrow(/disk is full/);
    writer.append('session-start', startPayload());
    writer.appendEvents([{ type: 'note', step: 'intake/a', text: SECRET }]);
    writer.close();
    expect(openAll(writer.file, keys.key).at(-1)).toMatchObject({ text: SECRET });
  });

  it('a wrong private key: WrongKeyError naming the session and line (exit 2), no garbage', async () => {
    const keys = keyFiles();
    const other = keyFiles();
    const dir = tempDir();
    const { file, sessionId } = await writeSensitiveSession(dir, SECRET, { pub: keys.pub });
    let error: unknown;
    try {
      openAll(file, other.key);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WrongKeyError);
    expect((error as WrongKeyError).exitCode).toBe(2);
    expect((error as Error).message).toContain(`${file}:1`);
    expect((error as Error).message).toContain(sessionId);
  });

  it('a flipped byte of a ciphertext, a value moved to another line, a swapped content key: SealDamagedError (exit 1)', async () => {
    const keys = keyFiles();
    const dirA = tempDir();
    const dirB = tempDir();
    const a = await writeSensitiveSession(dirA, SECRET, { pub: keys.pub });
    const b = await writeSensitiveSession(dirB, SECRET, { pub: keys.pub });
    const mutate = (change: (rows: Record<string, unknown>[]) => void): string => {
      const rows = lines(a.file);
      change(rows);
      const out = `${tempDir()}/x.jsonl`;
      writeFileSync(out, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
      return out;
    };
    const sealedRows = (rows: Record<string, unknown>[]) => rows.filter((row) => row['sealed'] !== undefined) as { sealed: { c: string; n: string } }[];
    const flipped = mutate((rows) => {
      const target = sealedRows(rows)[1]!;
      const bytes = Buffer.from(target.sealed.c, 'base64');
      bytes[3] = bytes[3]! ^ 0x01;
      target.sealed.c = bytes.toString('base64');
    });
    const moved = mutate((rows) => {
      const [first, second] = sealedRows(rows);
      [first!.sealed, second!.sealed] = [second!.sealed, first!.sealed];
    });
    const swapped = mutate((rows) => {
      rows[0]!['seal'] = lines(b.file)[0]!['seal'];
    });
    for (const file of [flipped, moved, swapped]) {
      let error: unknown;
      try {
        openAll(file, keys.key);
      } catch (caught) {
        error = caught;
      }
      expect(error, file).toBeInstanceOf(SealDamagedError);
      expect((error as SealDamagedError).exitCode).toBe(1);
      expect((error as Error).message).toMatch(new RegExp(`x\\.jsonl:\\d+: session ${a.sessionId}, seq \\d+`));
    }
  });

  it('sop log export drops the sealed values (only the wrapped key stays, which opens nothing alone)', async () => {
    const keys = keyFiles();
    const dir = tempDir();
    await writeSensitiveSession(dir, SECRET, { pub: keys.pub });
    const [session] = readJournal(dir, 'live').sessions;
    const exported = exportSession(session!);
    expect(exported).not.toContain('"sealed"');
    expect(exported).not.toContain(SECRET);
    expect(exported.split('\n').filter((line) => line.includes('"seal"'))).toHaveLength(1);
  });

  it("the branch taken at a sensitive step is protected with the answer (its condition may test the answer); elsewhere it stays", async () => {
    const keys = keyFiles();
    const dir = tempDir();
    const writer = await openSessionWriter({ dataDir: dir, mode: 'live', ...clock(), sealer: createSealer(readPublicKey(keys.pub, 'en')) });
    writer.append('session-start', startPayload());
    writer.appendEvents([
      { type: 'answer', step: 'intake/age', answer: { kind: 'value', raw: '15' }, value: 15, sensitive: true, branch: 1 },
      { type: 'answer', step: 'intake/signs', answer: { kind: 'checked', options: [] }, value: [], sensitive: false, branch: 2 },
    ]);
    writer.close();
    const [age, signs] = lines(writer.file).filter((line) => line['type'] === 'answer');
    expect(age).not.toHaveProperty('branch');
    expect(signs).toMatchObject({ branch: 2 });
    const opened = openAll(writer.file, keys.key).filter((line) => line.type === 'answer');
    expect(opened.map((line) => (line.type === 'answer' ? [line.value, line.branch] : []))).toEqual([[15, 1], [[], 2]]);
  });

  it('protect() used without a sealer (export, map) only redacts and drops any sealed content', () => {
    const event = { type: 'note', step: 'a/b', text: 'x', sealed: { k: 0, n: '', c: '' } } as never;
    expect(protect(event)).toEqual({ type: 'note', step: 'a/b', text: '[redacted]', redacted: true });
    expect([event].map(protect)[0]).not.toHaveProperty('sealed');
    const amend = { type: 'amend', step: 'a/b', answer: { kind: 'option', option: 'x' }, value: 'x', sensitive: true, branch: 0, original: { step: 'a/b', answer: { kind: 'option', option: 'y' }, value: 'y', sensitive: true } } as never;
    expect(protect(amend)).not.toHaveProperty('branch');
  });
});
