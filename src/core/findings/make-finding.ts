import type { Message } from '../model/message.js';
import type { Position } from '../model/library.js';
import type { Finding, Hint } from './finding.js';
import type { Rule } from './rules.js';

/** Builds a finding for `rule` at `position` (line 1, col 1 when the position is unknown). */
export function makeFinding(
  rule: Rule,
  file: string,
  position: Position | undefined,
  message: Message,
  hint?: Hint,
): Finding {
  const finding: Finding = {
    file,
    line: position?.line ?? 1,
    col: position?.col ?? 1,
    rule: rule.code,
    name: rule.name,
    severity: rule.severity,
    message,
  };
  return hint === undefined ? finding : { ...finding, hint };
}
