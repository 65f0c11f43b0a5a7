/** Loads fixture libraries and scenarios with the project's own (pure) loaders. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLibrary } from '../../src/core/load/load-library.js';
import { loadScenario, type LoadedScenario } from '../../src/core/load/load-scenario.js';
import type { Library } from '../../src/core/model/library.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function source(path: string): { path: string; text: string; sha256: string } {
  const bytes = readFileSync(path);
  return { path: relative(ROOT, path), text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The fixture library in `lib/`, with the files of `overlay` (a folder under fixtures/) replacing same-named ones. */
export function fixtureLibrary(overlay?: string): Library {
  const files = new Map<string, string>();
  for (const dir of ['lib', ...(overlay ? [overlay] : [])]) {
    for (const name of readdirSync(join(FIXTURES, dir))) files.set(name, join(FIXTURES, dir, name));
  }
  const { library, findings } = loadLibrary([...files.values()].sort().map(source));
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture library does not load: ${JSON.stringify(errors, null, 2)}`);
  return library;
}

export function fixtureScenario(name: string): LoadedScenario {
  const { loaded, findings } = loadScenario(source(join(FIXTURES, 'scenarios', `${name}.scenario.yaml`)));
  if (!loaded) throw new Error(`fixture scenario ${name} does not load: ${JSON.stringify(findings, null, 2)}`);
  return loaded;
}

export function readFixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}
