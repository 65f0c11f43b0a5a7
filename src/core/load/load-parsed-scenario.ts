/**
 * A scenario file already parsed, checked against schemas/scenario.schema.json. Whether its
 * steps exist in the library is the scenario runner's concern.
 */
import validateScenarioSchema from '../../generated/validate-scenario.js';
import type { PositionLookup } from '../model/library.js';
import type { Scenario } from '../model/scenario.js';
import type { Finding } from '../findings/finding.js';
import { checkModeline } from './check-modeline.js';
import { schemaFindings } from './schema-findings.js';
import { lookupsOf, type ParsedSourceFile } from './load-parsed-library.js';

export interface LoadedScenario {
  readonly scenario: Scenario;
  readonly file: string;
  readonly positionOf: PositionLookup;
}

export function loadParsedScenario(file: ParsedSourceFile): { loaded?: LoadedScenario; findings: Finding[] } {
  const { parsed, lookups } = lookupsOf(file);
  const findings = [...parsed.findings];
  if (parsed.value === undefined || findings.some((f) => f.severity === 'error')) return { findings };
  findings.push(...checkModeline(file.text, file.path, 'scenario'));
  if (!validateScenarioSchema(parsed.value)) {
    findings.push(...schemaFindings(validateScenarioSchema.errors ?? [], file.path, lookups));
    return { findings };
  }
  return { loaded: { scenario: parsed.value as Scenario, file: file.path, positionOf: lookups.positionOf }, findings };
}
