/**
 * A loaded SOP library: every SOP by id, the directory, and where each came from.
 * The loader builds it from file contents (no file system access in the core).
 */
import type { Directory } from './directory.js';
import type { Sop } from './sop.js';

/** 1-based line and column in a source file. */
export interface Position {
  readonly line: number;
  readonly col: number;
}

/** Looks up where a JSON path (e.g. ['steps', 'greet', 'next']) sits in the source. */
export type PositionLookup = (path: readonly (string | number)[]) => Position | undefined;

export interface LoadedSop {
  readonly sop: Sop;
  /** The path as given by the user (relative paths stay relative, for stable output). */
  readonly file: string;
  /** SHA-256 (hex) of the file's bytes: pins the version a call was made with. */
  readonly sha256: string;
  readonly positionOf: PositionLookup;
}

export interface Library {
  readonly sops: ReadonlyMap<string, LoadedSop>;
  readonly directory?: Directory;
}
