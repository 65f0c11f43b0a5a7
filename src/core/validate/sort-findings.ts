import type { Finding } from '../findings/finding.js';
import { say } from '../model/message.js';

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts findings by file, line, column, rule, message (in English): output is deterministic. Returns a new array. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compare(a.file, b.file) ||
      a.line - b.line ||
      a.col - b.col ||
      compare(a.rule, b.rule) ||
      compare(say('en', a.message), say('en', b.message)),
  );
}
