/**
 * The SOPs a recorded call was made with. session-start pins every SOP the call could reach by
 * the sha256 of its file; `sop replay` looks for files with those hashes in the SOP folders it
 * is given and uses them, and says so when only another version of an SOP is available.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Library } from '../../core/model/library.js';
import type { SopFileRef } from '../../core/record/journal-line.js';
import { say, type Lang } from '../i18n.js';
import { readLibrary, type ReadLibraryResult } from '../library/read-library.js';

function sopFiles(dir: string, into: string[] = [], depth = 0): string[] {
  if (depth > 8) return into;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return into;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sopFiles(path, into, depth + 1);
    else if (entry.isFile() && /\.sop\.ya?ml$/.test(entry.name)) into.push(path);
  }
  return into;
}

export interface PinnedLibrary {
  readonly library: Library;
  /** One line per SOP whose recorded version was not found (the current one is used). */
  readonly notices: string[];
  /** True when every SOP of the call is the version it was made with. */
  readonly exact: boolean;
}

export async function pinnedLibrary(refs: readonly SopFileRef[], current: ReadLibraryResult, dirs: readonly string[], lang: Lang): Promise<PinnedLibrary> {
  const notices: string[] = [];
  const replace = new Map<string, string>();
  /** Pinned files of SOPs the current folder does not have at all. */
  const extra: string[] = [];
  let hashes: Map<string, string> | undefined;
  const byHash = (): Map<string, string> => {
    if (!hashes) {
      hashes = new Map();
      for (const dir of dirs) {
        for (const file of sopFiles(dir)) {
          const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
          if (!hashes.has(sha)) hashes.set(sha, file);
        }
      }
    }
    return hashes;
  };
  for (const ref of refs) {
    const loaded = current.library.sops.get(ref.sop);
    if (loaded?.sha256 === ref.sha256) continue;
    const found = byHash().get(ref.sha256);
    if (found) {
      if (loaded) replace.set(loaded.file, found);
      else extra.push(found);
      continue;
    }
    notices.push(
      loaded
        ? say(lang, {
            en: `${ref.sop}: the version the call was made with (sha256 ${ref.sha256.slice(0, 12)}…, ${ref.file}) is not in ${dirs.join(', ')}; showing the current version (${loaded.file}). Pass --sops with a folder holding the old version to see it exactly.`,
            uk: `${ref.sop}: версії, з якою проводився дзвінок (sha256 ${ref.sha256.slice(0, 12)}…, ${ref.file}), немає в ${dirs.join(', ')}; показано поточну версію (${loaded.file}). Вкажіть --sops із текою старої версії, щоб побачити її точно.`,
          })
        : say(lang, {
            en: `${ref.sop}: no version of this SOP in ${dirs.join(', ')}; its steps are shown by id only`,
            uk: `${ref.sop}: жодної версії цього СОП немає в ${dirs.join(', ')}; його кроки показано лише за ідентифікаторами`,
          }),
    );
  }
  if (replace.size === 0 && extra.length === 0) return { library: current.library, notices, exact: notices.length === 0 };
  const files = [...current.files.map((file) => replace.get(file) ?? file), ...extra];
  const pinned = await readLibrary(files);
  return { library: pinned.library, notices, exact: notices.length === 0 };
}
