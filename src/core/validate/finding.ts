/**
 * A finding: one problem in one place. Plain data, sorted and printed by the shell's formats.
 * Lines and columns are 1-based; `rule` is a stable code (SOP104), `name` its stable name
 * (unknown-step). See rules.ts for the list and docs/sop-format.md for what each one means.
 */
export type Severity = 'error' | 'warning';

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly rule: string;
  readonly name: string;
  readonly severity: Severity;
  /** What is wrong and what to do, in one or two sentences. */
  readonly message: string;
  /** A suggestion: "did you mean ...?", or the allowed values. */
  readonly hint?: string;
}
