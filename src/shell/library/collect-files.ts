/**
 * Expands the paths given on the command line into a sorted list of files: files as given,
 * folders searched recursively for the names `include` accepts, quoted globs matched. A path
 * that does not exist, or a glob matching nothing, is a usage error (exit 2); a symlink loop
 * or an unreadable folder is a finding, and the rest is still read.
 *
 * A walk stays home: a symbolic link whose target is outside the folder walked is not followed
 * (SOP012 symlink-outside names it; nothing behind it is read, so no finding can quote a file
 * outside the library), no directory is walked twice (device and inode), and the walk stops at
 * MAX_DEPTH levels and MAX_ENTRIES entries with a finding.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Message } from '../../core/model/message.js';
import type { Finding } from '../../core/findings/finding.js';
import { makeFinding } from '../../core/findings/make-finding.js';
import { RULES } from '../../core/findings/rules.js';
import { EXIT, UserError } from '../exit-codes.js';
import { globBase, globToRegExp, isGlob } from './glob.js';

export interface Collected {
  readonly files: string[];
  readonly findings: Finding[];
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function unreadableFolder(error: unknown): Message {
  const why = errorCode(error) ?? String(error);
  return { en: `cannot read the folder: ${why}`, uk: `не вдається прочитати теку: ${why}` };
}

const REMOVE_LINK: Message = { en: 'remove the symbolic link', uk: 'видаліть символьне посилання' };

/** How deep and how wide a walk may go: a library is a few folders of a few thousand files. */
const MAX_DEPTH = 32;
const MAX_ENTRIES = 200_000;

/** Whether a real path is the real path `root` or below it. */
export function inside(root: string, real: string): boolean {
  const path = relative(root, real);
  return path === '' || (!path.startsWith(`..${sep}`) && path !== '..' && !isAbsolute(path));
}

/** Walks a folder: every file below it (following symlinks that stay inside it, skipping loops and dot-folders). */
async function walk(root: string, onFile: (path: string) => void, findings: Finding[]): Promise<void> {
  const ancestors = new Set<string>();
  const walked = new Set<string>();
  let rootReal: string;
  try {
    rootReal = await realpath(root);
  } catch (error) {
    findings.push(makeFinding(RULES.unreadable, root, undefined, unreadableFolder(error)));
    return;
  }
  let entriesSeen = 0;
  let stopped = false;
  const stop = (at: string, message: Message): void => {
    if (stopped) return;
    stopped = true;
    findings.push(makeFinding(RULES.unreadable, at, undefined, message, { en: 'give the folder that holds the SOPs, not one above it', uk: 'вкажіть теку, де лежать СОП, а не теку вище' }));
  };
  const visit = async (dir: string, depth: number): Promise<void> => {
    if (stopped) return;
    if (depth > MAX_DEPTH) {
      stop(dir, { en: `the folder is nested more than ${MAX_DEPTH} levels deep; the walk stopped here`, uk: `тека вкладена глибше ніж на ${MAX_DEPTH} рівнів; обхід зупинено тут` });
      return;
    }
    let real: string;
    try {
      real = await realpath(dir);
    } catch (error) {
      findings.push(makeFinding(RULES.unreadable, dir, undefined, unreadableFolder(error)));
      return;
    }
    if (ancestors.has(real)) {
      const message = { en: `the folder leads back to ${real}, which is already being read; skipped`, uk: `тека веде назад до ${real}, яку вже читають; пропущено` };
      findings.push(makeFinding(RULES.symlinkLoop, dir, undefined, message, REMOVE_LINK));
      return;
    }
    let identity: string;
    try {
      const info = await stat(dir);
      identity = `${info.dev}:${info.ino}`;
    } catch (error) {
      findings.push(makeFinding(RULES.unreadable, dir, undefined, unreadableFolder(error)));
      return;
    }
    if (walked.has(identity)) return; // reached again by another link: already read
    walked.add(identity);
    ancestors.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      findings.push(makeFinding(RULES.unreadable, dir, undefined, unreadableFolder(error)));
      ancestors.delete(real);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      if (++entriesSeen > MAX_ENTRIES) {
        stop(dir, { en: `the folder holds more than ${MAX_ENTRIES} entries; the walk stopped here`, uk: `тека містить понад ${MAX_ENTRIES} записів; обхід зупинено тут` });
        break;
      }
      const path = dir === '.' ? entry.name : join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const targetReal = await realpath(path);
          if (!inside(rootReal, targetReal)) {
            const message = {
              en: `the symbolic link leads out of ${root} (to ${targetReal}); not followed`,
              uk: `символьне посилання веде за межі ${root} (до ${targetReal}); не відкрито`,
            };
            findings.push(makeFinding(RULES.symlinkOutside, path, undefined, message, { en: 'remove the link, or copy the file into the library', uk: 'видаліть посилання або скопіюйте файл до бібліотеки' }));
            continue;
          }
          const target = await stat(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          const code = errorCode(error);
          if (code === 'ELOOP') {
            const message = { en: 'the symbolic link points to itself (a loop); skipped', uk: 'символьне посилання вказує саме на себе (петля); пропущено' };
            findings.push(makeFinding(RULES.symlinkLoop, path, undefined, message, REMOVE_LINK));
          } else {
            const message = { en: `broken symbolic link (${code ?? 'error'}); skipped`, uk: `зламане символьне посилання (${code ?? 'помилка'}); пропущено` };
            findings.push(makeFinding(RULES.unreadable, path, undefined, message));
          }
          continue;
        }
      }
      if (isDirectory) await visit(path, depth + 1);
      else if (isFile) onFile(path);
    }
    ancestors.delete(real);
  };
  await visit(root, 0);
}

