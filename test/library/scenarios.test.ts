/**
 * Every shipped scenario drives through the one engine to its expected outcome, visiting the
 * steps it names and referring where it says (runScenario is what `sop test` uses). Then: the
 * scenarios together reach every outcome of every library SOP, and read as training material
 * (both languages in every text, caller lines and reasons at the key steps).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/core/check/run-scenario.js';
import type { EngineEvent } from '../../src/core/engine/types.js';
import type { Localized } from '../../src/core/model/sop.js';
import { NEW_SOPS, OWN_SOPS, SCENARIO_DIR, shippedLibrary, shippedScenarios } from './helpers.js';
import { say } from '../../src/core/model/message.js';

const files = readdirSync(SCENARIO_DIR)
  .filter((name) => name.endsWith('.scenario.yaml'))
  .sort();

function bilingual(text: Localized | undefined): boolean {
  return typeof text === 'object' && text !== null && Boolean(text['en']?.trim()) && Boolean(text['uk']?.trim());
}

describe('shipped scenarios', () => {
  it('all load without findings', async () => {
    const { findings, scenarios } = await shippedScenarios();
    expect(findings).toEqual([]);
    expect(scenarios.length).toBe(files.length);
  });

  it.each(files)('%s drives through the engine as expected', async (name) => {
    const { library } = await shippedLibrary();
    const { scenarios } = await shippedScenarios();
    const loaded = scenarios.find((s) => s.file.replace(/\\/g, '/').endsWith(`/${name}`));
    expect(loaded, `${name} did not load`).toBeDefined();
    const result = runScenario(library, loaded!);
    expect(result.failures.map((f) => `${f.code}: ${say('en', f.message)}`)).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.outcome).toBe(loaded!.scenario.expect.outcome);
  });

  it('together reach every outcome of the library SOPs (as the call outcome or a sub-outcome)', async () => {
    const { library } = await shippedLibrary();
    const { scenarios } = await shippedScenarios();
    const reached = new Set<string>();
    for (const loaded of scenarios) {
      const result = runScenario(library, loaded);
      for (const event of result.events as EngineEvent[]) {
        if (event.type === 'call-ended') reached.add(event.outcome);
        if (event.type === 'sop-returned') reached.add(event.outcome.includes('/') ? event.outcome : `${event.sop}/${event.outcome}`);
      }
    }
    const missing: string[] = [];
    for (const id of [...OWN_SOPS, ...NEW_SOPS]) {
      for (const outcome of Object.keys(library.sops.get(id)?.sop.outcomes ?? {})) {
        if (!reached.has(`${id}/${outcome}`)) missing.push(`${id}/${outcome}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('are written as training material: both languages, caller lines and reasons', async () => {
    const { scenarios } = await shippedScenarios();
    const problems: string[] = [];
    for (const { scenario, file } of scenarios) {
      if (!bilingual(scenario.title)) problems.push(`${file}: title`);
      if (!bilingual(scenario.situation)) problems.push(`${file}: situation`);
      let callers = 0;
      let reasons = 0;
      for (const [index, entry] of scenario.answers.entries()) {
        if (entry.caller !== undefined) {
          callers++;
          if (!bilingual(entry.caller)) problems.push(`${file}: answers[${index}].caller`);
        }
        if (entry.why !== undefined) {
          reasons++;
          if (!bilingual(entry.why)) problems.push(`${file}: answers[${index}].why`);
        }
      }
      if (callers + reasons === 0) problems.push(`${file}: no caller line and no reason anywhere`);
    }
    expect(problems).toEqual([]);
  });
});
