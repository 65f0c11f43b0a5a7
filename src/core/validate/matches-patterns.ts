/**
 * The literal patterns of the `matches("…")` calls in a CEL condition (`s.matches("(a+)+")`,
 * `matches(s, '(a+)+')`), for the validator to check with the linear-time matcher (SOP206).
 */
export interface MatchesPattern {
  /** The pattern, its string literal decoded. */
  readonly pattern: string;
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

export function matchesPatternsIn(condition: string): MatchesPattern[] {
  const call = /\bmatches\(\s*(?:[^,()"']*,\s*)?("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/g;
  const found: MatchesPattern[] = [];
  for (let match = call.exec(condition); match !== null; match = call.exec(condition)) {
    const literal = match[1]!;
    found.push({ pattern: decode(literal), offset: match.index + match[0].length - literal.length });
  }
  return found;
}
