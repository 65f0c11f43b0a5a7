/**
 * What the shell hands the pure loader: a file's path (as the user gave it), its text and
 * the SHA-256 of its bytes. A file the shell could not turn into text (too large, binary,
 * not UTF-8, unreadable) arrives with its findings instead of text.
 */
import type { Finding } from '../findings/finding.js';
import type { ParsedYaml } from './parse-yaml.js';

export interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly sha256: string;
  /** A parse from the cache (same content hash): when present the text is not parsed again. */
  readonly parsed?: ParsedYaml;
}

/** A file that could not be read as text: only findings. */
export interface UnreadableFile {
  readonly path: string;
  readonly findings: readonly Finding[];
}

export type LoaderInput = SourceFile | UnreadableFile;

export function isUnreadable(file: LoaderInput): file is UnreadableFile {
  return 'findings' in file;
}
