/**
 * `sop validate`: wires the file reading (shell), the loader and the validator (core) and the
 * finding formats together. Cross-file checks always run; only the parse is cached.
 */
import chalk from 'chalk';
import { relative } from 'node:path';
import { EXIT, UserError } from '../exit-codes.js';
import { formatGithub } from '../format/findings-github.js';
import { formatJson } from '../format/findings-json.js';
import { formatJunit } from '../format/findings-junit.js';
import { formatPretty } from '../format/findings-pretty.js';
import { formatSarif } from '../format/findings-sarif.js';
import { countFindings, summaryLine } from '../format/findings-summary.js';
import { isLang, langFromEnv, type Lang } from '../i18n.js';
import { validatePaths } from '../library/validate-paths.js';
import { isIsoDate } from '../../core/stats/iso-date.js';
import { VERSION } from '../version.js';

/** The options of `sop validate`: this command owns them; cli/define-validate.ts only parses argv into them. */
export interface ValidateOptions {
  readonly format?: 'pretty' | 'json' | 'github' | 'sarif' | 'junit';
  readonly strict?: boolean;
  /** false with --no-cache. */
  readonly cache?: boolean;
  readonly today?: string;
  readonly lang?: string;
}

/** Where to look when no path is given: the configured SOP folder (flags > env > config > ./sops). */
async function defaultPaths(): Promise<string[]> {
  const { loadConfig } = await import('../config/load-config.js');
  const dir = (await loadConfig()).sopsDir;
  const shown = relative(process.cwd(), dir);
  return [shown === '' ? '.' : shown.startsWith('..') ? dir : shown];
}

function checkToday(today: string | undefined): string {
  if (today === undefined) return new Date().toISOString().slice(0, 10);
  if (!isIsoDate(today)) {
    throw new UserError(`--today must be a date like 2026-01-31, got "${today}"`, EXIT.usage, `--today має бути датою на кшталт 2026-01-31, а не «${today}»`);
  }
  return today;
}

export async function runValidate(paths: readonly string[], options: ValidateOptions): Promise<number> {
  const lang: Lang = isLang(options.lang) ? options.lang : (langFromEnv(process.env) ?? 'en');
  const today = checkToday(options.today);
  const format = options.format ?? (process.env['GITHUB_ACTIONS'] === 'true' ? 'github' : 'pretty');
  const targets = paths.length > 0 ? [...paths] : await defaultPaths();
  const { findings: sorted, files, texts, notChecked } = await validatePaths(targets, { today, cache: options.cache !== false });

  switch (format) {
    case 'json':
      process.stdout.write(formatJson(sorted, files, notChecked));
      break;
    case 'github':
      process.stdout.write(formatGithub(sorted, lang));
      break;
    case 'sarif':
      process.stdout.write(formatSarif(sorted, VERSION, lang));
      break;
    case 'junit':
      process.stdout.write(formatJunit(sorted, files, options.strict === true, lang));
      break;
    default:
      process.stdout.write(formatPretty(sorted, { chalk, lang, sourceOf: (file) => texts.get(file) }));
  }
  const counts = countFindings(sorted, files.length, notChecked);
  process.stderr.write(`${summaryLine(counts, lang)}\n`);
  return counts.errors > 0 || (options.strict === true && counts.warnings > 0) ? EXIT.findings : EXIT.ok;
}
