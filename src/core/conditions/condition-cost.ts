/**
 * A static upper bound on the work a condition can do, in the manner of Kubernetes' CEL cost
 * estimate: every node costs 1, a macro (`exists`, `all`, `exists_one`, `map`, `filter`) costs its
 * list's cost plus, per element, its body's; work over characters (`contains`, `matches`,
 * `split`, `+` of strings...) costs a fraction per character. Sizes come from bounds on the
 * variables: at validate time from the SOP (a checklist's list holds at most as many elements as
 * it has options; a string at most its input's maxLength, or DEFAULT_MAX_LENGTH), at run time
 * from the actual values — so a condition over budget is refused by `sop validate` (SOP208) and,
 * should a value ever exceed what the SOP admits, is never started (the run-time backstop).
 *
 * CONDITION_BUDGET is set so that a condition at the budget evaluates in a few milliseconds: no
 * condition may take more than 50 ms on any input the SOP admits.
 */
import type { ASTNode } from '@marcbachmann/cel-js';

/** Units of work a condition may cost (about one CEL node evaluation each). */
export const CONDITION_BUDGET = 100_000;
/** The longest string answer an input without `maxLength` admits (parseInput enforces it). */
export const DEFAULT_MAX_LENGTH = 10_000;
/** Elements of a list whose length the SOP does not bound (a list passed in by a `call`'s `with`). */
export const DEFAULT_LIST_LENGTH = 1_000;

/** Characters per unit for native string work, and for RE2 matching (slower per character). */
const CHARS_PER_UNIT = 100;
const MATCH_CHARS_PER_UNIT = 10;

/** The bound of a variable: a string's length, or a list's length and its elements' length. */
export interface SizeBound {
  /** Characters of a string; elements of a list; 0 for bool and int. */
  readonly length: number;
  /** Characters of a list's elements. */
  readonly element?: number;
}

export type SizeBounds = { readonly [name: string]: SizeBound };

interface Estimate {
  readonly cost: number;
  /** Characters (string), elements (list), 0 (scalar). */
  readonly length: number;
  readonly element: number;
}

const SCALAR: Estimate = { cost: 1, length: 0, element: 0 };
const MACROS = new Set(['exists', 'all', 'exists_one', 'existsOne', 'map', 'filter']);
const chars = (n: number, perUnit = CHARS_PER_UNIT): number => Math.ceil(n / perUnit);

/** The estimated cost of a parsed condition, given bounds on its variables. */
export function conditionCost(ast: ASTNode, bounds: SizeBounds): number {
  return estimate(ast, bounds, new Map()).cost;
}

function estimate(node: ASTNode, bounds: SizeBounds, locals: Map<string, SizeBound>): Estimate {
  const args = node.args as unknown;
  switch (node.op) {
    case 'value':
      return typeof args === 'string' ? { cost: 1, length: args.length, element: 0 } : SCALAR;
    case 'id': {
      const bound = locals.get(args as string) ?? bounds[args as string];
      return { cost: 1, length: bound?.length ?? 0, element: bound?.element ?? 0 };
    }
    case 'list': {
      const items = (args as ASTNode[]).map((item) => estimate(item, bounds, locals));
      return { cost: 1 + sum(items), length: items.length, element: Math.max(0, ...items.map((item) => item.length)) };
    }
    case 'map': {
      const entries = (args as [ASTNode, ASTNode][]).flat().map((item) => estimate(item, bounds, locals));
      return { cost: 1 + sum(entries), length: entries.length / 2, element: Math.max(0, ...entries.map((item) => item.length)) };
    }
    case 'rcall': {
      const [name, receiverNode, argNodes] = args as [string, ASTNode, ASTNode[]];
      const receiver = estimate(receiverNode, bounds, locals);
      if (MACROS.has(name) && argNodes.length >= 2 && argNodes[0]!.op === 'id') {
        const inner = new Map(locals);
        inner.set(argNodes[0]!.args as string, { length: receiver.element });
        const bodies = argNodes.slice(1).map((body) => estimate(body, bounds, inner));
        const perElement = 1 + sum(bodies);
        const cost = receiver.cost + receiver.length * perElement;
        if (name === 'map') return { cost, length: receiver.length, element: Math.max(0, ...bodies.map((body) => body.length)) };
        if (name === 'filter') return { cost, length: receiver.length, element: receiver.element };
        return { cost, length: 0, element: 0 };
      }
      const rest = argNodes.map((arg) => estimate(arg, bounds, locals));
      return call(name, [receiver, ...rest]);
    }
    case 'call': {
      const [name, argNodes] = args as [string, ASTNode[]];
      return call(name, argNodes.map((arg) => estimate(arg, bounds, locals)));
    }
    default: {
      const children = (Array.isArray(args) ? args : [args]).filter(isNode).map((child) => estimate(child, bounds, locals));
      const [left, right] = children;
      const base = 1 + sum(children);
      if (left === undefined) return SCALAR;
      switch (node.op) {
        case '+':
          // Concatenation: strings by characters, lists by elements.
          return { cost: base + chars(left.length + (right?.length ?? 0)) + (left.element > 0 || right?.element ? left.length + (right?.length ?? 0) : 0), length: left.length + (right?.length ?? 0), element: Math.max(left.element, right?.element ?? 0) };
        case 'in':
          return { cost: base + (right?.length ?? 0) * (1 + chars(left.length)), length: 0, element: 0 };
        case '==':
        case '!=':
        case '<':
        case '<=':
        case '>':
        case '>=':
          return { cost: base + chars(Math.max(left.length, right?.length ?? 0)) + Math.max(left.length, right?.length ?? 0) * (left.element > 0 ? 1 : 0), length: 0, element: 0 };
        case '?:':
          return { cost: base, length: Math.max(children[1]?.length ?? 0, children[2]?.length ?? 0), element: Math.max(children[1]?.element ?? 0, children[2]?.element ?? 0) };
        case '[]':
          return { cost: base, length: left.element, element: 0 };
        default:
          return { cost: base, length: 0, element: 0 };
      }
    }
  }
}

/** A function call: its arguments' costs, plus the work it does on characters or elements. */
function call(name: string, args: Estimate[]): Estimate {
  const base = 1 + sum(args);
  const [first, second] = args;
  const length = first?.length ?? 0;
  switch (name) {
    case 'matches':
      return { cost: base + chars(length * Math.max(1, second?.length ?? 1), MATCH_CHARS_PER_UNIT), length: 0, element: 0 };
    case 'contains':
    case 'startsWith':
    case 'endsWith':
    case 'indexOf':
    case 'lastIndexOf':
      return { cost: base + chars(length * Math.max(1, second?.length ?? 1)), length: 0, element: 0 };
    case 'split':
      // split("") yields one element per character: each is worth a unit of work later.
      return { cost: base + chars(length) + length, length: length + 1, element: length };
    case 'join':
      return { cost: base + first!.length + chars(first!.length * first!.element), length: first!.length * (first!.element + (second?.length ?? 0)), element: 0 };
    case 'lowerAscii':
    case 'upperAscii':
    case 'trim':
    case 'replace':
    case 'substring':
    case 'charAt':
    case 'string':
      return { cost: base + chars(length), length: name === 'replace' ? length * Math.max(1, args[2]?.length ?? 1) : length, element: 0 };
    case 'size':
      return { cost: base, length: 0, element: 0 };
    default:
      return { cost: base + chars(length), length, element: first?.element ?? 0 };
  }
}

function sum(estimates: readonly Estimate[]): number {
  let total = 0;
  for (const estimate of estimates) total += estimate.cost;
  return total;
}

function isNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && 'op' in value;
}
