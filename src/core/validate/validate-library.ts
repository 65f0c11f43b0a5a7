/**
 * Semantic validation of a loaded library: everything the JSON Schema cannot say. Pure: "today"
 * (for stale directory entries) is passed in. Each rule is its own function in rules/; they all
 * return findings and never throw on a schema-valid library.
 */
import type { LoadedDirectory } from '../load/load-parsed-library.js';
import type { Library } from '../model/library.js';
import type { Finding } from '../findings/finding.js';
import { checkCalls } from './rules/check-calls.js';
import { checkDirectory } from './rules/check-directory.js';
import { checkFlow } from './rules/check-flow.js';
import { checkInputs } from './rules/check-inputs.js';
import { checkOutcomes } from './rules/check-outcomes.js';
import { checkReferences } from './rules/check-references.js';
import { checkStepRefs } from './rules/check-step-refs.js';
import { checkDirectoryTexts, checkTexts } from './rules/check-texts.js';
import { checkVariables } from './rules/check-variables.js';
import { sortFindings } from './sort-findings.js';

export interface ValidateOptions {
  /** ISO date (YYYY-MM-DD) for the stale-contact rule; without it that rule is skipped. */
  readonly today?: string;
  /** Where the directory came from (for positions in directory findings). */
  readonly directorySource?: LoadedDirectory;
  /** SOP ids present in files that failed to load: a call to them is not "unknown". */
  readonly rejected?: ReadonlySet<string>;
}

export function validateLibrary(library: Library, options: ValidateOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const loaded of library.sops.values()) {
    findings.push(...checkStepRefs(loaded));
    findings.push(...checkFlow(loaded));
    findings.push(...checkVariables(loaded, library));
    findings.push(...checkInputs(loaded));
    findings.push(...checkOutcomes(loaded));
    findings.push(...checkTexts(loaded));
    findings.push(...checkReferences(loaded, library));
  }
  findings.push(...checkCalls(library, options.rejected ?? new Set()));
  findings.push(...checkDirectory(library, options));
  findings.push(...checkDirectoryTexts(library, options.directorySource));
  return sortFindings(findings);
}
