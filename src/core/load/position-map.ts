/**
 * A compact position map: for every node of a parsed YAML document, the offset of its value
 * and (for mapping entries) of its key, keyed by the node's path. Offsets, not line/column,
 * so the map is small to cache; lines are computed from the text only when asked.
 */
import type { Position, PositionLookup } from '../model/library.js';

interface PositionMap {
  /** path key -> offset of the value node. */
  readonly v: Record<string, number>;
  /** path key -> offset of the key node (mapping entries only). */
  readonly k: Record<string, number>;
}

const SEPARATOR = '\u001f';

/**
 * What the parser records while it walks the document, cheaply (no string building): for each
 * node its offset (-1 when it has none) and kind (0 leaf, 1 mapping, 2 list); a mapping then has
 * its entry count and, per entry, the key's name and offset followed by the value's node; a list
 * has its item count followed by the items. tapeToMap() turns it into a PositionMap when a
 * position is first asked for. The parse cache stores the tape as it is.
 */
export type PositionTape = (number | string)[];

export const TAPE_LEAF = 0;
export const TAPE_MAP = 1;
export const TAPE_SEQ = 2;

function tapeToMap(tape: readonly (number | string)[]): PositionMap {
  const v: Record<string, number> = {};
  const k: Record<string, number> = {};
  let at = 0;
  const read = (): number => {
    const value = tape[at++];
    if (typeof value !== 'number') throw new Error('bad position tape');
    return value;
  };
  const node = (key: string): void => {
    const offset = read();
    const kind = read();
    if (offset >= 0) v[key] = offset;
    if (kind === TAPE_LEAF) return;
    const count = read();
    const prefix = key === '' ? '' : key + SEPARATOR;
    for (let i = 0; i < count; i++) {
      if (kind === TAPE_MAP) {
        const name = tape[at++];
        const keyOffset = read();
        if (typeof name !== 'string') throw new Error('bad position tape');
        k[prefix + name] = keyOffset;
        node(prefix + name);
      } else node(prefix + i);
    }
  };
  try {
    if (tape.length > 0) node('');
  } catch {
    return { v, k }; // a damaged tape (e.g. a corrupt cache entry): what could be read
  }
  return { v, k };
}

function pathKey(path: readonly (string | number)[]): string {
  return path.join(SEPARATOR);
}

/** Offsets of the start of each line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  let index = text.indexOf('\n');
  while (index !== -1) {
    starts.push(index + 1);
    index = text.indexOf('\n', index + 1);
  }
  return starts;
}

/** Returns a function turning offsets of `text` into 1-based line and column. */
export function offsetToPosition(text: string): (offset: number) => Position {
  let starts: number[] | undefined;
  return (offset) => {
    starts ??= lineStarts(text);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, col: offset - starts[low]! + 1 };
  };
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function isCollection(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

export interface SourcePositions {
  /** The value's position; for a mapping entry whose value is a mapping or list, the key's. */
  readonly positionOf: PositionLookup;
  /** The key's position (for a mapping entry), else the value's. */
  readonly keyPositionOf: PositionLookup;
  /** The value's position, always. */
  readonly valuePositionOf: PositionLookup;
}

/**
 * Lookups over a map. A path that is not in the map (e.g. a missing property) falls back to the
 * nearest ancestor that is, so every finding has a position.
 */
export function positionLookups(positions: PositionTape | (() => PositionTape), text: string, root: unknown): SourcePositions {
  const toPosition = offsetToPosition(text);
  let resolved: PositionMap | undefined;
  const mapOf = (): PositionMap => (resolved ??= tapeToMap(typeof positions === 'function' ? positions() : positions));
  const find = (which: 'v' | 'k', path: readonly (string | number)[]): Position | undefined => {
    const map = mapOf();
    for (let length = path.length; length >= 0; length--) {
      const key = pathKey(path.slice(0, length));
      const offset = (which === 'k' ? map.k[key] : undefined) ?? map.v[key];
      if (offset !== undefined) return toPosition(offset);
    }
    return undefined;
  };
  return {
    valuePositionOf: (path) => find('v', path),
    keyPositionOf: (path) => find('k', path),
    positionOf: (path) => {
      const map = mapOf();
      const key = pathKey(path);
      const keyOffset = map.k[key];
      if (keyOffset !== undefined && isCollection(valueAt(root, path))) return toPosition(keyOffset);
      return find('v', path);
    },
  };
}
