/**
 * Parses and checks what was typed at an `input` step, per its spec. The text is trimmed.
 *   int: optional sign and digits, a safe integer, within min/max;
 *   string: at most maxLength characters (DEFAULT_MAX_LENGTH without one), matching `pattern` as a whole;
 *   bool: yes/no/true/false/так/ні (any case).
 * Empty: `null` when the input is optional (the variable is left unset), else refused.
 */
import type { InputSpec } from '../model/sop.js';
import { DEFAULT_MAX_LENGTH } from '../conditions/condition-cost.js';
import { inputPattern, type PatternMatcher } from '../conditions/input-pattern.js';
import { refuse } from './refusals.js';
import type { Refusal } from './types.js';

export type ParsedInput = { readonly ok: true; readonly value: number | string | boolean | null } | { readonly ok: false; readonly refusal: Refusal };

const TRUE = new Set(['yes', 'true', 'так']);
const FALSE = new Set(['no', 'false', 'ні']);
const patterns = new Map<string, PatternMatcher>();
const MATCHES_NOTHING: PatternMatcher = { test: () => false };

export function parseInput(spec: InputSpec, raw: string): ParsedInput {
  const text = raw.trim();
  if (text === '') return spec.optional === true ? { ok: true, value: null } : { ok: false, refusal: refuse.required() };
  switch (spec.type) {
    case 'int': {
      if (!/^[+-]?\d+$/.test(text)) return { ok: false, refusal: refuse.notAnInt(text) };
      const value = Number(text);
      if (!Number.isSafeInteger(value)) return { ok: false, refusal: refuse.outOfRange(value, spec.min, spec.max ?? Number.MAX_SAFE_INTEGER) };
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        return { ok: false, refusal: refuse.outOfRange(value, spec.min, spec.max) };
      }
      return { ok: true, value };
    }
    case 'bool': {
      const word = text.toLowerCase();
      if (TRUE.has(word)) return { ok: true, value: true };
      if (FALSE.has(word)) return { ok: true, value: false };
      return { ok: false, refusal: refuse.notABool(text) };
    }
    case 'string': {
      // Without a maxLength, DEFAULT_MAX_LENGTH: the bound the condition cost estimate assumes.
      const maxLength = spec.maxLength ?? DEFAULT_MAX_LENGTH;
      if (text.length > maxLength) {
        const length = [...text].length;
        if (length > maxLength) return { ok: false, refusal: refuse.tooLong(length, maxLength) };
      }
      if (spec.pattern !== undefined && !wholeMatch(spec.pattern).test(text)) return { ok: false, refusal: refuse.patternMismatch(spec.pattern) };
      return { ok: true, value: text };
    }
  }
}

function wholeMatch(pattern: string): PatternMatcher {
  let regex = patterns.get(pattern);
  if (regex === undefined) {
    try {
      regex = inputPattern(pattern);
    } catch {
      regex = MATCHES_NOTHING; // an invalid or unsupported pattern (sop validate reports it)
    }
    patterns.set(pattern, regex);
  }
  return regex;
}
