/**
 * Remembers each loaded file's text beside its position lookup, so a rule can place a caret
 * inside a value (e.g. at the offending part of a condition) without the model carrying text.
 */
import type { Position, PositionLookup } from '../model/library.js';

const texts = new WeakMap<PositionLookup, string>();
const keyLookups = new WeakMap<PositionLookup, PositionLookup>();

export function rememberText(positionOf: PositionLookup, text: string, keyPositionOf?: PositionLookup): void {
  texts.set(positionOf, text);
  if (keyPositionOf) keyLookups.set(positionOf, keyPositionOf);
}

/** Where the key of a mapping entry is (e.g. `total` in `with: { total: count }`), else positionOf's answer. */
export function keyPosition(positionOf: PositionLookup, path: readonly (string | number)[]): Position | undefined {
  return (keyLookups.get(positionOf) ?? positionOf)(path);
}

/** The 1-based line of the file behind `positionOf`, or undefined. */
export function sourceLine(positionOf: PositionLookup, line: number): string | undefined {
  const text = texts.get(positionOf);
  return text === undefined ? undefined : lineOf(text, line);
}

/** The 1-based `line` of `text` without its line ending, or undefined when the text is shorter. */
export function lineOf(text: string, line: number): string | undefined {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return undefined;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
}
