/**
 * Checks a `when` expression against a SOP's declared variables, without evaluating it:
 * syntax errors, type errors (undeclared variable, `size(list) >= "2"`...) and a result that is
 * not bool. Used by the validator to report problems at file:line:col.
 */
import { environmentFor, type VariableDecls } from './environment-for.js';

export type ConditionCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly kind: 'syntax' | 'type'; readonly message: string; readonly offset?: number };

const NO_VARIABLES: VariableDecls = Object.freeze({});

export function checkCondition(expr: string, variables: VariableDecls | undefined): ConditionCheck {
  const env = environmentFor(variables ?? NO_VARIABLES);
  let result;
  try {
    result = env.check(expr);
  } catch (error) {
    // check() reports errors in its result; a throw is an unexpected parser failure.
    return { ok: false, kind: 'syntax', message: error instanceof Error ? firstLine(error.message) : String(error) };
  }
  if (!result.valid) {
    const error = result.error;
    const kind = error?.name === 'ParseError' ? 'syntax' : 'type';
    const message = error === undefined ? 'invalid expression' : (error.summary ?? firstLine(error.message));
    const offset = error?.range?.start;
    return offset === undefined ? { ok: false, kind, message } : { ok: false, kind, message, offset };
  }
  if (result.type !== 'bool') {
    return { ok: false, kind: 'type', message: `a condition must be bool, but this expression is ${result.type ?? 'unknown'}`, offset: 0 };
  }
  return { ok: true };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
