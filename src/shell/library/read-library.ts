/**
 * Reads a SOP library from disk: folders (recursively: `*.sop.yaml` and `directory.yaml`),
 * files and quoted globs. Returns the loaded library, the loader's findings (YAML, schema,
 * duplicate ids) and the files read. Cross-file checks: `validateLibrary` (or pass validate).
 */
import { isDirectoryFile, loadParsedLibrary, type LoadResult } from '../../core/load/load-parsed-library.js';
import type { Library } from '../../core/model/library.js';
import type { Finding } from '../../core/findings/finding.js';
import { sortFindings } from '../../core/validate/sort-findings.js';
import { validateLibrary } from '../../core/validate/validate-library.js';
import { openParseCache, type ParseCache } from '../cache/parse-cache.js';
import { collectFiles } from './collect-files.js';
import { readSources, type ReadOptions } from './read-sources.js';

export interface ReadLibraryOptions extends Omit<ReadOptions, 'cache'> {
  /** Use the parse cache (default true; `--no-cache` turns it off). A cache object may be passed. */
  readonly cache?: boolean | ParseCache;
  /** Also run the semantic checks (validateLibrary); default false. */
  readonly validate?: boolean;
  /** ISO date for the stale-contact rule when validating; default: no staleness check. */
  readonly today?: string;
}

export interface ReadLibraryResult {
  readonly library: Library;
  readonly findings: Finding[];
  readonly files: string[];
  /** The loader's full result (rejected ids, directory source) for validateLibrary. */
  readonly load: LoadResult;
}

/** Names a library folder holds: SOPs and the directory. */
export function isLibraryFile(path: string): boolean {
  return /\.sop\.ya?ml$/.test(path) || isDirectoryFile(path);
}

export async function readLibrary(paths: readonly string[] | string = ['sops'], options: ReadLibraryOptions = {}): Promise<ReadLibraryResult> {
  const list = typeof paths === 'string' ? [paths] : [...paths];
  const collected = await collectFiles(list.length > 0 ? list : ['sops'], isLibraryFile);
  const cache = options.cache === false ? undefined : options.cache === undefined || options.cache === true ? openParseCache() : options.cache;
  const sources = await readSources(collected.files, { ...options, cache });
  const load = loadParsedLibrary(sources);
  const findings = [...collected.findings, ...load.findings];
  if (options.validate) {
    const validateOptions = {
      rejected: load.rejected,
      ...(load.directorySource ? { directorySource: load.directorySource } : {}),
      ...(options.today ? { today: options.today } : {}),
    };
    findings.push(...validateLibrary(load.library, validateOptions));
  }
  return { library: load.library, findings: sortFindings(findings), files: collected.files, load };
}
