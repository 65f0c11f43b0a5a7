/**
 * The pure library loader: file contents in, a Library and findings out. Parses the files that
 * come without a cached parse, then loadParsedLibrary() checks them against the schema.
 */
import { loadParsedLibrary, type LoadResult, type ParsedLoaderInput } from './load-parsed-library.js';
import { parseYaml } from './parse-yaml.js';
import { isUnreadable, type LoaderInput } from './source-file.js';

export type { LoadResult } from './load-parsed-library.js';

/** Adds the parse to every readable file that lacks one. */
function parseAll(files: readonly LoaderInput[]): ParsedLoaderInput[] {
  return files.map((file) => (isUnreadable(file) || file.parsed ? (file as ParsedLoaderInput) : { ...file, parsed: parseYaml(file.text, file.path) }));
}

export function loadLibrary(files: readonly LoaderInput[]): LoadResult {
  return loadParsedLibrary(parseAll(files));
}
