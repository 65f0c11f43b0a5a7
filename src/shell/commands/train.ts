/**
 * `sop train [scenario]`: a training call. The trainee reads the situation, runs the SOP through
 * the SAME loop as a live call (runLiveCall: same screens, keys, journal guarantees) with the
 * caller's lines (and, with --reveal, the expert's choice) above the steps, recorded in the
 * TRAINING journal; then the debrief. `--report` scores a trainee's sessions from that journal.
 */
import { join, resolve } from 'node:path';
import { formatWhere } from '../../core/check/where.js';
import { startCall } from '../../core/engine/start-call.js';
import type { LoadedScenario } from '../../core/load/load-scenario.js';
import type { JournalEvent, JournalLine } from '../../core/record/journal-line.js';
import type { RecordedSession } from '../../core/record/recorded-session.js';
import { debriefSession } from '../../core/training/debrief-session.js';
import { expertRun, type ExpertRun } from '../../core/training/expert-run.js';
import { formatDebrief } from '../../core/training/format-debrief.js';
import { formatReport, alignedLayout, type ReportLayout } from '../../core/training/format-report.js';
import { stepBanner } from '../../core/training/step-banner.js';
import { traineeReport } from '../../core/training/trainee-report.js';
import type { TextStyle } from '../../core/training/text-style.js';
import { didYouMean } from '../../core/findings/did-you-mean.js';
import { loadConfig } from '../config/load-config.js';
import { fitColumns } from '../format/fit-columns.js';
import { fitTable } from '../format/fit-table.js';
import { EXIT, UserError } from '../exit-codes.js';
import { localize, say, type Lang } from '../i18n.js';
import { openSessionWriter, type SessionWriter } from '../journal/writer.js';
import { readJournal } from '../journal/reader.js';
import { readLibrary } from '../library/read-library.js';
import { readScenarios } from '../library/read-scenarios.js';
import { printError } from '../output.js';
import { colorFor } from '../text/color.js';
import { runLiveCall } from '../tui/live-call.js';
import { pageOrPrint } from '../tui/pager.js';
import { openLibrary } from '../tui/open-library.js';
import { preCallNotices } from '../tui/pre-call-notices.js';
import { callWriterOptions, sessionStart } from '../tui/call-journal.js';
import { safeLine } from '../text/safe-text.js';
import { safeJson } from '../text/safe-json.js';
import type { StepView } from '../tui/step-view.js';
import { wrap } from '../text/wrap.js';
import { compareAlphabetically } from '../tui/alphabetical.js';
import { isPathLike } from '../library/is-path-like.js';
import { isInteractive } from '../is-interactive.js';

/** The options of `sop train`: this command owns them; cli/define-train.ts only parses argv into them. */
export interface TrainOptions {
  readonly trainee?: string;
  readonly reveal?: boolean;
  /** `--report` alone: true; `--report NAME`: that trainee. */
  readonly report?: string | boolean;
  readonly format?: 'table' | 'json';
  /** --report: the table whole even when wider than the terminal. */
  readonly wide?: boolean;
  readonly lang?: string;
  readonly operator?: string;
  readonly dataDir?: string;
  readonly sops?: string;
  readonly scenarios?: string;
}
import { msg } from '../../core/model/message.js';

