import type { Sop, Value } from '../model/sop.js';

type Vars = { readonly [name: string]: Value };

/**
 * The variables of a new frame: the SOP's declared defaults, then the given values (the root's
 * start options, or a call's `with`: callee variable <- caller variable, copied when the caller
 * has a value for it — set, or its own default).
 */
export function frameVars(sop: Sop, given?: Vars, withMap?: { readonly [callee: string]: string }, callerVars?: Vars): Vars {
  const vars: Record<string, Value> = {};
  const decls = sop.variables;
  if (decls !== undefined) {
    for (const name in decls) {
      const value = decls[name]!.default;
      if (value !== undefined) vars[name] = value;
    }
  }
  if (given !== undefined) Object.assign(vars, given);
  if (withMap !== undefined && callerVars !== undefined) {
    for (const callee in withMap) {
      const value = callerVars[withMap[callee]!];
      if (value !== undefined) vars[callee] = value;
    }
  }
  return vars;
}
