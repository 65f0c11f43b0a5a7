/**
 * Bounds on the size of a SOP's variables, for the condition cost estimate (conditionCost):
 * from every place a variable gets its value — an input's maxLength (or DEFAULT_MAX_LENGTH),
 * an ask's option ids, a checklist's options (a list of at most that many ids), an option's
 * `set`, the declared default; a variable a caller passes in (`with`) has the defaults.
 * valueBounds gives the same for the values a frame actually holds (the run-time backstop).
 */
import type { Sop, Value } from '../model/sop.js';
import { DEFAULT_LIST_LENGTH, DEFAULT_MAX_LENGTH, type SizeBound, type SizeBounds } from './condition-cost.js';

/** Elements of a list a caller passes in are ids or short texts: this many characters each. */
const DEFAULT_ELEMENT_LENGTH = 100;

function boundOf(value: Value): SizeBound {
  if (typeof value === 'string') return { length: value.length };
  if (Array.isArray(value)) return { length: value.length, element: Math.max(0, ...value.map((item: string) => item.length)) };
  return { length: 0 };
}

function widest(a: SizeBound | undefined, b: SizeBound): SizeBound {
  if (a === undefined) return b;
  return { length: Math.max(a.length, b.length), element: Math.max(a.element ?? 0, b.element ?? 0) };
}

export function sopBounds(sop: Sop): SizeBounds {
  const bounds: { [name: string]: SizeBound } = {};
  const widen = (name: string, bound: SizeBound): void => {
    bounds[name] = widest(bounds[name], bound);
  };
  for (const [name, decl] of Object.entries(sop.variables ?? {})) {
    if (decl.default !== undefined) widen(name, boundOf(decl.default));
    else widen(name, { length: 0 });
  }
  for (const step of Object.values(sop.steps)) {
    if (step.kind === 'input' && step.save !== undefined) {
      widen(step.save, { length: step.input.type === 'string' ? (step.input.maxLength ?? DEFAULT_MAX_LENGTH) : 0 });
    } else if (step.kind === 'ask') {
      for (const option of step.options) {
        if (step.save !== undefined) widen(step.save, { length: option.id.length });
        for (const [name, value] of Object.entries(option.set ?? {})) widen(name, boundOf(value));
      }
    } else if (step.kind === 'checklist' && step.save !== undefined) {
      widen(step.save, { length: step.options.length, element: Math.max(0, ...step.options.map((option) => option.id.length)) });
    }
  }
  // A variable no step of this SOP sets may come from a caller's `with`: any size it admits.
  const setHere = new Set<string>();
  for (const step of Object.values(sop.steps)) {
    if ((step.kind === 'input' || step.kind === 'ask' || step.kind === 'checklist') && step.save !== undefined) setHere.add(step.save);
    if (step.kind === 'ask') for (const option of step.options) for (const name of Object.keys(option.set ?? {})) setHere.add(name);
  }
  for (const [name, decl] of Object.entries(sop.variables ?? {})) {
    if (setHere.has(name)) continue;
    if (decl.type === 'string') widen(name, { length: DEFAULT_MAX_LENGTH });
    if (decl.type === 'list') widen(name, { length: DEFAULT_LIST_LENGTH, element: DEFAULT_ELEMENT_LENGTH });
  }
  return bounds;
}

/** The sizes of the values a frame holds (unset variables are at their default: small). */
export function valueBounds(vars: { readonly [name: string]: Value }): SizeBounds {
  const bounds: { [name: string]: SizeBound } = {};
  for (const name in vars) bounds[name] = boundOf(vars[name]!);
  return bounds;
}
