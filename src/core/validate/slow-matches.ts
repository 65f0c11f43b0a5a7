/**
 * A `matches("…")` in a CEL condition whose pattern repeats a group that itself repeats (see
 * nestedRepetition): evaluating it on some answers takes exponential time and freezes the call.
 * Only literal patterns are seen (`s.matches("(a+)+")`, `matches(s, '(a+)+')`).
 */
import { nestedRepetition } from './nested-repetition.js';

export interface SlowMatch {
  /** The repeated group, e.g. `(a+)+`. */
  readonly group: string;
  /** Offset of the pattern's string literal in the condition. */
  readonly offset: number;
}

function decode(literal: string): string {
  const inner = literal.slice(1, -1);
  try {
    return JSON.parse(`"${literal[0] === "'" ? inner.replace(/\\'/g, "'").replace(/"/g, '\\"') : inner}"`) as string;
  } catch {
    return inner;
  }
}

export function slowMatchesIn(condition: string): SlowMatch | undefined {
  const call = /\bmatches\(\s*(?:[^,()"']*,\s*)?("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/g;
  for (let match = call.exec(condition); match !== null; match = call.exec(condition)) {
    const literal = match[1]!;
    const group = nestedRepetition(decode(literal));
    if (group !== undefined) return { group, offset: match.index + match[0].length - literal.length };
  }
  return undefined;
}
