/**
 * Test helper: builds a Library from the YAML fixtures beside these tests
 * (test/engine/fixtures/<name>.sop.yaml), parsed with `yaml` directly so the engine's tests do
 * not depend on the loader's state.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
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

/** The library of the named fixtures. */
export function fixtureLibrary(...names: string[]): Library {
  return libraryOf(...names.map((name) => sopFromYaml(readFileSync(new URL(`${name}.sop.yaml`, FIXTURES), 'utf8'), `${name}.sop.yaml`)));
}