export async function runTrain(scenarioArg: string | undefined, options: TrainOptions): Promise<number> {
  let lang: Lang = 'en';
  try {
    const config = await loadConfig({ flags: { lang: options.lang, operator: options.operator, dataDir: options.dataDir, sopsDir: options.sops } });
    lang = config.lang;
    const trainee = (options.trainee ?? config.operator).trim();
    if (trainee === '') throw new UserError(say(lang, msg('commands-train-trainee-needs-a-pseudonym')));
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(trainee)) {
      throw new UserError(
        say(lang, msg('commands-train-trainee-holds-a-line-break')),
      );
    }
    if (scenarioArg === '-') {
      throw new UserError(
        say(lang, msg('commands-train-a-training-scenario-cannot-come')),
      );
    }
    const scenariosDir = options.scenarios ? resolve(options.scenarios) : join(config.sopsDir, 'scenarios');
    if (options.report !== undefined && options.report !== false) {
      const who = typeof options.report === 'string' ? options.report : trainee;
      return await report(who, config.dataDir, config.sopsDir, scenariosDir, options.format ?? 'table', lang, fitColumns(process.stdout, options.wide));
    }
    if (!isInteractive()) {
      throw new UserError(
        say(lang, msg('commands-train-training-needs-a-terminal-stdin')),
      );
    }
    const { library } = await openLibrary(config.sopsDir, undefined, lang);
    const { sessions, notices } = readJournal(config.dataDir, 'training', { lang });
    for (const notice of notices) process.stderr.write(`sop: ${safeLine(notice)}\n`);
    const scenarios = await findScenarios(scenarioArg, scenariosDir, lang);
    const chosen = scenarios.length === 1 ? scenarios[0] : await chooseScenario(scenarios, sessions, trainee, lang);
    if (!chosen) return EXIT.findings;

    const expert = expertRun(library, chosen);
    if (!expert.result.passed) {
      const failure = expert.result.failures[0];
      const where = failure ? formatWhere(failure.scenarioAt ?? failure.sopAt) : chosen.file;
      throw new UserError(
        say(lang, {
          en: `scenario ${chosen.scenario.scenario} no longer fits the SOPs (${where}: ${failure ? say('en', failure.message) : '?'}). Fix it first; "sop test ${chosen.file}" shows why.`,
          uk: `сценарій ${chosen.scenario.scenario} більше не відповідає СОП (${where}: ${failure ? say('uk', failure.message) : '?'}). Спершу виправте його; "sop test ${chosen.file}" покаже чому.`,
        }),
        EXIT.findings,
      );
    }
    if (!(await briefing(chosen, options.reveal === true, lang))) return EXIT.findings;

    const sop = chosen.scenario.sop;
    // Said on stderr and again on the call's first screens (the alternate screen hides stderr).
    const preCall = preCallNotices(lang);
    const writer = await openSessionWriter(callWriterOptions(config, 'training', preCall));
    const lines: JournalLine[] = [];
    const recording = recordingWriter(writer, lines);
    try {
      recording.append('session-start', sessionStart(library, sop, config, 'training', { scenario: chosen.scenario.scenario, trainee }));
      const started = startCall(library, sop);
      if (!started.ok) throw new UserError(`${sop}: ${say(lang, started.refusal.message)}`);
      recording.appendEvents(started.events);
      const beforeStep = (view: StepView): { banner: readonly string[] } => ({ banner: stepBanner(expert, library, `${view.sop}/${view.stepId}`, lang, options.reveal === true) });
      let summary = '';
      const onSummary = (text: string): void => {
        summary = text;
      };
      const code = await runLiveCall({ library, state: started.state, lang, writer: recording, hooks: { beforeStep }, resumable: false, practice: true, notices: preCall.lines, onSummary });
      if (code === EXIT.usage) return code;
      const ended = lines.some((line) => line.type === 'session-end');
      // `lines` hold the trainee's clear answers (memory only): sealed steps are compared too.
      const debrief = debriefSession(library, expert, { id: writer.sessionId, lines, status: ended ? 'completed' : 'interrupted' });
      const again = ended
        ? ''
        : say(lang, msg('commands-train-ntraining-sessions-are-not-resumed', { scenario: chosen.scenario.scenario }));
      // The summary and the debrief together, through a pager when taller than the window.
      await pageOrPrint(`${summary}\n${formatDebrief(debrief, library, lang, terminalStyle())}\n${again}`);
      return code;
    } finally {
      writer.close();
    }
  } catch (error) {
    printError(error);
    return error instanceof UserError ? error.exitCode : EXIT.usage;
  }
}

/**
 * The writer runLiveCall records through, keeping a copy of every line in MEMORY for the
 * debrief. The copy of an answer or amendment keeps the trainee's clear answer (the journal
 * line on disk has it redacted or sealed), so the debrief compares sensitive steps too; the
 * copy never leaves this process.
 */
