/** The referral directory (`sops/directory.yaml`), as described by schemas/directory.schema.json. */
import type { Localized } from './sop.js';

export interface Contact {
  readonly name: Localized;
  readonly phone?: readonly string[];
  readonly hours?: Localized;
  /** Machine-readable opening hours; absent where they are not confirmed. */
  readonly open?: OpeningHours;
  readonly languages?: readonly string[];
  readonly region?: string;
  readonly services?: readonly string[];
  readonly free?: boolean;
  /** Whether the numbers can be dialled from a foreign network; absent = not known. */
  readonly reachable_from_abroad?: boolean;
  readonly notes?: Localized;
  /** ISO date (YYYY-MM-DD). */
  readonly last_verified: string;
  readonly source: Localized;
  /** What could not be confirmed; shown beside the contact. */
  readonly unverified?: Localized;
  /** How last_verified was done: a desk review of public sources, or a number actually dialled. */
  readonly verification?: 'desk-review' | 'dialled';
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface OpeningWindow {
  readonly days: readonly Weekday[];
  /** HH:MM, local to the hours' time zone. */
  readonly from: string;
  /** HH:MM (24:00 for midnight), later than from. */
  readonly to: string;
}

/** Always open, or weekly windows, in an IANA time zone. */
export interface OpeningHours {
  readonly timezone: string;
  readonly always?: true;
  readonly weekly?: readonly OpeningWindow[];
}

export interface Directory {
  readonly directory: string;
  readonly contacts: { readonly [id: string]: Contact };
}
