/**
 * What sealing adds to journal lines (docs/security.md):
 *   "seal":   on the first line a writer records for a session (the session-start line of a new
 *             call; the first line after a resume): the session's content key, wrapped to the
 *             supervisor's public key.
 *   "sealed": on each protected line (sensitive answer or amendment, every note): the clear
 *             fields, encrypted with that content key. `k` is the seq of the line holding the key.
 * The clear fields themselves stay "[redacted]" with "redacted": true, so every reader that does
 * not hold the private key sees exactly what it saw before sealing existed.
 */

export const SEAL_ALG = 'X25519-HKDF-SHA256-A256GCM';

export interface SealKeyBlock {
  readonly alg: typeof SEAL_ALG;
  /** Key id of the supervisor's public key (16 hex digits). */
  readonly kid: string;
  /** The ephemeral X25519 public key (raw, base64). */
  readonly epk: string;
  /** Nonce of the key wrap (base64, 12 bytes). */
  readonly n: string;
  /** The wrapped 256-bit content key plus its GCM tag (base64, 48 bytes). */
  readonly w: string;
}

export interface SealedBlock {
  /** The seq of this session's line whose `seal` holds the content key. */
  readonly k: number;
  /** Nonce (base64, 12 bytes). */
  readonly n: string;
  /** Ciphertext plus GCM tag (base64). */
  readonly c: string;
}

/** Associated data of the key wrap: the content key belongs to this session only. */
export function wrapAad(session: string): Buffer {
  return Buffer.from(`sop-runner journal key v1|${session}`, 'utf8');
}

/** Associated data of a sealed value: it belongs to this session's line `seq` and key `k` only. */
export function valueAad(session: string, seq: number, k: number): Buffer {
  return Buffer.from(`sop-runner journal value v1|${session}|${seq}|${k}`, 'utf8');
}

export const HKDF_INFO = Buffer.from('sop-runner journal key wrap v1', 'utf8');
