/** `sop replay`: the timeline of one recorded call, or `--check` of many against the current SOPs. */
import { buildTimeline } from '../../core/record/build-timeline.js';
import { expandLibraryTexts } from '../../core/render/expand-step.js';
import { EXIT, UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
import { readLibrary } from '../library/read-library.js';
import { fitColumns } from '../format/fit-columns.js';
import { formatCheckJson, formatCheckJunit, formatCheckPretty } from '../replay/format-check.js';
import { pinnedLibrary } from '../replay/pinned-library.js';
import { playTimeline, stepThrough } from '../replay/play-timeline.js';
import { prepareCheck, type PreparedCheck } from '../replay/check-sources.js';
import { callSources, readRecordedCalls, type CallSource, type ReadCallsOptions, type RecordedCall } from '../replay/read-recorded-calls.js';
import { renderTimeline } from '../replay/render-timeline.js';
import { colorFor } from '../text/color.js';
import { safeJson } from '../text/safe-json.js';
import { checkSettings } from '../replay/settings.js';
import { openTerminal } from '../tui/terminal.js';
import { readJournal } from '../journal/reader.js';
import { pickCall } from '../tui/pick-call.js';
import { pageOrPrint } from '../tui/pager.js';
import { isInteractive } from '../is-interactive.js';
import { progressBar } from '../tui/progress-bar.js';

/** The options of `sop replay`: this command owns them; cli/define-replay.ts only parses argv into them. */
export interface ReplayOptions {
  readonly check?: boolean;
  readonly sops?: string;
  readonly dataDir?: string;
  readonly training?: boolean;
  readonly step?: boolean;
  readonly speed?: string;
  readonly format?: 'pretty' | 'json' | 'junit';
  readonly lang?: string;
  /** The supervisor's private key: the timeline shows sealed answers and notes (src/shell/crypto/). */
  readonly key?: string;
  /** --db [url]: the calls in the shared store instead of this machine's journal. */
  readonly db?: string | boolean;
  /** --check: report lines whole even when wider than the terminal. */
  readonly wide?: boolean;
}

export interface ReplayIO {
  readonly sleep: (ms: number) => Promise<void>;
}

const realIO: ReplayIO = { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

export async function runReplay(args: readonly string[], options: ReplayOptions, io: ReplayIO = realIO): Promise<number> {
  if (options.db !== undefined) {
    // The store's calls, laid out as a private temporary journal: replay reads it like this machine's.
    const { loadConfig } = await import('../config/load-config.js');
    const { withStore } = await import('../store/read.js');
    const { stageStore } = await import('../store/stage.js');
    const config = await loadConfig({ flags: options.lang !== undefined ? { lang: options.lang } : {} });
    const staged = await withStore(options.db, config, (store) => stageStore(store, options.training ? 'training' : 'live'));
    try {
      const { db: _db, ...rest } = options;
      return await runReplay(args, { ...rest, dataDir: staged.dataDir }, io);
    } finally {
      staged.remove();
    }
  }
  const settings = await checkSettings(options);
  const { lang } = settings;
  const read: ReadCallsOptions = { dataDir: settings.dataDir, mode: options.training ? 'training' : 'live', lang };
  if (options.check && options.key !== undefined) {
    throw new UserError(say(lang, { en: '--key opens one call\'s timeline; it does not go with --check', uk: '--key відкриває хронологію одного дзвінка; з --check не використовується' }));
  }
  if (options.check) return check(callSources(args, read), read, settings.sopsDir, options, lang, args);
  if (args.length === 0) {
    // No call named: on a terminal, a menu of the recorded calls (as sop resume offers); else say what to give.
    if (!isInteractive()) {
      throw new UserError(
        say(lang, {
          en: 'replay needs a call: give a session id (see "sop log list") or an exported .jsonl file; on a terminal, "sop replay" alone offers a menu of recorded calls',
          uk: 'replay потребує дзвінка: вкажіть ідентифікатор сесії (див. "sop log list") або експортований файл .jsonl; у терміналі "sop replay" без нього пропонує меню записаних дзвінків',
        }),
      );
    }
    const { sessions } = readJournal(settings.dataDir, read.mode, { lang });
    if (sessions.length === 0) {
      process.stderr.write(say(lang, { en: 'No recorded calls.\n', uk: 'Записаних дзвінків немає.\n' }));
      return EXIT.ok;
    }
    const picked = await pickCall(sessions, lang);
    if (picked === undefined) return EXIT.findings;
    return runReplay([picked], options, io);
  }
  if (args.length !== 1) {
    throw new UserError(
      say(lang, {
        en: 'replay shows one call: give one session id or one exported file (or use --check for many)',
        uk: 'replay показує один дзвінок: вкажіть один ідентифікатор сесії або один експортований файл (або --check для багатьох)',
      }),
    );
  }
  const { calls: recorded, notices } = readRecordedCalls(args, read);
  for (const notice of notices) process.stderr.write(`sop: ${notice}\n`);
  const calls = options.key === undefined ? recorded : await openCalls(recorded, options.key, lang);
  return replay(calls, args, [...new Set([settings.sopsDir, settings.configuredSopsDir])], options, lang, io);
}

async function check(sources: readonly CallSource[], read: ReadCallsOptions, sopsDir: string, options: ReplayOptions, lang: Lang, named: readonly string[]): Promise<number> {
  // Workers (for a large run) load the library while this thread does.
  const prepared = prepareCheck(sopsDir, sources, read);
  try {
    return await checkWith(prepared, sources, sopsDir, options, lang, named);
  } finally {
    prepared.close();
  }
}

async function checkWith(prepared: PreparedCheck, sources: readonly CallSource[], sopsDir: string, options: ReplayOptions, lang: Lang, named: readonly string[]): Promise<number> {
  const { library, findings } = await readLibrary([sopsDir]);
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) {
    process.stderr.write(
      say(lang, {
        en: `sop: ${errors.length} error(s) in the SOPs of ${sopsDir}; calls that reach them will diverge. Run "sop validate ${sopsDir}".\n`,
        uk: `sop: у СОП із ${sopsDir} помилок: ${errors.length}; дзвінки, що їх зачіпають, розійдуться. Виконайте "sop validate ${sopsDir}".\n`,
      }),
    );
  }
  // Progress by bytes read, on a terminal only, when there is a lot to read.
  const totalBytes = sources.reduce((sum, source) => sum + (source.kind === 'file' ? source.bytes : 0), 0);
  const progress = process.stderr.isTTY && totalBytes >= 4_000_000 ? progressBar(totalBytes, process.stderr) : undefined;
  const { checks, notices } = await prepared.run(library, (done) => progress?.(done.bytes, done.calls));
  progress?.(totalBytes, checks.length, true);
  for (const notice of notices) process.stderr.write(`sop: ${notice}\n`);
  // Oldest call first, whichever file it came from (as `sop log list` orders them).
  checks.sort((a, b) => (a.startedAt === b.startedAt ? (a.session < b.session ? -1 : a.session > b.session ? 1 : 0) : a.startedAt < b.startedAt ? -1 : 1));
  if (checks.length === 0 && named.length > 0) {
    // Files named to be checked that hold no call: a CI check of the wrong files must not pass.
    throw new UserError(
      say(lang, {
        en: `${named.join(', ')}: no recorded call in what was given. Give journal files, or calls written by "sop log export SESSION --redact -o FILE".`,
        uk: `${named.join(', ')}: у вказаному немає жодного записаного дзвінка. Вкажіть файли журналу або дзвінки, збережені через "sop log export SESSION --redact -o FILE".`,
      }),
    );
  }
  if (checks.length === 0) {
    process.stderr.write(say(lang, { en: 'sop: no recorded calls to check\n', uk: 'sop: немає записаних дзвінків для перевірки\n' }));
  }
  const format = options.format ?? 'pretty';
  if (format === 'pretty') await pageOrPrint(formatCheckPretty(checks, lang, colorFor('stdout'), fitColumns(process.stdout, options.wide)));
  else process.stdout.write(format === 'json' ? formatCheckJson(checks, lang) : formatCheckJunit(checks, lang));
  return checks.some((entry) => entry.status === 'diverged') ? EXIT.findings : EXIT.ok;
}


/** `dirs`: the SOP folder to show the call with, then other folders to look in for the versions it was made with. */
async function replay(calls: readonly RecordedCall[], args: readonly string[], dirs: readonly string[], options: ReplayOptions, lang: Lang, io: ReplayIO): Promise<number> {
  if (calls.length === 0) {
    throw new UserError(
      say(lang, {
        en: `${args[0]}: no recorded call in it. Give a session id (sop log list), a journal file, or a call written by "sop log export SESSION --redact -o FILE".`,
        uk: `${args[0]}: у ньому немає записаного дзвінка. Вкажіть ідентифікатор сесії (sop log list), файл журналу або дзвінок, збережений через "sop log export SESSION --redact -o FILE".`,
      }),
    );
  }
  if (calls.length !== 1 || !calls[0]) {
    const list = calls.slice(0, 10).map((call) => `  ${call.id}`).join('\n');
    throw new UserError(
      say(lang, {
        en: `${args[0]} holds ${calls.length} calls; name one session id${list ? `:\n${list}` : ''}`,
        uk: `${args[0]} містить дзвінків: ${calls.length}; вкажіть один ідентифікатор сесії${list ? `:\n${list}` : ''}`,
      }),
    );
  }
  const call = calls[0];
  const current = await readLibrary(dirs.slice(0, 1));
  const pinned = await pinnedLibrary(call.start.files ?? [], current, dirs, lang);
  for (const notice of pinned.notices) process.stderr.write(`sop: ${notice}\n`);
  // Step texts as printed: numbers from the directory, answers as [name] (the timeline shows answers apart).
  const timeline = buildTimeline(expandLibraryTexts(pinned.library, ['en', 'uk']), call);
  if (options.format === 'json') {
    process.stdout.write(`${safeJson(JSON.stringify(timeline, null, 2))}\n`);
    return EXIT.ok;
  }
  if (options.format === 'junit') {
    throw new UserError(say(lang, { en: '--format junit goes with --check', uk: '--format junit використовується з --check' }));
  }
  if (options.step) {
    if (!isInteractive()) {
      throw new UserError(
        say(lang, {
          en: '--step needs a terminal (keys are read from it); without --step the whole call is printed',
          uk: '--step потребує термінала (клавіші читаються з нього); без --step дзвінок друкується повністю',
        }),
      );
    }
    const terminal = openTerminal(process.stdin, process.stdout);
    try {
      await stepThrough(timeline, terminal, lang, colorFor('stdout'));
    } finally {
      terminal.close();
    }
    return EXIT.ok;
  }
  if (options.speed !== undefined) {
    const speed = Number(options.speed);
    if (!Number.isFinite(speed) || speed <= 0) {
      throw new UserError(
        say(lang, { en: `--speed must be a positive number (e.g. 4), got "${options.speed}"`, uk: `--speed має бути додатним числом (наприклад 4), а не «${options.speed}»` }),
      );
    }
    await playTimeline(timeline, { speed, sleep: io.sleep, write: (text) => process.stdout.write(text), lang, color: colorFor('stdout') });
    return EXIT.ok;
  }
  // Taller than the screen in a terminal: through the pager (never when piped).
  await pageOrPrint(renderTimeline(timeline, lang, colorFor('stdout')));
  return EXIT.ok;
}

/** `--key`: the calls with their sealed answers and notes opened by the supervisor's private key. */
async function openCalls(calls: readonly RecordedCall[], key: string, lang: Lang): Promise<RecordedCall[]> {
  const { isSealed, nothingSealedNotice, openSession, openerFor } = await import('../journal/open-sealed.js');
  const opener = openerFor(key, lang);
  return calls.map((call) => {
    if (!isSealed(call)) process.stderr.write(`sop: ${nothingSealedNotice(call, lang)}\n`);
    return openSession(call, opener);
  });
}
