/**
 * Compiles a `when` expression once into an evaluator over a frame's variables. Compiled
 * conditions are cached per declaration set (per SOP) and expression, so evaluating a
 * transition never re-parses.
 */
import type { Value } from '../model/sop.js';
import { checkCondition } from './check-condition.js';
import { environmentFor, type VariableDecls } from './environment-for.js';
import { fallbackValue } from './zero-value.js';

export interface CompiledCondition {
  readonly expr: string;
  /** Evaluates over the variables set so far; unset ones take their default or zero value. */
  evaluate(vars: { readonly [name: string]: Value }): boolean;
}

/** A condition that cannot be compiled (syntax/type error) or failed while evaluating. */
export class ConditionError extends Error {
  override readonly name = 'ConditionError';
  constructor(
    readonly expr: string,
    readonly kind: 'syntax' | 'type' | 'evaluation',
    message: string,
    readonly offset?: number,
  ) {
    super(message);
  }
}

const NO_VARIABLES: VariableDecls = Object.freeze({});
const cache = new WeakMap<VariableDecls, Map<string, CompiledCondition>>();

export function compileCondition(expr: string, variables: VariableDecls | undefined): CompiledCondition {
  const decls = variables ?? NO_VARIABLES;
  let perSop = cache.get(decls);
  if (perSop === undefined) cache.set(decls, (perSop = new Map()));
  const cached = perSop.get(expr);
  if (cached !== undefined) return cached;

  const checked = checkCondition(expr, decls);
  if (!checked.ok) throw new ConditionError(expr, checked.kind, checked.message, checked.offset);
  const program = environmentFor(decls).parse(expr);
  const names = Object.keys(decls);
  const types = names.map((name) => decls[name]!.type);
  const fallbacks = names.map((name) => toCel(fallbackValue(decls[name]!), decls[name]!.type === 'int'));

  const compiled: CompiledCondition = {
    expr,
    evaluate(vars) {
      const context: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) {
        const name = names[i]!;
        const value = vars[name];
        context[name] = value === undefined ? fallbacks[i] : toCel(value, types[i] === 'int');
      }
      let result: unknown;
      try {
        result = program(context);
      } catch (error) {
        const message = error instanceof Error ? ((error as { summary?: string }).summary ?? error.message) : String(error);
        throw new ConditionError(expr, 'evaluation', message);
      }
      if (typeof result !== 'boolean') throw new ConditionError(expr, 'evaluation', `the condition gave ${typeof result}, not bool`);
      return result;
    },
  };
  perSop.set(expr, compiled);
  return compiled;
}

/** Our values to CEL's: ints become BigInt (cel-js ints), the rest pass as they are. */
function toCel(value: Value, isInt: boolean): unknown {
  if (isInt && typeof value === 'number') {
    if (!Number.isSafeInteger(value)) return value; // a non-integer: CEL reports the type mismatch
    return BigInt(value);
  }
  return value;
}
