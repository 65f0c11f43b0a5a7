/**
 * Test helper: builds a Library from the YAML fixtures beside these tests
 * (test/engine/fixtures/<name>.sop.yaml) through the real loader, so the engine is tested on
 * what `sop run` would load. Inline SOPs (sopFromYaml) are parsed with `yaml` directly.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadLibrary } from '../../src/core/load/load-library.js';
import type { Library, LoadedSop } from '../../src/core/model/library.js';
import type { Sop } from '../../src/core/model/sop.js';

const FIXTURES = new URL('./fixtures/', import.meta.url);

export function sopFromYaml(text: string, file = 'inline.sop.yaml'): LoadedSop {
  const sop = parse(text) as Sop;
  return { sop, file, sha256: '', positionOf: () => undefined };
}

export function libraryOf(...sops: LoadedSop[]): Library {
  return { sops: new Map(sops.map((loaded) => [loaded.sop.sop, loaded])) };
}

/** The library of the named fixtures; throws when the loader rejects one. */
export function fixtureLibrary(...names: string[]): Library {
  const files = names.map((name) => `${name}.sop.yaml`).map((path) => ({ path, text: readFileSync(new URL(path, FIXTURES), 'utf8'), sha256: '' }));
  const { library, findings } = loadLibrary(files);
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0 || library.sops.size !== names.length) {
    throw new Error(`fixtures rejected by the loader: ${errors.map((e) => `${e.file}:${e.line}:${e.col} ${e.message}`).join('; ')}`);
  }
  return library;
}
