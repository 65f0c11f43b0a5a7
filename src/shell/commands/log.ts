/** `sop log list|show|verify`: wires the journal reader, the record model and verify to the terminal. */
import type { Library } from '../../core/model/library.js';
import { findSession } from '../../core/record/find-session.js';
import { summarise, type SessionSummary } from '../../core/record/summarise.js';
import { fitColumns } from '../format/fit-columns.js';
import { fitTable } from '../format/fit-table.js';
import { pageOrPrint } from '../tui/pager.js';
import { loadConfig, type Config } from '../config/load-config.js';
import { EXIT, UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
import type { SessionMode } from '../../core/record/journal-line.js';
import { readJournal, type JournalContents, type RecordedSessionIn } from '../journal/reader.js';
import { formatDuration, formatLocalTime, transcript } from '../journal/transcript.js';
import { verifyJournal, verifyJournalFile } from '../journal/verify.js';
import { safeLine, safeText } from '../text/safe-text.js';
import { safeJson } from '../text/safe-json.js';
import { isIsoDate } from '../../core/stats/iso-date.js';

/** The options of `sop log`: this command owns them; cli/define-log.ts only parses argv into them. */
interface LogCommonOptions {
  readonly dataDir?: string;
  /** --db [url]: the shared store instead of this machine's journal. */
  readonly db?: string | boolean;
  readonly lang?: string;
  readonly training?: boolean;
}

export interface LogListOptions extends LogCommonOptions {
  readonly sop?: string;
  readonly since?: string;
  readonly until?: string;
  readonly outcome?: string;
  /** Only calls recorded by this operator (the counsellor's pseudonym). */
  readonly operator?: string;
  readonly status?: 'completed' | 'interrupted' | 'open' | 'running' | 'unfinished';
  readonly format: 'table' | 'json';
  /** Whole values even in a narrow terminal. */
  readonly wide?: boolean;
}

export interface LogShowOptions extends LogCommonOptions {
  readonly sops?: string;
  /** The supervisor's private key: opens sealed answers and notes (src/shell/crypto/). */
  readonly key?: string;
  readonly format: 'text' | 'json';
}

export interface LogVerifyOptions {
  readonly dataDir?: string;
  readonly db?: string | boolean;
  readonly lang?: string;
  readonly format: 'text' | 'json';
}

async function settings(options: { dataDir?: string; lang?: string; sops?: string }): Promise<Config> {
  return await loadConfig({
    flags: {
      ...(options.lang !== undefined ? { lang: options.lang } : {}),
      ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
      ...(options.sops !== undefined ? { sopsDir: options.sops } : {}),
    },
  });
}

/** Reads the journal of one mode (or the shared store with --db); an unreadable journal is a clear error (exit 2), not a crash. */
async function readOrExplain(config: Config, mode: SessionMode, db?: string | boolean, id?: string): Promise<JournalContents> {
  if (db !== undefined) {
    const { readStore, withStore } = await import('../store/read.js');
    return withStore(db, config, (store) => readStore(store, mode, id === undefined ? {} : { id }));
  }
  try {
    return readJournal(config.dataDir, mode, { lang: config.lang });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    const path = (error as NodeJS.ErrnoException).path ?? config.dataDir;
    throw new UserError(
      say(config.lang, {
        en: `cannot read the journal: ${path} (${code}). Check the permissions, or give --data-dir.`,
        uk: `не вдається прочитати журнал: ${path} (${code}). Перевірте права доступу або вкажіть --data-dir.`,
      }),
    );
  }
}

function printNotices(notices: readonly string[]): void {
  for (const notice of notices) process.stderr.write(`sop: ${notice}\n`);
}

/** A date bound: YYYY-MM-DD is a local day (since: its start; until: its end), else an ISO time. */
function parseBound(value: string | undefined, edge: 'start' | 'end', flag: string, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const time = day && !isIsoDate(value)
    ? Number.NaN // 2026-02-30 is refused, not rolled over to March
    : day
    ? edge === 'start'
      ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])).getTime()
      : new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1).getTime() - 1
    : Date.parse(value);
  if (Number.isNaN(time)) {
    throw new UserError(
      say(lang, {
        en: `${flag} ${value}: not a date. Write it as YYYY-MM-DD (e.g. 2026-11-29) or an ISO time (2026-11-29T13:00).`,
        uk: `${flag} ${value}: це не дата. Запишіть як РРРР-ММ-ДД (напр. 2026-11-29) або час ISO (2026-11-29T13:00).`,
      }),
    );
  }
  return time;
}

