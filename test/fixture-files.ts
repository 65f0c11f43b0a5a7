/** Fixture files as the pure loaders take them, and fixture libraries loaded through the real loader. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLibrary } from '../src/core/load/load-library.js';
import type { SourceFile } from '../src/core/load/source-file.js';
import type { Library } from '../src/core/model/library.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The file at `path` (absolute), named by its path from the repository root unless `shownAs` is given. */
export function sourceFile(path: string, shownAs = relative(ROOT, path)): SourceFile {
  const bytes = readFileSync(path);
  return { path: shownAs, text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The library of these files; throws (naming `what`) when the loader reports an error. */
export function loadFixtureLibrary(files: readonly SourceFile[], what: string): Library {
  const { library, findings } = loadLibrary(files);
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) throw new Error(`${what} does not load: ${JSON.stringify(errors, null, 2)}`);
  return library;
}
