/** The e2e fixture library, loaded in-process through the pure loader (no shell involved). */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Library } from '../../src/core/model/library.js';
import { loadFixtureLibrary, sourceFile } from '../fixture-files.js';

export const FIXTURE_SOPS = new URL('../e2e/fixtures/sops/', import.meta.url);

export function fixtureLibrary(): Library {
  const files = readdirSync(FIXTURE_SOPS)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => sourceFile(fileURLToPath(new URL(name, FIXTURE_SOPS)), `fixtures/${name}`));
  return loadFixtureLibrary(files, 'fixture library');
}
