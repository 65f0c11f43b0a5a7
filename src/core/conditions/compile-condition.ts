/**
 * Compiles a `when` expression once into an evaluator over a frame's variables. Compiled
 * conditions are cached per declaration set (per SOP) and expression, so evaluating a
 * transition never re-parses.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import type { Value } from '../model/sop.js';
import { celNameProblem } from './cel-name-problem.js';
import { checkCondition } from './check-condition.js';
import { CONDITION_BUDGET, conditionCost, type SizeBounds } from './condition-cost.js';
import { environmentFor, LINEAR_MATCHES, type VariableDecls } from './environment-for.js';
import { valueBounds } from './size-bounds.js';
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
  const env = environmentFor(decls);
  const written = env.parse(expr).ast;
  const program = env.parse(linearMatchesIn(expr, written));
  const contextOf = contextBuilder(decls);

  const compiled: CompiledCondition = {
    expr,
    evaluate(vars) {
      // The backstop: sop validate bounded the cost by the sizes the SOP admits; should a value
      // be larger (a journal resumed, a caller's list), the condition is not started.
      const cost = conditionCost(written, valueBounds(vars));
      if (cost > CONDITION_BUDGET) {
        throw new ConditionError(expr, 'evaluation', `the condition would cost about ${cost} units of work on these values (the budget is ${CONDITION_BUDGET})`);
      }
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

/** The estimated cost of a condition (see conditionCost) given bounds on its variables' sizes. */
export function estimateConditionCost(expr: string, variables: VariableDecls | undefined, bounds: SizeBounds): number {
  return conditionCost(environmentFor(variables ?? NO_VARIABLES).parse(expr).ast, bounds);
}

/** The condition with every `.matches(` call renamed to the linear-time matcher (see LINEAR_MATCHES). */
function linearMatchesIn(expr: string, ast: ASTNode): string {
  const at: number[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const { op, args } = node as ASTNode;
    if (op === undefined) return;
    if (op === 'rcall') {
      const [name, receiver] = args as [string, ASTNode, ASTNode[]];
      if (name === 'matches') {
        const offset = expr.indexOf('matches', receiver.end);
        if (offset >= 0) at.push(offset);
      }
    }
    visit(args);
  };
  visit(ast);
  let rewritten = expr;
  for (const offset of at.sort((a, b) => b - a)) rewritten = rewritten.slice(0, offset) + LINEAR_MATCHES + rewritten.slice(offset + 'matches'.length);
  return rewritten;
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
