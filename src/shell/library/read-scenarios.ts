/**
 * Reads scenario files (`*.scenario.yaml`) from folders, files and quoted globs, checked against
 * schemas/scenario.schema.json. A file that does not load is a finding; the others are returned.
 */
import { loadParsedScenario, type LoadedScenario } from '../../core/load/load-parsed-scenario.js';
import type { ParsedLoaderInput } from '../../core/load/load-parsed-library.js';
import { isUnreadable } from '../../core/load/source-file.js';
import type { Finding } from '../../core/findings/finding.js';
import { sortFindings } from '../../core/validate/sort-findings.js';
import { openParseCache, type ParseCache } from '../cache/parse-cache.js';
import { collectFiles } from './collect-files.js';
import { readSources, type ReadOptions } from './read-sources.js';

export interface ReadScenariosOptions extends Omit<ReadOptions, 'cache'> {
  readonly cache?: boolean | ParseCache;
}

export interface ReadScenariosResult {
  readonly scenarios: LoadedScenario[];
  readonly findings: Finding[];
  readonly files: string[];
}

export function isScenarioFile(path: string): boolean {
  return /\.scenario\.ya?ml$/.test(path);
}

export async function readScenarios(paths: readonly string[] | string, options: ReadScenariosOptions = {}): Promise<ReadScenariosResult> {
  const list = typeof paths === 'string' ? [paths] : [...paths];
  const collected = await collectFiles(list, isScenarioFile);
  const cache = options.cache === false ? undefined : options.cache === undefined || options.cache === true ? openParseCache() : options.cache;
  const sources = await readSources(collected.files, { ...options, cache });
  const loaded = loadScenarioSources(sources);
  return { scenarios: loaded.scenarios, findings: sortFindings([...collected.findings, ...loaded.findings]), files: collected.files };
}

/** Loads scenario files already read: the scenarios that passed, and the findings of all. */
export function loadScenarioSources(sources: readonly ParsedLoaderInput[]): { scenarios: LoadedScenario[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const scenarios: LoadedScenario[] = [];
  for (const source of sources) {
    if (isUnreadable(source)) {
      findings.push(...source.findings);
      continue;
    }
    const result = loadParsedScenario(source);
    findings.push(...result.findings);
    if (result.loaded) scenarios.push(result.loaded);
  }
  return { scenarios, findings };
}
