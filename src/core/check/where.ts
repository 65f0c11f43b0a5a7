/** Where an element of a loaded SOP sits in its file, for messages (`sops/intake.sop.yaml:12:5`). */
import type { Library, PositionLookup } from '../model/library.js';
import { splitQualified } from '../engine/step-ref.js';

export interface SourceRef {
  readonly file: string;
  readonly line?: number;
  readonly col?: number;
}

/**
 * The position of `path` (e.g. ['steps', 'greet', 'options', 2]) in SOP `sopId`; falls back to
 * shorter prefixes of the path, then to the file alone. Undefined when the SOP is not loaded.
 */
export function whereInSop(library: Library, sopId: string, path: readonly (string | number)[]): SourceRef | undefined {
  const loaded = library.sops.get(sopId);
  return loaded ? whereInFile(loaded.file, loaded.positionOf, path) : undefined;
}

/** The position of `path` in `file`, else of the longest prefix of it that has one, else the file alone. */
export function whereInFile(file: string, positionOf: PositionLookup | undefined, path: readonly (string | number)[]): SourceRef {
  for (let length = path.length; length >= 0; length--) {
    const position = positionOf?.(path.slice(0, length));
    if (position) return { file, line: position.line, col: position.col };
  }
  return { file };
}

/** The position of a step given as `sop-id/step-id`. */
export function whereStep(library: Library, qualified: string): SourceRef | undefined {
  const { sop, step } = splitQualified(qualified);
  return whereInSop(library, sop, ['steps', step]);
}

export function formatWhere(where: SourceRef | undefined): string {
  if (!where) return '';
  if (where.line === undefined) return where.file;
  return `${where.file}:${where.line}:${where.col ?? 1}`;
}