export async function collectFiles(paths: readonly string[], include: (path: string) => boolean): Promise<Collected> {
  const files = new Set<string>();
  const findings: Finding[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.add('-');
      continue;
    }
    if (isGlob(path)) {
      const pattern = path.split(sep).join('/').replace(/^\.\//, '');
      const regex = globToRegExp(pattern);
      const base = globBase(pattern);
      const before = files.size;
      let exists = true;
      try {
        await stat(base);
      } catch {
        exists = false;
      }
      if (exists) {
        await walk(base, (file) => {
          const candidate = file.split(sep).join('/');
          if (regex.test(candidate) || regex.test(relative('.', file).split(sep).join('/'))) files.add(file);
        }, findings);
      }
      if (files.size === before) {
        throw new UserError(
          `no file matches the pattern ${path}\nCheck the pattern; quote it so the shell does not expand it.`,
          EXIT.usage,
          `жоден файл не відповідає шаблону ${path}\nПеревірте шаблон; візьміть його в лапки, щоб оболонка його не розгортала.`,
        );
      }
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        throw new UserError(
          `${path}: no such file or folder\nCheck the path (relative to ${process.cwd()}), or give a folder such as sops/.`,
          EXIT.usage,
          `${path}: немає такого файлу чи теки\nПеревірте шлях (відносно ${process.cwd()}) або вкажіть теку, напр. sops/.`,
        );
      }
      // Named on the command line, a loop is as unreadable as a missing file: not a passing run.
      if (code === 'ELOOP') {
        throw new UserError(
          `${path}: the symbolic link leads back to itself (a loop), so it cannot be read.\nRemove the symbolic link, or name the file it was meant to point to.`,
          EXIT.usage,
          `${path}: символьне посилання веде саме на себе (петля), тож його не прочитати.\nВидаліть посилання або вкажіть файл, на який воно мало вказувати.`,
        );
      }
      throw new UserError(
        `${path}: cannot be read (${code ?? String(error)})\nCheck that it exists and that you may read it.`,
        EXIT.usage,
        `${path}: не вдається прочитати (${code ?? String(error)})\nПеревірте, що він існує і що ви маєте право його читати.`,
      );
    }
    if (info.isDirectory()) {
      await walk(path.replace(/[\\/]+$/, '') || '/', (file) => {
        if (include(file)) files.add(file);
      }, findings);
    } else files.add(path);
  }
  return { files: [...files].sort(), findings };
}