function keep(session: RecordedSessionIn, summary: SessionSummary, options: LogListOptions, since?: number, until?: number): boolean {
  if (options.sop !== undefined && summary.sop !== options.sop) return false;
  if (options.operator !== undefined && summary.operator !== options.operator) return false;
  const started = Date.parse(summary.startedAt);
  if (since !== undefined && started < since) return false;
  if (until !== undefined && started > until) return false;
  if (options.outcome !== undefined) {
    const outcome = summary.outcome ?? '';
    if (outcome !== options.outcome && !outcome.endsWith(`/${options.outcome}`)) return false;
  }
  // Unfinished: what `sop resume` offers (interrupted or open); a running call is not among them.
  if (options.status === 'unfinished') return session.status === 'interrupted' || session.status === 'open';
  if (options.status !== undefined) return session.status === options.status;
  return true;
}

export async function runLogList(options: LogListOptions): Promise<number> {
  const config = await settings(options);
  const { lang } = config;
  const since = parseBound(options.since, 'start', '--since', lang);
  const until = parseBound(options.until, 'end', '--until', lang);
  const { sessions, notices } = await readOrExplain(config, options.training ? 'training' : 'live', options.db);
  printNotices(notices);
  const rows = sessions.map((session) => ({ session, summary: summarise(session) })).filter(({ session, summary }) => keep(session, summary, options, since, until));
  if (options.format === 'json') {
    process.stdout.write(`${safeJson(JSON.stringify(rows.map(({ session, summary }) => ({ ...summary, file: session.file })), null, 2))}\n`);
    return EXIT.ok;
  }
  if (rows.length === 0) {
    process.stderr.write(
      say(lang, {
        en: sessions.length === 0 ? `No recorded ${options.training ? 'training sessions' : 'calls'} in ${config.dataDir}.\n` : 'No recorded call matches these filters.\n',
        uk: sessions.length === 0 ? `У ${config.dataDir} немає записаних ${options.training ? 'тренувань' : 'дзвінків'}.\n` : 'Жоден записаний дзвінок не відповідає цим умовам.\n',
      }),
    );
    return EXIT.ok;
  }
  const statusWord = (summary: SessionSummary): string =>
    summary.status === 'completed'
      ? (summary.outcome ?? '')
      : summary.status === 'interrupted'
        ? say(lang, { en: `interrupted at ${summary.lastStep ?? '?'}`, uk: `перервано на ${summary.lastStep ?? '?'}` })
        : summary.status === 'running'
          ? say(lang, { en: `running at ${summary.lastStep ?? '?'} (another window)`, uk: `триває на ${summary.lastStep ?? '?'} (інше вікно)` })
          : say(lang, { en: `open at ${summary.lastStep ?? '?'}`, uk: `відкрито на ${summary.lastStep ?? '?'}` });
  const header = lang === 'uk' ? ['ДАТА', 'СЕСІЯ', 'SOP', 'РЕЗУЛЬТАТ', 'ТРИВАЛІСТЬ', 'ОПЕРАТОР'] : ['DATE', 'SESSION', 'SOP', 'OUTCOME', 'DURATION', 'OPERATOR'];
  // Every field comes from the journal: neutralised, one line each.
  const body = rows.map(({ summary }) => [formatLocalTime(summary.startedAt), summary.id, summary.sop, statusWord(summary), formatDuration(summary.durationMs), summary.operator].map(safeLine));
  // In a terminal the table fits its columns (outcome, operator and SOP give way); piped or --wide: whole values.
  // A long list pages on a terminal (less quits at once when it fits).
  await pageOrPrint(`${fitTable([header, ...body], fitColumns(process.stdout, options.wide), [3, 5, 2])}\n`);
  return EXIT.ok;
}

async function libraryFor(sopsDir: string): Promise<Library | undefined> {
  try {
    const { readLibrary } = await import('../library/read-library.js');
    const { expandLibraryTexts } = await import('../../core/render/expand-step.js');
    // Step texts as printed: numbers from the directory, answers as [name] (the transcript shows answers apart).
    return expandLibraryTexts((await readLibrary([sopsDir], { cache: false })).library, ['en', 'uk']);
  } catch {
    return undefined; // Labels are a comfort: ids are shown without the library.
  }
}

