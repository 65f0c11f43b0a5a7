/**
 * How a pattern is matched — an input's `pattern` (anchored to the whole answer) and a condition's
 * `matches()` (anywhere in the string): through RE2 (re2js, pure JavaScript), whose matching time is
 * linear in the answer's length whatever the pattern, so no answer can freeze a call. The pattern is
 * written in JavaScript syntax: it must compile as a JavaScript regular expression (with the `u` flag,
 * or without it for a pattern valid only so), and is then translated to RE2's syntax. What RE2
 * cannot run in linear time — back-references, lookahead, lookbehind — throws `UnsupportedPattern`:
 * `sop validate` (SOP206) reports it, and the runner matches nothing with it. The engine and the
 * validator both compile with this, so the two cannot disagree.
 */
import { RE2JS } from 're2js';

export interface PatternMatcher {
  test(text: string): boolean;
}

/** A valid JavaScript pattern that RE2 cannot express (back-reference, lookaround...). */
export class UnsupportedPattern extends Error {
  override readonly name = 'UnsupportedPattern';
}

function javascriptSyntax(pattern: string): void {
  try {
    new RegExp(pattern, 'u');
  } catch (unicodeError) {
    try {
      new RegExp(pattern);
    } catch {
      throw unicodeError;
    }
  }
}

function re2(pattern: string, anchored: boolean): PatternMatcher {
  javascriptSyntax(pattern);
  let compiled: RE2JS;
  try {
    const translated = RE2JS.translateRegExp(pattern);
    compiled = RE2JS.compile(anchored ? `^(?:${translated})$` : translated);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    throw new UnsupportedPattern(reason);
  }
  return anchored ? { test: (text) => compiled.testExact(text) } : { test: (text) => compiled.test(text) };
}

/** An input's pattern, matched against the whole answer. */
export function inputPattern(pattern: string): PatternMatcher {
  return re2(pattern, true);
}

/** A condition's `matches()` pattern, matched anywhere in the string (CEL's semantics). */
export function searchPattern(pattern: string): PatternMatcher {
  return re2(pattern, false);
}
