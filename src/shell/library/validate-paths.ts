/**
 * The whole of `sop validate` but the output: reads the files asked for (SOPs, the directory,
 * scenarios), the other SOPs and the directory beside them as context (context-files.ts), and
 * runs the one validator (validate-sources.ts). Only the files asked for are reported on.
 */
import { isUnreadable } from '../../core/load/source-file.js';
import type { Finding } from '../../core/findings/finding.js';
import { sortFindings } from '../../core/validate/sort-findings.js';
import { openParseCache } from '../cache/parse-cache.js';
import { collectFiles } from './collect-files.js';
import { contextFiles } from './context-files.js';
import { isLibraryFile } from './read-library.js';
import { isScenarioFile } from './read-scenarios.js';
import { readSources } from './read-sources.js';
import { validateSources } from './validate-sources.js';

export interface ValidationRun {
  readonly findings: Finding[];
  /** Every file read, as given (stdin as <stdin>). */
  readonly files: string[];
  /** The text of each file read, for showing source lines. */
  readonly texts: ReadonlyMap<string, string>;
  /** How many of the files asked for have YAML or schema errors, so the semantic rules skipped them. */
  readonly notChecked: number;
}

export async function validatePaths(
  targets: readonly string[],
  options: { readonly today: string; readonly cache: boolean; readonly stdin?: () => Promise<Uint8Array> },
): Promise<ValidationRun> {
  const collected = await collectFiles(targets, (path) => isLibraryFile(path) || isScenarioFile(path));
  const context = await contextFiles(collected.files);
  const sources = await readSources([...collected.files, ...context], {
    cache: options.cache ? openParseCache() : undefined,
    ...(options.stdin ? { stdin: options.stdin } : {}),
  });
  const { findings: validated, load } = validateSources(sources, { today: options.today });
  const findings: Finding[] = [...collected.findings, ...validated];
  const texts = new Map<string, string>();
  for (const source of sources) if (!isUnreadable(source)) texts.set(source.path, source.text);
  // Files read only as context are not reported on.
  const notAsked = new Set(context);
  const reported = [...collected.findings, ...findings.slice(collected.findings.length).filter((finding) => !notAsked.has(finding.file))];
  const notChecked = [...(load.notChecked ?? [])].filter((file) => !notAsked.has(file)).length;
  return { findings: sortFindings(reported), files: collected.files.map((file) => (file === '-' ? '<stdin>' : file)), texts, notChecked };
}
