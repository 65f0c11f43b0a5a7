/**
 * Journals must not be readable by other users of the computer: the writer creates its folders
 * 0700 and files 0600, but a data dir that already existed (or was loosened later) is not
 * changed. This finds what other users can reach, for a warning before a call is recorded.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { say, type Lang } from '../i18n.js';

export interface Exposed {
  readonly path: string;
  readonly mode: number;
  readonly dir: boolean;
}

/** The data dir, its journal folders and journal files that group or others can access. */
export function exposedPaths(dataDir: string): Exposed[] {
  const found: Exposed[] = [];
  const check = (path: string): boolean => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return false;
    }
    const mode = stat.mode & 0o777;
    if ((mode & 0o077) !== 0) found.push({ path, mode, dir: stat.isDirectory() });
    return stat.isDirectory();
  };
  if (!check(dataDir)) return found;
  const journal = join(dataDir, 'journal');
  if (!check(journal)) return found;
  for (const mode of ['calls', 'training']) {
    const dir = join(journal, mode);
    if (!check(dir)) continue;
    for (const name of readdirSync(dir)) check(join(dir, name));
  }
  return found;
}

export function exposureWarning(found: readonly Exposed[], lang: Lang): string {
  if (found.length === 0) return '';
  const lines = found.slice(0, 5).map((entry) => {
    const fix = `chmod ${entry.dir ? '700' : '600'} '${entry.path}'`;
    return `sop: ${say(lang, {
      en: `warning: ${entry.path} can be reached by other users of this computer (mode ${entry.mode.toString(8).padStart(4, '0')}). Fix: ${fix}`,
      uk: `попередження: ${entry.path} доступний іншим користувачам цього комп'ютера (режим ${entry.mode.toString(8).padStart(4, '0')}). Виправлення: ${fix}`,
    })}\n`;
  });
  if (found.length > 5) lines.push(`sop: ${say(lang, { en: `... and ${found.length - 5} more`, uk: `... і ще ${found.length - 5}` })}\n`);
  return lines.join('');
}
