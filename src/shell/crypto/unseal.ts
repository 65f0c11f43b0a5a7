/**
 * Opens sealed journal lines with the supervisor's private key: restores the clear fields that
 * protect() replaced by "[redacted]". Anything that does not open is an error naming the session
 * and line — never garbage: a key that is not the one the session was sealed to (WrongKeyError,
 * exit 2), a damaged or swapped content key or ciphertext (SealDamagedError, exit 1).
 */
import { createDecipheriv, diffieHellman, createPublicKey, type KeyObject } from 'node:crypto';
import type { JournalLine } from '../../core/record/journal-line.js';
import { EXIT, UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
import { SEAL_ALG, valueAad, wrapAad, type SealedBlock, type SealKeyBlock } from './format.js';
import { keyId, publicKeyFromRaw, rawPublicKey, showFingerprint } from './keys.js';
import { wrapKey } from './seal.js';

export class WrongKeyError extends UserError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'WrongKeyError';
  }
}

export class SealDamagedError extends UserError {
  constructor(message: string) {
    super(message, EXIT.findings);
    this.name = 'SealDamagedError';
  }
}

function gcmOpen(key: Buffer, nonce: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (nonce.length !== 12 || sealed.length < 16) throw new Error('bad sizes');
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
}

function b64(value: unknown): Buffer {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw new Error('not base64');
  return Buffer.from(value, 'base64');
}

export interface Opener {
  /** The line with its protected fields in clear (as the engine produced them), or the line itself. */
  open(line: JournalLine, where: LineWhere): JournalLine;
  readonly keyId: string;
}

/** Where a line is, for error messages. */
interface LineWhere {
  readonly file?: string;
  readonly line?: number;
}

export function createOpener(privateKey: KeyObject, lang: Lang): Opener {
  const publicKey = createPublicKey(privateKey);
  const myRaw = rawPublicKey(publicKey);
  const myId = keyId(publicKey);
  /** Content keys by session and the seq of the line carrying them. */
  const contentKeys = new Map<string, Buffer>();
  const at = (session: string, seq: number, where: LineWhere): string =>
    `${where.file ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : ''}${say(lang, { en: 'session', uk: 'сесія' })} ${session}, seq ${seq}`;
  const damaged = (session: string, seq: number, where: LineWhere, en: string, uk: string): SealDamagedError =>
    new SealDamagedError(`${at(session, seq, where)}: ${say(lang, { en, uk })}`);

  const unwrap = (line: JournalLine, block: SealKeyBlock, where: LineWhere): Buffer => {
    if (block.alg !== SEAL_ALG) {
      throw damaged(line.session, line.seq, where, `unknown sealing "${String(block.alg)}"`, `невідомий спосіб шифрування «${String(block.alg)}»`);
    }
    if (block.kid !== myId) {
      throw new WrongKeyError(
        `${at(line.session, line.seq, where)}: ${say(lang, {
          en: `sealed to the key ${showFingerprint(String(block.kid))}, but the key given is ${showFingerprint(myId)}. Use the private key that matches the public key configured on the counsellor's machine (sop config shows its fingerprint).`,
          uk: `зашифровано для ключа ${showFingerprint(String(block.kid))}, а наданий ключ — ${showFingerprint(myId)}. Використайте приватний ключ, що відповідає публічному ключу на комп'ютері консультанта (його відбиток показує sop config).`,
        })}`,
      );
    }
    try {
      const epkRaw = b64(block.epk);
      const shared = diffieHellman({ privateKey, publicKey: publicKeyFromRaw(epkRaw) });
      const kek = wrapKey(shared, epkRaw, myRaw);
      const key = gcmOpen(kek, b64(block.n), b64(block.w), wrapAad(line.session));
      if (key.length !== 32) throw new Error('bad key size');
      return key;
    } catch {
      throw damaged(
        line.session,
        line.seq,
        where,
        "the session's content key cannot be opened: it was damaged, or copied from another session",
        'ключ вмісту сесії не вдається відкрити: його пошкоджено або скопійовано з іншої сесії',
      );
    }
  };

  return {
    keyId: myId,
    open(line, where) {
      const record = line as JournalLine & { seal?: SealKeyBlock; sealed?: SealedBlock };
      if (record.seal !== undefined) contentKeys.set(`${line.session}\n${line.seq}`, unwrap(line, record.seal, where));
      if (record.sealed === undefined) {
        if (record.seal === undefined) return line;
        const { seal: _seal, ...rest } = record;
        return rest as JournalLine;
      }
      const sealed = record.sealed;
      const key = typeof sealed.k === 'number' ? contentKeys.get(`${line.session}\n${sealed.k}`) : undefined;
      if (key === undefined) {
        throw damaged(
          line.session,
          line.seq,
          where,
          `the line holding its content key (seq ${String(sealed.k)}) is missing`,
          `рядка з ключем вмісту (seq ${String(sealed.k)}) немає`,
        );
      }
      let clear: Record<string, unknown>;
      try {
        clear = JSON.parse(gcmOpen(key, b64(sealed.n), b64(sealed.c), valueAad(line.session, line.seq, sealed.k)).toString('utf8')) as Record<string, unknown>;
      } catch {
        throw damaged(
          line.session,
          line.seq,
          where,
          'a sealed value cannot be opened: it was damaged, or moved from another line or session',
          'зашифроване значення не вдається відкрити: його пошкоджено або перенесено з іншого рядка чи сесії',
        );
      }
      const { seal: _seal, sealed: _sealed, redacted: _redacted, ...rest } = record;
      return restore(rest as JournalLine, clear);
    },
  };
}

/** Puts the clear fields back where protect() took them from. */
function restore(line: JournalLine, clear: Record<string, unknown>): JournalLine {
  switch (line.type) {
    case 'note':
      return { ...line, text: clear['text'] } as JournalLine;
    case 'answer':
      return { ...line, answer: clear['answer'], value: clear['value'], ...branchOf(clear) } as JournalLine;
    case 'amend': {
      const original = clear['original'] as Record<string, unknown> | undefined;
      return { ...line, answer: clear['answer'], value: clear['value'], original: { ...line.original, ...original }, ...branchOf(clear) } as JournalLine;
    }
    default:
      return line;
  }
}

/** The branch taken at a sensitive step, sealed with its answer (lines sealed before it existed have none). */
function branchOf(clear: Record<string, unknown>): { branch?: unknown } {
  return clear['branch'] === undefined ? {} : { branch: clear['branch'] };
}
