/**
 * The library around files validated one by one (`sop validate sops/a.sop.yaml`, a pre-commit
 * hook, an editor): the other SOPs and the directory in the same folders (and, for a scenario in
 * a `scenarios/` folder, in the folder above), not searched recursively. They are loaded so
 * cross-file checks (calls, `with` types, referrals, scenario steps) see the real library; only
 * the files asked for are reported. A symbolic link that leads out of its folder is not read
 * (the walk reports it, SOP012): nothing outside the library is ever quoted in a finding.
 */
import { readdir, realpath } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { inside } from './collect-files.js';
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
    let entries;
    let folderReal: string;
    try {
      entries = await readdir(folder, { withFileTypes: true });
      folderReal = await realpath(folder);
    } catch {
      continue; // the folder's own problems are reported when it is validated itself
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = folder === '.' ? entry.name : join(folder, entry.name);
      if (!isLibraryFile(path) || asked.has(path)) continue;
      if (entry.isSymbolicLink()) {
        const target = await realpath(path).catch(() => undefined);
        if (target === undefined || !inside(folderReal, target)) continue;
      }
      found.push(path);
    }
  }
  return [...new Set(found)];
}
