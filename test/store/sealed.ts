/** A call with a sealed answer and note (a supervisor's public key configured), through the real writer. */
import { createPublicKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSealer } from '../../src/shell/crypto/seal.js';
import { generateKeyPairPem } from '../../src/shell/crypto/keys.js';
import { openSessionWriter } from '../../src/shell/journal/writer.js';

export const SECRET = 'Olena Petrenko, Lviv';

export async function sealedCall(dataDir: string): Promise<{ session: string; keyFile: string }> {
  const pair = generateKeyPairPem();
  const keyFile = join(dataDir, 'supervisor.key');
  writeFileSync(keyFile, pair.privatePem, { mode: 0o600 });
  let ms = 0;
  const writer = await openSessionWriter({
    dataDir,
    mode: 'live',
    now: () => new Date(Date.parse('2026-11-03T10:00:00.000Z') + ms),
    monotonic: () => (ms += 1000),
    sealer: createSealer(createPublicKey(pair.publicPem)),
  });
  writer.append('session-start', { sop: 'first-contact', version: '1.0.0', files: [], operator: 'olena', lang: 'en', tool: 'test', mode: 'live' });
  writer.append('step-shown', { step: 'first-contact/name', kind: 'input' });
  writer.append('answer', { step: 'first-contact/name', answer: { kind: 'value', raw: SECRET }, value: SECRET, sensitive: true });
  writer.append('note', { step: 'first-contact/name', text: `${SECRET} (note)` });
  writer.append('call-ended', { outcome: 'first-contact/referred', referrals: [] });
  writer.append('session-end', { outcome: 'first-contact/referred', referrals: [], durationMs: 5000 });
  const session = writer.sessionId;
  writer.close();
  return { session, keyFile };
}
