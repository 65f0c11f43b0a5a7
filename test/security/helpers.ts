/** Shared by the security tests: temp dirs, a key pair on disk, and a session written through the real writer. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { generateKeyPairPem, readPublicKey } from '../../src/shell/crypto/keys.js';
import { createSealer } from '../../src/shell/crypto/seal.js';
import { openSessionWriter, type SessionWriterOptions } from '../../src/shell/journal/writer.js';
import { clock, startPayload } from '../journal/helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'sop-security-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export interface KeyFiles {
  readonly dir: string;
  readonly pub: string;
  readonly key: string;
}

export function keyFiles(): KeyFiles {
  const dir = tempDir('sop-keys-');
  const { publicPem, privatePem } = generateKeyPairPem();
  writeFileSync(join(dir, 'supervisor.pub.pem'), publicPem, { mode: 0o644 });
  writeFileSync(join(dir, 'supervisor.key.pem'), privatePem, { mode: 0o600 });
  return { dir, pub: join(dir, 'supervisor.pub.pem'), key: join(dir, 'supervisor.key.pem') };
}

export { clock, startPayload } from '../journal/helpers.js';

/** Writes one session with a sensitive typed answer, a sensitive option, an amendment and a note, all holding `secret`. */
export async function writeSensitiveSession(dataDir: string, secret: string, options: { pub?: string; extra?: Partial<SessionWriterOptions>; end?: boolean } = {}) {
  const sealer = options.pub ? createSealer(readPublicKey(options.pub, 'en')) : undefined;
  const writer = await openSessionWriter({ dataDir, mode: 'live', ...clock(), ...(sealer ? { sealer } : {}), ...options.extra });
  writer.append('session-start', startPayload());
  writer.appendEvents([
    { type: 'step-shown', step: 'intake/name', kind: 'input' },
    { type: 'answer', step: 'intake/name', answer: { kind: 'value', raw: `${secret} name` }, value: `${secret} name`, sensitive: true },
    { type: 'answer', step: 'intake/where', answer: { kind: 'option', option: 'abroad' }, value: 'abroad', sensitive: true },
    { type: 'answer', step: 'intake/age', answer: { kind: 'value', raw: '17' }, value: 17, sensitive: false },
    { type: 'note', step: 'intake/age', text: `note ${secret}` },
    {
      type: 'amend',
      step: 'intake/name',
      answer: { kind: 'value', raw: `${secret} amended` },
      value: `${secret} amended`,
      sensitive: true,
      original: { step: 'intake/name', answer: { kind: 'value', raw: `${secret} name` }, value: `${secret} name`, sensitive: true },
    },
  ]);
  if (options.end !== false) {
    writer.appendEvents([{ type: 'call-ended', outcome: 'intake/done', referrals: [] }]);
    writer.append('session-end', { outcome: 'intake/done', referrals: [], durationMs: 9000 });
  }
  writer.close();
  return { file: writer.file, sessionId: writer.sessionId };
}

export function lines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** mulberry32: a small seeded generator, so that a failing run can be replayed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The environment of a test home: HOME and the XDG dirs inside `dir`, PATH kept. */
export function homeEnv(dir: string): { PATH: string; HOME: string; XDG_CONFIG_HOME: string; XDG_DATA_HOME: string; XDG_CACHE_HOME: string } {
  return { PATH: process.env['PATH'] ?? '', HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), XDG_CACHE_HOME: join(dir, 'cache') };
}
