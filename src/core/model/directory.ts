/** The referral directory (`sops/directory.yaml`), as described by schemas/directory.schema.json. */
import type { Localized } from './sop.js';

export interface Contact {
  readonly name: Localized;
  readonly phone?: readonly string[];
  readonly hours?: Localized;
  readonly languages?: readonly string[];
  readonly region?: string;
  readonly services?: readonly string[];
  readonly free?: boolean;
  readonly notes?: Localized;
  /** ISO date (YYYY-MM-DD). */
  readonly last_verified: string;
  readonly source: string;
  /** What could not be confirmed; shown beside the contact. */
  readonly unverified?: string;
}

export interface Directory {
  readonly directory: string;
  readonly contacts: { readonly [id: string]: Contact };
}
