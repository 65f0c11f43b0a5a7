/**
 * Reads and validates the SOP library for a call (`sop run`, `sop resume`), and finds the SOP
 * asked for by id or by file path. A library with errors is refused with its findings (exit 1).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import type { Library } from '../../core/model/library.js';
import { didYouMean } from '../../core/findings/did-you-mean.js';
import { EXIT, UserError } from '../exit-codes.js';
import { localize, say, type Lang } from '../i18n.js';
import { readLibrary } from '../library/read-library.js';
import { formatPretty } from '../format/findings-pretty.js';
import { colorFor } from '../text/color.js';
import { safeLine, safeText } from '../text/safe-text.js';
import { compareAlphabetically } from './alphabetical.js';
import { isPathLike } from '../library/is-path-like.js';
import { msg } from '../../core/model/message.js';

export interface OpenedLibrary {
  readonly library: Library;
  /** The SOP asked for, when one was. */
  readonly sop?: string;
}


export async function openLibrary(sopsDir: string, arg: string | undefined, lang: Lang): Promise<OpenedLibrary> {
  let paths = [sopsDir];
  const asPath = arg !== undefined && isPathLike(arg) ? resolve(arg) : undefined;
  if (asPath !== undefined && !existsSync(asPath)) {
    // Said before any folder is read: the folder around a mistyped path is not the library.
    throw new UserError(
      say(lang, msg('tui-open-library-no-such-file-give-the', { arg: safeLine(arg!) })),
    );
  }
  if (asPath !== undefined) {
    const inside = relative(resolve(sopsDir), asPath);
    // An SOP outside the library folder is run with the SOPs beside it (its called SOPs, the directory).
    if (inside.startsWith('..') || isAbsolute(inside)) paths = [dirname(asPath)];
  }
  const today = new Date().toISOString().slice(0, 10);
  const { library, findings } = await readLibrary(paths, { validate: true, today });
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    process.stderr.write(formatPretty(errors, { chalk: colorFor('stderr'), lang, sourceOf }));
    throw new UserError(
      say(lang, msg('tui-open-library-the-sop-library-in-has', { paths: paths.join(', '), errorsCount: errors.length })),
      EXIT.findings,
    );
  }
  if (library.sops.size === 0) {
    throw new UserError(
      say(lang, msg('tui-open-library-no-sops-sop-yaml-in', { paths: paths.join(', ') })),
    );
  }
  if (arg === undefined) return { library };
  if (asPath === undefined) {
    if (library.sops.has(arg)) return { library, sop: arg };
  } else {
    for (const [id, loaded] of library.sops) if (resolve(loaded.file) === asPath) return { library, sop: id };
  }
  const known = [...library.sops.keys()].sort().join(', ');
  const close = asPath === undefined ? didYouMean(arg, library.sops.keys()) : undefined;
  throw new UserError(
    say(lang, {
      en: `no SOP "${arg}" in ${paths.join(', ')}.${close ? ` Did you mean "${close}"?` : ''} Known SOPs: ${known}. Run "sop run" without a name to choose from a menu.`,
      uk: `немає СОП «${arg}» у ${paths.join(', ')}.${close ? ` Можливо, «${close}»?` : ''} Відомі СОП: ${known}. Запустіть "sop run" без назви, щоб вибрати з меню.`,
    }),
  );
}

/** A file's text for the findings' source lines, neutralised for the terminal. */
function sourceOf(file: string): string | undefined {
  try {
    return safeText(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The library's SOPs for a menu: the entry point `first-contact` first, then by title. */
export function sopChoices(library: Library, lang: Lang): { value: string; name: string }[] {
  return [...library.sops.values()]
    .map((loaded) => ({ value: loaded.sop.sop, name: `${localize(loaded.sop.title, lang)}  (${loaded.sop.sop})` }))
    .sort((a, b) => (a.value === 'first-contact' ? -1 : b.value === 'first-contact' ? 1 : compareAlphabetically(a.name, b.name)));
}
