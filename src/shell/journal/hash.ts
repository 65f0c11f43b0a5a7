import { createHash } from 'node:crypto';

/** SHA-256 (hex) of a line's bytes, without its newline: what the next line's `prev` holds. */
export function lineHash(raw: Buffer | string): string {
  return createHash('sha256').update(raw).digest('hex');
}
