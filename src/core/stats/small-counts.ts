/**
 * The privacy rule for statistics: a count from 1 to 4 could point at a person, so output shows
 * it as "<5" (0 stays 0: it identifies no one). Times resting on fewer than 5 answers or calls
 * are not shown at all, for the same reason.
 */
const SMALL = 5;
export const HIDDEN = '<5';

export type Shown = number | typeof HIDDEN;

export function shownCount(count: number, raw = false): Shown {
  return !raw && count > 0 && count < SMALL ? HIDDEN : count;
}

/** Whether a median/percentile over `n` values may be shown. */
export function spreadShown(n: number, raw = false): boolean {
  return n > 0 && (raw || n >= SMALL);
}
