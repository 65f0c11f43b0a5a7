/**
 * One CEL environment per variable declaration set (that is, per SOP): each declared variable is
 * registered with its CEL type, so undeclared names and type mismatches are caught by `check`.
 */
import { Environment } from '@marcbachmann/cel-js';
import type { VariableDecl, VariableType } from '../model/sop.js';
import { celNameProblem } from './cel-name-problem.js';

export type VariableDecls = { readonly [name: string]: VariableDecl };

/** Our variable types in CEL: ints are CEL ints (BigInt at the boundary), lists are lists of strings. */
export const CEL_TYPE: { readonly [T in VariableType]: string } = {
  bool: 'bool',
  int: 'int',
  string: 'string',
  list: 'list<string>',
};

const environments = new WeakMap<VariableDecls, Environment>();

export function environmentFor(variables: VariableDecls): Environment {
  let env = environments.get(variables);
  if (env === undefined) {
    env = new Environment();
    for (const [name, decl] of Object.entries(variables)) {
      // A name CEL reserves is left out: a condition using it gets "Unknown variable", and the
      // validator reports the name itself (celNameProblem).
      if (celNameProblem(name) === undefined) env.registerVariable(name, CEL_TYPE[decl.type]);
    }
    environments.set(variables, env);
  }
  return env;
}
