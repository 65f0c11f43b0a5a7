/**
 * The supervisor's public key configured on this machine (config key `public_key`): its path,
 * resolved like the other paths of the config file (`~`, relative to the file's folder), the key
 * and its fingerprint.
 */
import type { KeyObject } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Config } from '../config/load-config.js';
import type { UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
import { exposedPaths, exposureWarning } from './check-exposure.js';
import { keyId, readPublicKey, showFingerprint } from './keys.js';
import { createSealer, type Sealer } from './seal.js';

function publicKeyPath(config: Pick<Config, 'publicKey' | 'configFile'>, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = config.publicKey;
  if (path === undefined || path === '') return undefined;
  if (path === '~' || path.startsWith('~/')) return join(env['HOME'] || homedir(), path.slice(1));
  return isAbsolute(path) ? path : resolve(dirname(config.configFile), path);
}

export type ConfiguredKey =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly path: string; readonly key: KeyObject; readonly fingerprint: string }
  | { readonly kind: 'bad'; readonly path: string; readonly problem: string };

export function configuredKey(config: Pick<Config, 'publicKey' | 'configFile'>, lang: Lang): ConfiguredKey {
  const path = publicKeyPath(config);
  if (path === undefined) return { kind: 'none' };
  try {
    const key = readPublicKey(path, lang);
    return { kind: 'ok', path, key, fingerprint: showFingerprint(keyId(key)) };
  } catch (error) {
    return { kind: 'bad', path, problem: (error as UserError).message };
  }
}

/**
 * The sealer for a new recording, or undefined (redaction only). Also warns when the data dir or
 * its journals can be reached by other users (check-exposure.ts). A configured key that cannot be
 * read does not stop a call — protected content is then only redacted, never in clear — but the
 * counsellor is told, in both languages, to tell the supervisor.
 */
export function sessionSealer(
  config: Pick<Config, 'publicKey' | 'configFile' | 'lang'> & Partial<Pick<Config, 'dataDir'>>,
  warn: (text: string) => void = (text) => process.stderr.write(text),
): Sealer | undefined {
  // Before a recording starts: journals other users could read are worth a warning too.
  if (config.dataDir !== undefined) {
    const exposed = exposureWarning(exposedPaths(config.dataDir), config.lang);
    if (exposed) warn(exposed);
  }
  const found = configuredKey(config, config.lang);
  if (found.kind === 'ok') return createSealer(found.key);
  if (found.kind === 'bad') {
    warn(
      `sop: ${found.problem}\nsop: ${say(config.lang, {
        en: 'Sensitive answers and notes of this call are NOT kept for the supervisor (only "[redacted]"). Tell your supervisor the key is broken.',
        uk: 'Чутливі відповіді й нотатки цього дзвінка НЕ зберігаються для керівника (лише «[redacted]»). Повідомте керівника, що ключ пошкоджено.',
      })}\n`,
    );
  }
  return undefined;
}
