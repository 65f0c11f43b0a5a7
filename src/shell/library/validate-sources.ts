/**
 * The validator over files already read: loads the SOPs and the directory, runs the semantic
 * rules of the whole library and checks the scenarios against it. `sop validate` hands it what
 * it read from disk; `sop lsp` hands it the open buffers over the files on disk. One validator.
 */
import { loadParsedLibrary, type LoadResult, type ParsedLoaderInput } from '../../core/load/load-parsed-library.js';
import type { LoadedScenario } from '../../core/load/load-parsed-scenario.js';
import type { Finding } from '../../core/findings/finding.js';
import { validateLibrary } from '../../core/validate/validate-library.js';
import { validateScenarios } from '../../core/validate/validate-scenarios.js';
import { isScenarioFile, loadScenarioSources } from './read-scenarios.js';

export interface SourcesValidation {
  /** Every finding of every file, unsorted. */
  readonly findings: Finding[];
  readonly load: LoadResult;
  readonly scenarios: readonly LoadedScenario[];
}

export function validateSources(sources: readonly ParsedLoaderInput[], options: { readonly today?: string }): SourcesValidation {
  const load = loadParsedLibrary(sources.filter((source) => !isScenarioFile(source.path)));
  const findings: Finding[] = [...load.findings];
  findings.push(
    ...validateLibrary(load.library, {
      ...(options.today ? { today: options.today } : {}),
      rejected: load.rejected,
      ...(load.directorySource ? { directorySource: load.directorySource } : {}),
    }),
  );
  const scenarios = loadScenarioSources(sources.filter((source) => isScenarioFile(source.path)));
  findings.push(...scenarios.findings, ...validateScenarios(scenarios.scenarios, load.library, load.rejected));
  return { findings, load, scenarios: scenarios.scenarios };
}
