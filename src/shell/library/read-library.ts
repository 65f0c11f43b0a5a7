/**
 * Reads a SOP library from disk: folders (recursively: `*.sop.yaml` and `directory.yaml`),
 * files and quoted globs. Returns the loaded library, the loader's findings (YAML, schema,
 * duplicate ids) and the files read; with `validate`, the semantic checks too (validate-sources.ts,
 * the validator of `sop validate` and `sop lsp`).
 */
import { isDirectoryFile, loadParsedLibrary, type LoadResult } from '../../core/load/load-parsed-library.js';
import type { Library } from '../../core/model/library.js';
import type { Finding } from '../../core/findings/finding.js';
import { sortFindings } from '../../core/validate/sort-findings.js';
import { openParseCache, type ParseCache } from '../cache/parse-cache.js';
import { collectFiles } from './collect-files.js';
import { readSources, type ReadOptions } from './read-sources.js';
import { validateSources } from './validate-sources.js';

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

function onlyLoaded(sources: Parameters<typeof loadParsedLibrary>[0]): { load: LoadResult; findings: readonly Finding[] } {
  const load = loadParsedLibrary(sources);
  return { load, findings: load.findings };
}

export async function readLibrary(paths: readonly string[] | string = ['sops'], options: ReadLibraryOptions = {}): Promise<ReadLibraryResult> {
  const list = typeof paths === 'string' ? [paths] : [...paths];
  const collected = await collectFiles(list.length > 0 ? list : ['sops'], isLibraryFile);
  const cache = options.cache === false ? undefined : options.cache === undefined || options.cache === true ? openParseCache() : options.cache;
  const sources = await readSources(collected.files, { ...options, cache });
  // Validating goes through the one validator `sop validate` and the editor use.
  const { load, findings: own } = options.validate ? validateSources(sources, { today: options.today }) : onlyLoaded(sources);
  const findings = [...collected.findings, ...own];
  return { library: load.library, findings: sortFindings(findings), files: collected.files, load };
}
