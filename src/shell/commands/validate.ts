/**
 * `sop validate`: wires the file reading (shell), the loader and the validator (core) and the
 * finding formats together. Cross-file checks always run; only the parse is cached.
 */
import chalk from 'chalk';
import { relative } from 'node:path';
import { isUnreadable } from '../../core/load/source-file.js';
import type { Finding } from '../../core/findings/finding.js';
import { sortFindings } from '../../core/validate/sort-findings.js';
import { openParseCache } from '../cache/parse-cache.js';
import { EXIT, UserError } from '../exit-codes.js';
import { formatGithub } from '../format/findings-github.js';
import { formatJson } from '../format/findings-json.js';
import { formatJunit } from '../format/findings-junit.js';
import { formatPretty } from '../format/findings-pretty.js';
import { formatSarif } from '../format/findings-sarif.js';
import { countFindings, summaryLine } from '../format/findings-summary.js';
import { isLang, langFromEnv, type Lang } from '../i18n.js';
import { collectFiles } from '../library/collect-files.js';
import { contextFiles } from '../library/context-files.js';
import { isLibraryFile } from '../library/read-library.js';
import { isScenarioFile } from '../library/read-scenarios.js';
import { validateSources } from '../library/validate-sources.js';
import { readSources } from '../library/read-sources.js';
import { isIsoDate } from '../../core/stats/iso-date.js';
import { VERSION } from '../version.js';

/** The options of `sop validate`: this command owns them; cli/validate.ts only parses argv into them. */
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

export interface ValidationRun {
  readonly findings: Finding[];
  /** Every file read, as given (stdin as <stdin>). */
  readonly files: string[];
  /** The text of each file read, for showing source lines. */
  readonly texts: ReadonlyMap<string, string>;
  /** How many of the files asked for have YAML or schema errors, so the semantic rules skipped them. */
  readonly notChecked: number;
}

/**
 * Reads, loads and validates: the whole of `sop validate` but the output. The other SOPs and the
 * directory beside the files asked for are read as context (see context-files.ts).
 */
export async function validatePaths(
  targets: readonly string[],
  options: { readonly today: string; readonly cache: boolean; readonly stdin?: () => Promise<Uint8Array> },
): Promise<ValidationRun> {
  const collected = await collectFiles(targets, (path) => isLibraryFile(path) || isScenarioFile(path));
  const context = await contextFiles(collected.files);
  const sources = await readSources([...collected.files, ...context], {
    cache: options.cache ? openParseCache() : undefined,
    ...(options.stdin ? { stdin: options.stdin } : {}),
  });
  const { findings: validated, load } = validateSources(sources, { today: options.today });
  const findings: Finding[] = [...collected.findings, ...validated];
  const texts = new Map<string, string>();
  for (const source of sources) if (!isUnreadable(source)) texts.set(source.path, source.text);
  // Files read only as context are not reported on.
  const notAsked = new Set(context);
  const reported = [...collected.findings, ...findings.slice(collected.findings.length).filter((finding) => !notAsked.has(finding.file))];
  const notChecked = [...(load.notChecked ?? [])].filter((file) => !notAsked.has(file)).length;
  return { findings: sortFindings(reported), files: collected.files.map((file) => (file === '-' ? '<stdin>' : file)), texts, notChecked };
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
