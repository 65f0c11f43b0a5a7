/** `sop run [sop]`: a live call in the terminal (or headless with --answers), recorded in the journal. */
import { ANSWERS_FILE_LIMIT, readAllStdinSync, readFileCapped } from '../stdin.js';
import { startCall } from '../../core/engine/start-call.js';
import type { Library } from '../../core/model/library.js';
import { qualifyStepRef } from '../../core/engine/step-ref.js';
import { loadConfig } from '../config/load-config.js';
import { EXIT, UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
import { openSessionWriter } from '../journal/writer.js';
import { printError } from '../output.js';
import { runLiveCall } from '../tui/live-call.js';
import { openLibrary, sopChoices } from '../tui/open-library.js';
import { preCallNotices } from '../tui/pre-call-notices.js';
import { callWriterOptions, sessionStart } from '../tui/call-journal.js';
import { runScriptedCall } from '../tui/run-scripted-call.js';
import { safeLine } from '../text/safe-text.js';
import { isInteractive } from '../is-interactive.js';

/** The options of `sop run`: this command owns them; cli/define-run.ts only parses argv into them. */
export interface RunOptions {
  readonly lang?: string;
  readonly operator?: string;
  readonly dataDir?: string;
  readonly sops?: string;
  readonly answers?: string;
}
import { msg } from '../../core/model/message.js';

export async function runRun(sopArg: string | undefined, options: RunOptions): Promise<number> {
  let lang: Lang = 'en';
  try {
    const config = await loadConfig({ flags: { lang: options.lang, operator: options.operator, dataDir: options.dataDir, sopsDir: options.sops } });
    lang = config.lang;
    // Off a terminal a named SOP is looked up first, so a mistyped name or path is what is said.
    const needsTerminal = options.answers === undefined && !isInteractive();
    if (needsTerminal && sopArg === undefined) throw notATerminal(lang);
    if (options.answers !== undefined && sopArg === undefined) {
      throw new UserError(say(lang, msg('commands-run-with-answers-name-the-sop')));
    }
    const answers = options.answers === undefined ? undefined : await readAnswers(options.answers, lang);
    const { library, sop: chosen } = await openLibrary(config.sopsDir, sopArg, lang);
    if (needsTerminal) throw notATerminal(lang);
    const sop = chosen ?? (await chooseSop(library, lang));
    if (sop === undefined) return EXIT.findings;

    // Said on stderr and again on the call's first screens (the alternate screen hides stderr).
    const preCall = preCallNotices(lang);
    const writer = await openSessionWriter(callWriterOptions(config, 'live', preCall));
    try {
      writer.append('session-start', sessionStart(library, sop, config, 'live'));
      if (answers !== undefined) {
        const result = runScriptedCall(library, sop, qualify(answers, sop), writer, lang);
        process.stdout.write(`${result.summary}\n`);
        if (result.problem) process.stderr.write(`sop: ${result.problem}\n`);
        return result.exitCode;
      }
      const started = startCall(library, sop);
      if (!started.ok) throw new UserError(`${sop}: ${say(lang, started.refusal.message)}`);
      writer.appendEvents(started.events);
      return await runLiveCall({ library, state: started.state, lang, writer, notices: preCall.lines });
    } finally {
      writer.close();
      if (config.sync === 'after-call') await (await import('../store/after-call.js')).syncAfterCall(config);
    }
  } catch (error) {
    printError(error);
    return error instanceof UserError ? error.exitCode : EXIT.usage;
  }
}

function notATerminal(lang: Lang): UserError {
  return new UserError(
    say(lang, msg('commands-run-a-live-call-needs-a')),
  );
}

/**
 * Reads the answers file (YAML mapping step -> answer; `-` is stdin). The YAML parser is loaded
 * here, not with the module: an interactive call never needs it.
 */
async function readAnswers(file: string, lang: Lang): Promise<Map<string, unknown>> {
  let text: string;
  try {
    text = file === '-' ? readAllStdinSync(0, ANSWERS_FILE_LIMIT).toString('utf8') : readFileCapped(file, ANSWERS_FILE_LIMIT).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(say(lang, msg('commands-run-cannot-read-the-answers-file', { file, code })));
  }
  const { parse } = await import('../yaml.js');
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    const where = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    const at = where ? `${file}:${where.line}:${where.col}` : file;
    throw new UserError(say(lang, msg('commands-run-not-valid-yaml', { at, error: (error as Error).message.split('\n')[0] })));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UserError(
      say(lang, msg('commands-run-the-answers-file-must-map', { file })),
    );
  }
  return new Map(Object.entries(value));
}

function qualify(answers: Map<string, unknown>, sop: string): Map<string, unknown> {
  return new Map([...answers].map(([ref, value]) => [qualifyStepRef(ref, sop), value]));
}

async function chooseSop(library: Library, lang: Lang): Promise<string | undefined> {
  const { chooseFrom } = await import('../tui/prompts.js');
  const choices = sopChoices(library, lang).map((c) => ({ value: c.value, name: safeLine(c.name) }));
  const chosen = await chooseFrom(say(lang, msg('commands-run-which-sop')), choices, lang);
  if (chosen === undefined) process.stderr.write(say(lang, msg('commands-run-no-call-started-n')));
  return chosen;
}

