/**
 * The supervisor's X25519 key pair (node:crypto, PEM files): the public key goes on counsellors'
 * machines (config `public_key`), the private key stays with the supervisor. A key is named by a
 * short fingerprint: the first 16 hex digits of the SHA-256 of its raw 32 public bytes.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { KEY_FILE_LIMIT, readFileCapped } from '../stdin.js';
import { EXIT, UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';

export interface KeyPairPem {
  readonly publicPem: string;
  readonly privatePem: string;
}

export function generateKeyPairPem(): KeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The 32 raw bytes of an X25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(String(jwk.x), 'base64url');
}

/** X25519 public key from its 32 raw bytes. */
export function publicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

/** The key id stored with sealed data: 16 hex digits. */
export function keyId(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(publicKey)).digest('hex').slice(0, 16);
}

/** The key id in groups of four, for people: `3f9a 01bc 77de 2c40`. */
export function showFingerprint(id: string): string {
  return id.replace(/(.{4})(?=.)/g, '$1 ');
}

function readKeyFile(path: string, what: 'public' | 'private', lang: Lang): string {
  try {
    return readFileCapped(path, KEY_FILE_LIMIT).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(
      say(lang, {
        en: `cannot read the ${what} key ${path} (${code}). Check the path${what === 'public' ? ' (config key public_key)' : ' given with --key'}.`,
        uk: `не вдається прочитати ${what === 'public' ? 'публічний' : 'приватний'} ключ ${path} (${code}). Перевірте шлях${what === 'public' ? ' (ключ public_key у налаштуваннях)' : ' у --key'}.`,
      }),
      EXIT.usage,
    );
  }
}

function notAKey(path: string, what: 'public' | 'private', lang: Lang): UserError {
  return new UserError(
    say(lang, {
      en: `${path} is not an X25519 ${what} key in PEM form. Make a key pair with "sop keys generate".`,
      uk: `${path} — не ${what === 'public' ? 'публічний' : 'приватний'} ключ X25519 у форматі PEM. Створіть пару ключів командою "sop keys generate".`,
    }),
    EXIT.usage,
  );
}

/** Reads a PEM key file: an X25519 public or private key, or a clear error (exit 2). */
function readKey(path: string, what: 'public' | 'private', lang: Lang): KeyObject {
  const text = readKeyFile(path, what, lang);
  if (what === 'private' && text.includes('PUBLIC KEY')) {
    throw new UserError(
      say(lang, {
        en: `${path} is the PUBLIC key; --key needs the supervisor's PRIVATE key (supervisor.key.pem).`,
        uk: `${path} — це ПУБЛІЧНИЙ ключ; для --key потрібен ПРИВАТНИЙ ключ керівника (supervisor.key.pem).`,
      }),
      EXIT.usage,
    );
  }
  if (what === 'public' && text.includes('PRIVATE KEY')) {
    throw new UserError(
      say(lang, {
        en: `${path} is the supervisor's PRIVATE key: it must never be on a counsellor's machine. Configure supervisor.pub.pem as public_key, and move this file back to the supervisor.`,
        uk: `${path} — це ПРИВАТНИЙ ключ керівника: його не повинно бути на комп'ютері консультанта. Вкажіть у public_key файл supervisor.pub.pem, а цей файл поверніть керівникові.`,
      }),
      EXIT.usage,
    );
  }
  let key: KeyObject;
  try {
    key = what === 'public' ? createPublicKey(text) : createPrivateKey(text);
  } catch {
    throw notAKey(path, what, lang);
  }
  if (key.asymmetricKeyType !== 'x25519' || key.type !== what) throw notAKey(path, what, lang);
  return key;
}

export function readPublicKey(path: string, lang: Lang): KeyObject {
  return readKey(path, 'public', lang);
}

export function readPrivateKey(path: string, lang: Lang): KeyObject {
  return readKey(path, 'private', lang);
}
