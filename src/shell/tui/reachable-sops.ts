/** The SOPs a call under `root` can reach through `call` steps, with their files' hashes. */
import type { Library } from '../../core/model/library.js';
import type { SopFileRef } from '../../core/record/journal-line.js';

export function reachableSopFiles(library: Library, root: string): SopFileRef[] {
  const seen = new Set<string>();
  const pending = [root];
  const files: SopFileRef[] = [];
  while (pending.length > 0) {
    const id = pending.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const loaded = library.sops.get(id);
    if (!loaded) continue;
    files.push({ sop: id, file: loaded.file, sha256: loaded.sha256 });
    for (const step of Object.values(loaded.sop.steps)) if (step.kind === 'call') pending.push(step.sop);
  }
  return files;
}
