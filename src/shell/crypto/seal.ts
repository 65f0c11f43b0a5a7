/**
 * Sealing of one session's protected values (see format.ts). A fresh random 256-bit content key
 * per writer, AES-256-GCM with a random 96-bit nonce per sealed value and the session id + seq
 * as associated data; the content key is wrapped to the supervisor's X25519 public key with an
 * ephemeral key (ECDH), HKDF-SHA-256 and AES-256-GCM. The content key lives only in this object's
 * memory: nothing written on the counsellor's machine can open what it sealed.
 */
import { createCipheriv, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { HKDF_INFO, SEAL_ALG, valueAad, wrapAad, type SealedBlock, type SealKeyBlock } from './format.js';
import { keyId, rawPublicKey } from './keys.js';

export interface Sealer {
  /**
   * The key block to add to the line `seq` of `session`, or undefined when an earlier line of this
   * writer already carries it; `k` is the seq of the line that does.
   */
  keyFor(session: string, seq: number): { readonly block?: SealKeyBlock; readonly k: number };
  /** Encrypts `plaintext` for line `seq` of `session` (keyFor must have been asked first). */
  seal(session: string, seq: number, k: number, plaintext: string): SealedBlock;
}

function gcm(key: Buffer, nonce: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** The key-encryption key of a wrap: HKDF-SHA-256 over the X25519 shared secret. */
export function wrapKey(shared: Buffer, epkRaw: Buffer, recipientRaw: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epkRaw, recipientRaw]), HKDF_INFO, 32));
}

function wrapContentKey(recipient: KeyObject, contentKey: Buffer, session: string): SealKeyBlock {
  const ephemeral = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
  const epkRaw = rawPublicKey(ephemeral.publicKey);
  const kek = wrapKey(shared, epkRaw, rawPublicKey(recipient));
  const nonce = randomBytes(12);
  const wrapped = gcm(kek, nonce, contentKey, wrapAad(session));
  kek.fill(0);
  shared.fill(0);
  return { alg: SEAL_ALG, kid: keyId(recipient), epk: epkRaw.toString('base64'), n: nonce.toString('base64'), w: wrapped.toString('base64') };
}

export function createSealer(recipient: KeyObject): Sealer {
  const contentKey = randomBytes(32);
  let session: string | undefined;
  let block: SealKeyBlock | undefined;
  let keySeq: number | undefined;
  return {
    keyFor(id, seq) {
      if (session !== undefined && session !== id) throw new Error(`sealer of session ${session} asked for ${id}`);
      session = id;
      block ??= wrapContentKey(recipient, contentKey, id);
      // The first line of the writer carries the key; a retry after a failed write (same or an
      // earlier seq, the failed lines were cut off again) carries it again.
      if (keySeq === undefined || seq <= keySeq) {
        keySeq = seq;
        return { block, k: seq };
      }
      return { k: keySeq };
    },
    seal(id, seq, k, plaintext) {
      const nonce = randomBytes(12);
      const c = gcm(contentKey, nonce, Buffer.from(plaintext, 'utf8'), valueAad(id, seq, k));
      return { k, n: nonce.toString('base64'), c: c.toString('base64') };
    },
  };
}
