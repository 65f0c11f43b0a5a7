/** The figures `sop stats` reports, as plain data (exact counts; small ones are hidden on output). */

export interface Count {
  readonly key: string;
  readonly count: number;
}

export interface Spread {
  /** How many values the figures rest on. */
  readonly n: number;
  /** Median (the mean of the two middle values when n is even), rounded to whole ms; undefined when n = 0. */
  readonly medianMs?: number;
  /** 90th percentile by the nearest-rank method (the ⌈0.9·n⌉-th smallest value). */
  readonly p90Ms?: number;
}

export interface StepTime extends Spread {
  /** `sop-id/step-id`. */
  readonly step: string;
}

export interface Figures {
  readonly mode: 'live' | 'training';
  /** ISO dates (inclusive) the figures were limited to, as asked. */
  readonly since?: string;
  readonly until?: string;
  /** Start dates of the first and last call counted. */
  readonly first?: string;
  readonly last?: string;
  readonly calls: number;
  readonly completed: number;
  /** Calls that did not finish: stopped (quit, signal, error) or cut off without a word (crash). */
  readonly unfinished: number;
  /** Calls that were interrupted and then resumed to the end. */
  readonly resumed: number;
  readonly bySop: readonly Count[];
  /** Per `stat` dimension (call-type, caller-role, ...): the value each call's answer saved. */
  readonly byStat: { readonly [dimension: string]: readonly Count[] };
  /** `sop-id/outcome-id`, and "(unfinished)" for calls that did not finish. */
  readonly byOutcome: readonly Count[];
  /** By the outcome's category (emergency, referred, ...), when the library names the outcomes. */
  readonly byCategory: readonly Count[];
  /** Why unfinished calls stopped: quit, sigint, sighup, sigterm, error, or "crash" (no word). */
  readonly unfinishedBy: readonly Count[];
  /** Duration of completed calls. */
  readonly duration: Spread;
  /** Time from a step being shown to the answer given there, per step. */
  readonly stepTimes: readonly StepTime[];
  /** Amendments (answers changed after going back) per step: the steps that confuse. */
  readonly amendments: readonly Count[];
}

/** The bucket for calls whose answer to a statistics question is not recorded. */
export const NOT_RECORDED = '(not recorded)';
export const UNFINISHED = '(unfinished)';
export const CRASH = 'crash';
/** An outcome the library does not know (an SOP changed or removed since). */
export const UNKNOWN = '(unknown)';
