/** `sop stats`: reads the journal, computes figures (core), prints them with small counts hidden. */
import { isEngineLine, type SessionMode } from '../../core/record/journal-line.js';
import { computeFigures, FigureTally, type CallTally, type FigureOptions } from '../../core/stats/compute-figures.js';
import type { Figures } from '../../core/stats/figures.js';
import { formatCsv } from '../../core/stats/format-csv.js';
import { formatJson } from '../../core/stats/format-json.js';
import { formatTable } from '../../core/stats/format-table.js';
import { isIsoDate } from '../../core/stats/iso-date.js';
import { namesFromLibrary, NO_NAMES, type Names } from '../../core/stats/names.js';
import { SW, sw } from '../../core/stats/stats-words.js';
import { loadConfig } from '../config/load-config.js';
import { EXIT, UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
import { foldJournal, SessionReopened, type CallFolder } from '../journal/each-session.js';
import { readJournal } from '../journal/reader.js';
import { safeJson } from '../text/safe-json.js';
import { readLibrary } from '../library/read-library.js';
import { safeLine, safeText } from '../text/safe-text.js';

/** The options of `sop stats`: this command owns them; cli/define-stats.ts only parses argv into them. */
export interface StatsOptions {
  readonly since?: string;
  readonly until?: string;
  readonly format: 'table' | 'json' | 'csv';
  readonly chart?: boolean;
  readonly ascii?: boolean;
  readonly raw?: boolean;
  readonly dataDir?: string;
  readonly training?: boolean;
  readonly lang?: string;
  readonly sops?: string;
  /** --db [url]: the shared store instead of this machine's journal. */
  readonly db?: string | boolean;
}

function checkDate(flag: string, value: string | undefined, lang: Lang): void {
  if (value === undefined || isIsoDate(value)) return;
  throw new UserError(
    say(lang, {
      en: `${flag} "${value}" is not a date. Write it as YYYY-MM-DD, e.g. ${flag} 2026-11-01.`,
      uk: `${flag} «${value}» — не дата. Пишіть у форматі РРРР-ММ-ДД, напр. ${flag} 2026-11-01.`,
    }),
  );
}

/** Names from the SOP library (titles, outcome labels and categories, answer labels); none when it cannot be read. */
async function libraryNames(sopsDir: string, lang: Lang): Promise<Names> {
  try {
    const { library } = await readLibrary([sopsDir]);
    return namesFromLibrary(library, lang);
  } catch {
    return NO_NAMES;
  }
}

/**
 * The figures of one mode's journal, each call counted as it is read (journal/each-session.ts);
 * a journal with a call's lines after its end (an edited file) is read whole instead.
 */
export function journalFigures(dataDir: string, mode: SessionMode, lang: Lang, options: FigureOptions): { figures: Figures; notices: string[] } {
  const tally = new FigureTally(options);
  const folder: CallFolder<CallTally | undefined> = {
    begin: (start) => tally.begin(start),
    line: (call, line) => {
      if (call !== undefined && isEngineLine(line)) call.event(line);
    },
    end: (call, how) => call?.close(how),
    whole: (session) => tally.add(session),
  };
  try {
    const notices = foldJournal(dataDir, mode, lang, folder);
    return { figures: tally.figures(), notices };
  } catch (error) {
    if (!(error instanceof SessionReopened)) throw error;
  }
  const { sessions, notices } = readJournal(dataDir, mode, { lang });
  return { figures: computeFigures(sessions, options), notices };
}

/** Unicode bars unless asked for ASCII or the locale is not UTF-8. */
function wantsAscii(options: StatsOptions, env: NodeJS.ProcessEnv): boolean {
  if (options.ascii) return true;
  const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
  return !/utf-?8/i.test(locale);
}

export async function runStats(options: StatsOptions): Promise<number> {
  const config = await loadConfig({
    flags: {
      ...(options.lang ? { lang: options.lang } : {}),
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.sops ? { sopsDir: options.sops } : {}),
    },
  });
  const lang = config.lang;
  const format = options.format ?? 'table';
  checkDate('--since', options.since, lang);
  checkDate('--until', options.until, lang);
  if (options.since && options.until && options.since > options.until) {
    throw new UserError(
      say(lang, {
        en: `--since ${options.since} is after --until ${options.until}: no day fits. Swap them?`,
        uk: `--since ${options.since} пізніше за --until ${options.until}: жоден день не підходить. Поміняйте їх місцями?`,
      }),
    );
  }
  // These depend on the value of --format, not only on which flags were given, so they are not
  // commander's .conflicts() (which refuses --raw with --chart: see cli/define-stats.ts).
  if (options.raw && format !== 'json') {
    throw new UserError(
      say(lang, {
        en: '--raw (exact small counts) is for --format json only; tables and CSV always hide counts below 5.',
        uk: '--raw (точні малі кількості) лише для --format json; таблиці й CSV завжди приховують кількості менші за 5.',
      }),
    );
  }
  if (options.chart && format !== 'table') {
    throw new UserError(
      say(lang, { en: '--chart draws in the table format only.', uk: '--chart малює лише у форматі table.' }),
    );
  }

  const mode = options.training ? 'training' : 'live';
  const names = await libraryNames(config.sopsDir, lang);
  const figureOptions = {
    mode,
    ...(names.outcome.size > 0 ? { categoryOf: (outcome: string) => names.outcome.get(outcome)?.category } : {}),
    ...(options.since ? { since: options.since } : {}),
    ...(options.until ? { until: options.until } : {}),
  } as const;
  let figures;
  let source = config.dataDir;
  if (options.db !== undefined) {
    const { withStore } = await import('../store/read.js');
    figures = await withStore(options.db, config, async (store) => (await import('../store/stats-sql.js')).storeFigures(store, figureOptions));
    const { redactUrl, storeUrl } = await import('../store/url.js');
    source = redactUrl(storeUrl(options.db, config.databaseUrl, lang));
  } else {
    const { figures: folded, notices } = journalFigures(config.dataDir, mode, lang, figureOptions);
    for (const notice of notices) process.stderr.write(`sop: ${notice}\n`);
    figures = folded;
  }

  if (figures.calls === 0) {
    const what = mode === 'live' ? say(lang, { en: 'calls', uk: 'дзвінків' }) : say(lang, { en: 'training sessions', uk: 'навчальних сесій' });
    process.stderr.write(
      say(lang, {
        en: `sop: no ${what} recorded${options.since || options.until ? ' in that period' : ''} (journal: ${source}). Figures appear here once calls are made with "sop run".\n`,
        uk: `sop: немає записаних ${what}${options.since || options.until ? ' за цей період' : ''} (журнал: ${source}). Цифри з'являться, щойно будуть дзвінки через "sop run".\n`,
      }),
    );
    if (format === 'table') return EXIT.ok;
  }

  if (format === 'json') {
    if (options.raw) process.stderr.write(`sop: ${sw(lang, SW.rawWarning)}\n`);
    process.stdout.write(safeJson(formatJson(figures, options.raw ?? false, names)));
  } else if (format === 'csv') {
    // SOP ids, outcomes and step names come from the journal: neutralised like every journal text.
    process.stdout.write(formatCsv(figures, names).split('\r\n').map(safeLine).join('\r\n'));
  } else {
    process.stdout.write(
      safeText(
        formatTable(figures, {
          lang,
          chart: options.chart ?? false,
          ascii: wantsAscii(options, process.env),
          width: process.stdout.columns || 80,
          names,
        }),
      ),
    );
  }
  return EXIT.ok;
}
