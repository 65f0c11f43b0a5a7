/** The e2e fixture library, loaded in-process through the pure loader (no shell involved). */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { loadLibrary } from '../../src/core/load/load-library.js';
import type { Library } from '../../src/core/model/library.js';

export const FIXTURE_SOPS = new URL('../e2e/fixtures/sops/', import.meta.url);

export function fixtureLibrary(): Library {
  const files = readdirSync(FIXTURE_SOPS)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const bytes = readFileSync(new URL(name, FIXTURE_SOPS));
      return { path: `fixtures/${name}`, text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
    });
  const { library, findings } = loadLibrary(files);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new Error(`fixture library does not load: ${JSON.stringify(errors)}`);
  return library;
}
