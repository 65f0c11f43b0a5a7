/**
 * One CEL environment per variable declaration set (that is, per SOP): each declared variable is
 * registered with its CEL type, so undeclared names and type mismatches are caught by `check`.
 */
import { Environment } from '@marcbachmann/cel-js';
import { searchPattern, type PatternMatcher } from './input-pattern.js';
import type { VariableDecl, VariableType } from '../model/sop.js';
import { celNameProblem } from './cel-name-problem.js';

export type VariableDecls = { readonly [name: string]: VariableDecl };

/** Our variable types in CEL: ints are CEL ints (BigInt at the boundary), lists are lists of strings. */
const CEL_TYPE: { readonly [T in VariableType]: string } = {
  bool: 'bool',
  int: 'int',
  string: 'string',
  list: 'list<string>',
};

const environments = new WeakMap<VariableDecls, Environment>();

/**
 * The name conditions' `matches()` is evaluated under: cel-js's own `matches` runs JavaScript's
 * backtracking RegExp (exponential on some patterns), and a built-in cannot be replaced, so
 * compileCondition rewrites each `.matches(` call to this function, which matches through RE2
 * (linear time). Checking (types, offsets) still runs on the condition as written.
 */
export const LINEAR_MATCHES = 'matches_linear_time';
const searchPatterns = new Map<string, PatternMatcher>();

function linearMatches(text: string, pattern: string): boolean {
  let matcher = searchPatterns.get(pattern);
  if (matcher === undefined) {
    matcher = searchPattern(pattern); // throws on an invalid or unsupported pattern: an evaluation error
    if (searchPatterns.size > 1000) searchPatterns.clear();
    searchPatterns.set(pattern, matcher);
  }
  return matcher.test(text);
}

export function environmentFor(variables: VariableDecls): Environment {
  let env = environments.get(variables);
  if (env === undefined) {
    env = new Environment();
    env.registerFunction(`string.${LINEAR_MATCHES}(string): bool`, linearMatches);
    for (const [name, decl] of Object.entries(variables)) {
      // A name CEL reserves is left out: a condition using it gets "Unknown variable", and the
      // validator reports the name itself (celNameProblem).
      if (celNameProblem(name) === undefined) env.registerVariable(name, CEL_TYPE[decl.type]);
    }
    environments.set(variables, env);
  }
  return env;
}
