/**
 * The library around files validated one by one (`sop validate sops/a.sop.yaml`, a pre-commit
 * hook, an editor): the other SOPs and the directory in the same folders (and, for a scenario in
 * a `scenarios/` folder, in the folder above), not searched recursively. They are loaded so
 * cross-file checks (calls, `with` types, referrals, scenario steps) see the real library; only
 * the files asked for are reported.
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isLibraryFile } from './read-library.js';

export async function contextFiles(files: readonly string[]): Promise<string[]> {
  const asked = new Set(files);
  const folders = new Set<string>();
  for (const file of files) {
    if (file === '-') continue;
    const folder = dirname(file);
    folders.add(folder);
    if (basename(folder) === 'scenarios') folders.add(dirname(folder));
  }
  const found: string[] = [];
  for (const folder of [...folders].sort()) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue; // the folder's own problems are reported when it is validated itself
    }
    for (const name of names.sort()) {
      const path = folder === '.' ? name : join(folder, name);
      if (isLibraryFile(path) && !asked.has(path)) found.push(path);
    }
  }
  return [...new Set(found)];
}