export async function runLogShow(id: string, options: LogShowOptions): Promise<number> {
  const config = await settings(options);
  const { lang } = config;
  const mode = options.training ? 'training' : 'live';
  const { sessions, notices } = await readOrExplain(config, mode, options.db, id);
  printNotices(notices);
  const found = findSession(sessions, id);
  const list = (matches: readonly RecordedSessionIn[]): string =>
    matches.map((s) => `  ${s.id}  ${formatLocalTime(s.start.at)}  ${s.start.sop}`).join('\n');
  if (found.kind === 'ambiguous') {
    throw new UserError(
      say(lang, {
        en: `"${id}" matches ${found.matches.length} sessions; give more of the id:\n${list(found.matches.slice(0, 10))}`,
        uk: `«${id}» підходить до ${found.matches.length} сесій; вкажіть більше символів:\n${list(found.matches.slice(0, 10))}`,
      }),
    );
  }
  if (found.kind === 'unknown') {
    const where = `${config.dataDir} (${mode === 'live' ? 'calls' : 'training'})`;
    const close = found.close.length > 0 ? list(found.close) : '';
    // The other journal may hold it: live calls when looking in training, and the other way round.
    const other = options.training
      ? { en: `live calls: sop log show ${id}`, uk: `дзвінки: sop log show ${id}` }
      : { en: `training sessions: sop log show ${id} --training`, uk: `тренування: sop log show ${id} --training` };
    throw new UserError(
      say(lang, {
        en: `no session "${id}" in the journal at ${where}.${close ? `\nClose matches:\n${close}` : ''}\nList sessions with: sop log list${options.training ? ' --training' : ''} (${other.en})`,
        uk: `у журналі ${where} немає сесії «${id}».${close ? `\nСхожі:\n${close}` : ''}\nСписок сесій: sop log list${options.training ? ' --training' : ''} (${other.uk})`,
      }),
    );
  }
  const session = options.key === undefined ? found.session : await openShown(found.session, options.key, lang);
  if (options.format === 'json') {
    process.stdout.write(session.lines.map((line) => safeJson(JSON.stringify(line))).join('\n') + '\n');
    return EXIT.ok;
  }
  const library = await libraryFor(config.sopsDir);
  const changed = session.start.files.filter((pinned) => {
    const loaded = library?.sops.get(pinned.sop);
    return loaded !== undefined && loaded.sha256 !== pinned.sha256;
  });
  if (changed.length > 0) {
    const names = changed.map((pinned) => pinned.sop).join(', ');
    printNotices([
      say(lang, {
        en: `${names}: changed since this call was recorded; step texts and labels below are from the current version`,
        uk: `${names}: змінено після запису цього дзвінка; тексти кроків і назви нижче — з поточної версії`,
      }),
    ]);
  }
  // Journal content (notes, typed answers, ids) may hold terminal escapes: neutralised.
  process.stdout.write(safeText(transcript(session, library, lang)));
  return EXIT.ok;
}

export async function runLogVerify(file: string | undefined, options: LogVerifyOptions): Promise<number> {
  const config = await settings(options);
  const { lang } = config;
  let report;
  if (options.db !== undefined) {
    const { verifyStore } = await import('../store/verify.js');
    const { withStore } = await import('../store/read.js');
    report = await withStore(options.db, config, (store) => verifyStore(store));
  } else try {
    report = file === undefined ? verifyJournal(config.dataDir, lang) : verifyJournalFile(file, lang);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new UserError(
      say(lang, {
        en: `cannot read ${file ?? config.dataDir} (${code}). Check the path, or give --data-dir.`,
        uk: `не вдається прочитати ${file ?? config.dataDir} (${code}). Перевірте шлях або вкажіть --data-dir.`,
      }),
    );
  }
  printNotices(report.notices);
  if (options.format === 'json') {
    process.stdout.write(`${safeJson(JSON.stringify({ ok: report.breaks.length === 0, files: report.files, lines: report.lines, breaks: report.breaks, notices: report.notices }, null, 2))}\n`);
  } else {
    for (const b of report.breaks) process.stdout.write(`${b.file}:${b.line}: ${b.kind}: ${b.message}\n`);
    process.stderr.write(
      report.breaks.length === 0
        ? say(lang, {
            en: `Journal intact: ${report.lines} lines in ${report.files} file(s), the hash chain holds.\n`,
            uk: `Журнал цілий: ${report.lines} рядків у ${report.files} файлах, ланцюжок гешів не порушено.\n`,
          })
        : say(lang, {
            en: `The hash chain breaks in ${report.breaks.length} place(s): the journal was changed after it was written.\n`,
            uk: `Ланцюжок гешів порушено в ${report.breaks.length} місцях: журнал змінювали після запису.\n`,
          }),
    );
  }
  return report.breaks.length === 0 ? EXIT.ok : EXIT.findings;
}

/** `--key`: the session with its sealed answers and notes opened (sop log show). */
async function openShown(session: RecordedSessionIn, key: string, lang: Lang): Promise<RecordedSessionIn> {
  const { isSealed, nothingSealedNotice, openSession, openerFor } = await import('../journal/open-sealed.js');
  if (!isSealed(session)) printNotices([nothingSealedNotice(session, lang)]);
  return openSession(session, openerFor(key, lang));
}
