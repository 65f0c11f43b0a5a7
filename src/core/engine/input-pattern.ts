/**
 * How an input's `pattern` is compiled: anchored to the whole answer, with the `u` flag (so `.`
 * and lengths count Unicode characters), or without it for a pattern that is valid only so.
 * Throws the `u` attempt's SyntaxError when neither compiles. The engine matches answers with
 * it, and `sop validate` (SOP206) checks patterns with it, so the two cannot disagree.
 */
export function inputPattern(pattern: string): RegExp {
  const anchored = `^(?:${pattern})$`;
  try {
    return new RegExp(anchored, 'u');
  } catch (unicodeError) {
    try {
      return new RegExp(anchored);
    } catch {
      throw unicodeError;
    }
  }
}
