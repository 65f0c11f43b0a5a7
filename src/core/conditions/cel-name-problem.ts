import { Environment } from '@marcbachmann/cel-js';

/** CEL words a variable can never be read through (literals and operators). */
const KEYWORDS = new Set(['true', 'false', 'null', 'in']);
/**
 * Names every JavaScript object already has, the only two a variable name can spell: an unset
 * `constructor` would read Object's function, and `__proto__` cannot be stored at all.
 */
const INHERITED = new Set(['constructor', '__proto__']);
const problems = new Map<string, string | undefined>();

/**
 * Why a variable name cannot be used in CEL conditions, or undefined when it can: a CEL keyword
 * (`in`, `true`...), a reserved word (`as`, `package`...), a built-in type or function name
 * (`int`, `string`, `type`...), or a name every JavaScript object has (`constructor`). Such a
 * variable is left out of conditions (one that reads it does not check).
 */
export function celNameProblem(name: string): string | undefined {
  if (problems.has(name)) return problems.get(name);
  let problem: string | undefined;
  if (KEYWORDS.has(name)) problem = `"${name}" is a CEL keyword, so conditions cannot read a variable of that name; rename the variable`;
  else if (INHERITED.has(name)) problem = `"${name}" is a name every object has in the runner, so conditions cannot read a variable of that name; rename the variable`;
  else {
    try {
      new Environment().registerVariable(name, 'bool');
    } catch {
      problem = `"${name}" is reserved in CEL (a type or a reserved word), so conditions cannot read a variable of that name; rename the variable`;
    }
  }
  problems.set(name, problem);
  return problem;
}