function recordingWriter(writer: SessionWriter, lines: JournalLine[]): SessionWriter {
  return {
    get sessionId() {
      return writer.sessionId;
    },
    get file() {
      return writer.file;
    },
    get nextSeq() {
      return writer.nextSeq;
    },
    append(type, payload) {
      const line = writer.append(type, payload);
      lines.push(withClearAnswer(line, { type, ...payload } as JournalEvent));
      return line;
    },
    appendEvents(events) {
      const written = writer.appendEvents(events);
      lines.push(...written.map((line, index) => withClearAnswer(line, events[index])));
      return written;
    },
    close() {
      writer.close();
    },
  };
}

/** The line as written, with the clear answer of the event it records (answers and amendments only). */
function withClearAnswer(line: JournalLine, event: JournalEvent | undefined): JournalLine {
  if (event === undefined || line.type !== event.type || (event.type !== 'answer' && event.type !== 'amend')) return line;
  return { ...line, ...event } as JournalLine;
}


/** The scenario named (by file or id), or every scenario for the menu. */
async function findScenarios(arg: string | undefined, dir: string, lang: Lang): Promise<LoadedScenario[]> {
  const fromFile = arg !== undefined && isPathLike(arg);
  const { scenarios, findings } = await readScenarios(fromFile ? [arg] : [dir]);
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (fromFile && scenarios.length !== 1) {
    const first = errors[0];
    const problem = first ? `${first.file}:${first.line}:${first.col}: ${say(lang, first.message)}` : say(lang, msg('commands-train-not-a-scenario-file'));
    throw new UserError(say(lang, msg('commands-train-cannot-train-with', { arg, problem })));
  }
  for (const finding of errors) process.stderr.write(`sop: ${safeLine(`${finding.file}:${finding.line}:${finding.col}: ${say(lang, finding.message)}`)}\n`);
  if (fromFile) return scenarios;
  if (scenarios.length === 0) {
    throw new UserError(
      say(lang, msg('commands-train-no-scenarios-scenario-yaml-in', { dir })),
    );
  }
  if (arg === undefined) return scenarios;
  const found = scenarios.filter((loaded) => loaded.scenario.scenario === arg);
  if (found.length > 0) return found.slice(0, 1);
  const ids = scenarios.map((loaded) => loaded.scenario.scenario);
  const close = didYouMean(arg, ids);
  throw new UserError(
    say(lang, {
      en: `no scenario "${arg}" in ${dir}.${close ? ` Did you mean "${close}"?` : ''} Run "sop train" without a name to choose from a menu.`,
      uk: `немає сценарію «${arg}» у ${dir}.${close ? ` Можливо, «${close}»?` : ''} Запустіть "sop train" без назви, щоб вибрати з меню.`,
    }),
  );
}

const DIFFICULTY = { easy: msg('commands-train-easy'), medium: msg('commands-train-medium'), hard: msg('commands-train-hard') } as const;
const ORDER = { easy: 0, medium: 1, hard: 2 } as const;

async function chooseScenario(scenarios: readonly LoadedScenario[], sessions: readonly RecordedSession[], trainee: string, lang: Lang): Promise<LoadedScenario | undefined> {
  const done = new Set(sessions.filter((s) => s.start.trainee === trainee && s.status === 'completed').map((s) => s.start.scenario));
  const sorted = [...scenarios].sort(
    (a, b) =>
      compareAlphabetically(a.scenario.sop, b.scenario.sop) ||
      ORDER[a.scenario.difficulty ?? 'medium'] - ORDER[b.scenario.difficulty ?? 'medium'] ||
      compareAlphabetically(a.scenario.scenario, b.scenario.scenario),
  );
  const choices = sorted.map((loaded) => {
    const s = loaded.scenario;
    const difficulty = s.difficulty ? say(lang, DIFFICULTY[s.difficulty]) : '';
    const mark = done.has(s.scenario) ? `✓ ${say(lang, msg('commands-train-done'))}` : '';
    return { value: loaded, name: safeLine([localize(s.title, lang), `[${s.sop}]`, difficulty, mark].filter(Boolean).join('  ')) };
  });
  const { chooseFrom } = await import('../tui/prompts.js');
  const chosen = await chooseFrom(say(lang, msg('commands-train-which-scenario-trainee', { trainee })), choices, lang);
  if (chosen === undefined) process.stderr.write(say(lang, msg('commands-train-no-training-started-n')));
  return chosen;
}

