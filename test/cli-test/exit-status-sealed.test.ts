/**
 * The exit status a process really ends with, for the codes the help and docs/security.md
 * promise when a sealed value cannot be opened: 1 for a journal that was changed, 2 for a key
 * that is not the one the session was sealed to. (seal.test.ts checks the error objects.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyFiles, tempDir, writeSensitiveSession } from '../security/helpers.js';
import { sop } from './run-sop.js';

const SECRET = 'CANARY-exit';

function flipSealedByte(file: string): void {
  const rows = readFileSync(file, 'utf8').trimEnd().split('\n');
  const index = rows.findIndex((row) => row.includes('"sealed"'));
  const row = JSON.parse(rows[index]!) as { sealed: { c: string } };
  const bytes = Buffer.from(row.sealed.c, 'base64');
  bytes[3] = bytes[3]! ^ 0x01;
  row.sealed.c = bytes.toString('base64');
  rows[index] = JSON.stringify(row);
  writeFileSync(file, rows.join('\n') + '\n');
}

describe('exit status of log show and replay with --key', () => {
  it('a damaged sealed value: exit 1 for log show --key and replay --key, the secret never printed', async () => {
    const keys = keyFiles();
    const dataDir = tempDir();
    const { file, sessionId } = await writeSensitiveSession(dataDir, SECRET, { pub: keys.pub });
    flipSealedByte(file);
    for (const args of [['log', 'show', sessionId], ['replay', sessionId]]) {
      const result = sop([...args, '--key', keys.key, '--data-dir', dataDir]);
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toMatch(/sealed value cannot be opened/);
      expect(result.stdout + result.stderr).not.toContain(SECRET);
    }
  });

  it('the wrong key: exit 2', async () => {
    const keys = keyFiles();
    const other = keyFiles();
    const dataDir = tempDir();
    const { sessionId } = await writeSensitiveSession(dataDir, SECRET, { pub: keys.pub });
    const result = sop(['log', 'show', sessionId, '--key', other.key, '--data-dir', dataDir]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/sealed to the key/);
  });
});
