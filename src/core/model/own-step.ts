import type { Contact, Directory } from './directory.js';
import type { Sop, Step } from './sop.js';

/**
 * Step `id` of the SOP, or undefined. Own steps only: a `next` naming a missing step
 * `constructor` must not find the function every JavaScript object inherits.
 */
export function ownStep(sop: Sop, id: string): Step | undefined {
  return ownEntry(sop.steps, id);
}

/** Contact `id` of the directory, or undefined; own entries only, as ownStep. */
export function ownContact(directory: Directory | undefined, id: string): Contact | undefined {
  return ownEntry(directory?.contacts, id);
}

/** The entry `key` of a record read from YAML, or undefined: own properties only. */
export function ownEntry<T>(record: { readonly [key: string]: T } | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
