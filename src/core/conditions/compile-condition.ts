/**
 * Compiles a `when` expression once into an evaluator over a frame's variables. Compiled
 * conditions are cached per declaration set (per SOP) and expression, so evaluating a
 * transition never re-parses.
 */
import type { Value } from '../model/sop.js';
import { celNameProblem } from './cel-name-problem.js';
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
  const contextOf = contextBuilder(decls);

  const compiled: CompiledCondition = {
    expr,
    evaluate(vars) {
      let result: unknown;
      try {
        result = program(contextOf(vars));
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

type Vars = { readonly [name: string]: Value };
const builders = new WeakMap<VariableDecls, (vars: Vars) => Record<string, unknown>>();

/**
 * The CEL context of a frame's variables: every declared variable, unset ones at their default or
 * zero value. One builder per declaration set; it remembers the last variables object it saw, so
 * the conditions of one decide step (and of the following ones, until a variable changes) share
 * one context. Variables objects are never changed in place, so identity is enough.
 */
function contextBuilder(decls: VariableDecls): (vars: Vars) => Record<string, unknown> {
  let builder = builders.get(decls);
  if (builder !== undefined) return builder;
  const names = Object.keys(decls).filter((name) => celNameProblem(name) === undefined);
  const ints = names.map((name) => decls[name]!.type === 'int');
  const fallbacks = names.map((name, i) => toCel(fallbackValue(decls[name]!), ints[i]!));
  let lastVars: Vars | undefined;
  let lastContext: Record<string, unknown> = {};
  builder = (vars) => {
    if (vars === lastVars) return lastContext;
    const context: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const value = vars[name];
      context[name] = value === undefined ? fallbacks[i] : toCel(value, ints[i]!);
    }
    lastVars = vars;
    lastContext = context;
    return context;
  };
  builders.set(decls, builder);
  return builder;
}

/** Our values to CEL's: ints become BigInt (cel-js ints), the rest pass as they are. */
function toCel(value: Value, isInt: boolean): unknown {
  if (isInt && typeof value === 'number') {
    if (!Number.isSafeInteger(value)) return value; // a non-integer: CEL reports the type mismatch
    return BigInt(value);
  }
  return value;
}