/** The caller's situation, read before the call; false when the trainee does not start. */
async function briefing(loaded: LoadedScenario, reveal: boolean, lang: Lang): Promise<boolean> {
  const s = loaded.scenario;
  const c = colorFor('stdout');
  const width = Math.max(40, Math.min(process.stdout.columns || 80, 100));
  const facts = [s.scenario, `SOP ${s.sop}`, ...(s.difficulty ? [say(lang, DIFFICULTY[s.difficulty])] : [])].join(' · ');
  const out = [
    `${c.bold(safeLine(localize(s.title, lang)))}  ${c.dim(safeLine(facts))}`,
    '',
    c.bold(say(lang, msg('commands-train-the-situation'))),
    ...wrap(safeLine(localize(s.situation, lang)), width - 2).map((line) => `  ${line}`),
    '',
    say(lang, msg('commands-train-run-the-call-as-you')),
    ...(reveal ? [c.cyan(say(lang, msg('commands-train-guided-pass-the-expert-s')))] : []),
    '',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  const { askYesNo } = await import('../tui/prompts.js');
  const start = await askYesNo(say(lang, msg('commands-train-start-the-call')));
  if (!start) process.stderr.write(say(lang, msg('commands-train-no-training-started-n')));
  return start;
}

function terminalStyle(): TextStyle {
  const c = colorFor('stdout');
  return { bold: c.bold, dim: c.dim, red: c.red, green: c.green, yellow: c.yellow, clean: safeLine };
}

/** The report fitted to a terminal of `columns` (cells cut, rows stacked below 60, lines wrapped); whole when undefined. */
function reportLayout(columns: number | undefined): ReportLayout {
  if (columns === undefined) return alignedLayout(terminalStyle());
  return {
    table: (rows, shrinkable) => fitTable(rows, columns - 2, shrinkable).split('\n').map((line) => (line ? `  ${line}` : line)),
    line: (text, indent) => wrap(text, columns - indent.length).map((line) => `${indent}${line}`),
  };
}

/** `--report`: one trainee's sessions from the training journal, scored against the scenarios as they are now. */
async function report(trainee: string, dataDir: string, sopsDir: string, scenariosDir: string, format: 'table' | 'json', lang: Lang, columns: number | undefined): Promise<number> {
  const { sessions, notices } = readJournal(dataDir, 'training', { lang });
  for (const notice of notices) process.stderr.write(`sop: ${safeLine(notice)}\n`);
  const { library } = await readLibrary([sopsDir]);
  const { scenarios } = await readScenarios([scenariosDir]);
  const byId = new Map(scenarios.map((loaded) => [loaded.scenario.scenario, loaded]));
  const experts = new Map<string, ExpertRun | undefined>();
  const expertFor = (id: string): ExpertRun | undefined => {
    if (!experts.has(id)) {
      const loaded = byId.get(id);
      const run = loaded ? expertRun(library, loaded) : undefined;
      experts.set(id, run?.result.passed ? run : undefined);
    }
    return experts.get(id);
  };
  const result = traineeReport({ library, trainee, sessions, scenarios: scenarios.map((loaded) => loaded.scenario), expertFor });
  if (result.sessions.length === 0) {
    const names = [...new Set(sessions.flatMap((s) => (s.start.trainee ? [safeLine(s.start.trainee)] : [])))].sort();
    const who = safeLine(trainee);
    process.stderr.write(
      say(lang, {
        en: `No training sessions for "${who}" in ${dataDir}.${names.length ? ` Trainees in the journal: ${names.join(', ')}.` : ''}\n`,
        uk: `Немає навчальних сесій для «${who}» у ${dataDir}.${names.length ? ` Слухачі в журналі: ${names.join(', ')}.` : ''}\n`,
      }),
    );
    // A name the journal does not know is a bad argument (as an unknown scenario is): exit 2,
    // and no report of nothing.
    return EXIT.usage;
  }
  if (format === 'json') process.stdout.write(`${safeJson(JSON.stringify(result, null, 2))}\n`);
  else await pageOrPrint(`${formatReport(result, lang, terminalStyle(), reportLayout(columns))}\n`);
  return EXIT.ok;
}
