import type { Value, VariableDecl, VariableType } from '../model/sop.js';

/** The zero value of each type: false, 0, '' or []. */
const ZERO: { readonly [T in VariableType]: Value } = { bool: false, int: 0, string: '', list: [] };

/**
 * The value a variable has when it was never set (a skipped question): its declared default,
 * else the zero value of its type. Conditions therefore never fail on an unset variable.
 */
export function fallbackValue(decl: VariableDecl): Value {
  return decl.default ?? ZERO[decl.type];
}
