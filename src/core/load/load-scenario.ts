/**
 * The pure scenario loader: one `*.scenario.yaml` file's text in, a Scenario (when it passes
 * schemas/scenario.schema.json) and findings out.
 */
import type { Finding } from '../findings/finding.js';
import { loadParsedScenario, type LoadedScenario } from './load-parsed-scenario.js';
import { parseYaml } from './parse-yaml.js';
import type { SourceFile } from './source-file.js';

export type { LoadedScenario } from './load-parsed-scenario.js';

export function loadScenario(file: SourceFile): { loaded?: LoadedScenario; findings: Finding[] } {
  return loadParsedScenario({ ...file, parsed: file.parsed ?? parseYaml(file.text, file.path) });
}
