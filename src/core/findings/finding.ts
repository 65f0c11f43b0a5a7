/**
 * A finding: one problem in one place. Plain data, sorted and printed by the shell's formats.
 * Lines and columns are 1-based; `rule` is a stable code (SOP104), `name` its stable name
 * (unknown-step). See rules.ts for the list and docs/sop-format.md for what each one means.
 * The message and the hint are in both of the tool's languages; a format picks one with say().
 */
import type { Message } from '../model/message.js';

export type Severity = 'error' | 'warning';

/** Where another finding is: its file, position and rule (enough to find it in a sorted list). */
export interface FindingRef {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly rule: string;
}

/** A hint; a "did you mean" carries the word it would replace and its replacement (editors offer it as a fix). */
export type Hint = Message & {
  readonly fix?: { readonly from: string; readonly to: string };
};

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly rule: string;
  readonly name: string;
  readonly severity: Severity;
  /** What is wrong and what to do, in one or two sentences. */
  readonly message: Message;
  /** A suggestion: "did you mean ...?", or the allowed values. */
  readonly hint?: Hint;
  /**
   * The finding this one follows from (one mistyped next makes the steps after it unreachable):
   * the formats fold it under that root cause instead of listing it as a problem of its own.
   */
  readonly cause?: FindingRef;
  /** What the finding is about (a step id), for the one-line summary of folded findings. */
  readonly subject?: string;
}

export function refOf(finding: Finding): FindingRef {
  return { file: finding.file, line: finding.line, col: finding.col, rule: finding.rule };
}

export function sameRef(a: FindingRef, b: FindingRef): boolean {
  return a.file === b.file && a.line === b.line && a.col === b.col && a.rule === b.rule;
}
