/** Loads fixture libraries and scenarios with the project's own (pure) loaders. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, type LoadedScenario } from '../../src/core/load/load-scenario.js';
import type { Library } from '../../src/core/model/library.js';
import { loadFixtureLibrary, sourceFile as source } from '../fixture-files.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The fixture library in `lib/`, with the files of `overlay` (a folder under fixtures/) replacing same-named ones. */
export function fixtureLibrary(overlay?: string): Library {
  const files = new Map<string, string>();
  for (const dir of ['lib', ...(overlay ? [overlay] : [])]) {
    for (const name of readdirSync(join(FIXTURES, dir))) files.set(name, join(FIXTURES, dir, name));
  }
  return loadFixtureLibrary([...files.values()].sort().map((path) => source(path)), 'fixture library');
}

/** A scenario of fixtures/scenarios/ (the set `sop test` runs in the CLI tests), or of another fixture folder. */
export function fixtureScenario(name: string, folder = 'scenarios'): LoadedScenario {
  const { loaded, findings } = loadScenario(source(join(FIXTURES, folder, `${name}.scenario.yaml`)));
  if (!loaded) throw new Error(`fixture scenario ${name} does not load: ${JSON.stringify(findings, null, 2)}`);
  return loaded;
}

export function readFixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}
