/**
 * The `sop` entry point: builds the commander program from one definition file per command.
 * Definitions are small (names, options, help); each command's real work is imported only when
 * that command runs, so start-up stays lean.
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT, UserError } from '../exit-codes.js';
import { definitionsFor, type CommandDefinition, type Say } from './commands.js';
import { commandName } from './command-name.js';
import { translatedHelp } from './help.js';
import { fitHelpText, helpWidth } from './help-width.js';
import { join } from 'node:path';
import { installCatalogues } from '../catalogues.js';
import { packageRoot } from '../config/package-root.js';
import { say } from '../i18n.js';
import { printError } from '../output.js';
import { safeText } from '../text/safe-text.js';
import { usageLang } from '../usage-lang.js';
import { VERSION } from '../version.js';
import { commandPath, explainUsageError } from './usage-error.js';
import { langOption } from './lang-option.js';

function buildProgram(argv: readonly string[], definitions: readonly CommandDefinition[]): Command {
  // The one choice of language for help and usage errors: --lang on the command line, else LANG
  // and friends (the config file is not read: help must stay fast).
  const lang = usageLang(argv, process.env);
  const t: Say = (message) => say(lang, message);
  const width = helpWidth(process.stdout);
  const program: Command = new Command('sop')
    .description(t({ en: 'Run, train, test and validate hotline standard operating procedures (SOPs).', uk: 'Стандартні операційні процедури (СОП) гарячої лінії: дзвінки, навчання, тестування й перевірка.' }))
    .version(VERSION, '-V, --version', t({ en: 'print the version', uk: 'показати версію' }))
    .helpOption('-h, --help', t({ en: 'show help', uk: 'показати довідку' }))
    .helpCommand(t({ en: 'help [command]', uk: 'help [команда]' }), t({ en: 'display help for command', uk: 'показати довідку команди' }))
    .addOption(langOption(t({ en: 'language of every command (before the command: sop --lang uk validate)', uk: 'мова всіх команд (перед командою: sop --lang uk validate)' }), t))
    // Options of `sop` itself end at the command's name, so `sop validate --lang uk` stays the
    // command's own option; one given before the name is handed down (see handDownLang).
    .enablePositionalOptions()
    .hook('preAction', handDownLang)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      writeOut: (s) => process.stdout.write(fitHelpText(s, width)),
      outputError: (s, write) => write(safeText(explainUsageError(s, lang, commandPath(program, argv)))),
    })
    .addHelpText(
      'after',
      t({
        en: `
Exit codes:
  0  success
  1  the command ran and found problems (findings, failed tests, divergences)
  2  usage error (unknown option, missing file, not a terminal) or the command could not run

Environment:
  SOP_DATA_DIR          where journals live (default $XDG_DATA_HOME/sop-runner)
  NO_COLOR, FORCE_COLOR  turn colour off / on
  LANG                  default language (en or uk) when no config sets one

Run "sop <command> --help" for a command's options and examples.`,
        uk: `
Коди виходу:
  0  успіх
  1  команда виконалася й знайшла проблеми (зауваження, невдалі тести, розбіжності)
  2  помилка використання (невідомий параметр, немає файлу, немає термінала)
     або команда не змогла виконатися

Змінні середовища:
  SOP_DATA_DIR          де лежать журнали (типово $XDG_DATA_HOME/sop-runner)
  NO_COLOR, FORCE_COLOR  вимкнути / увімкнути кольори
  LANG                  мова (en або uk), коли її не задано у файлі налаштувань;
                        довідка українською: LANG=uk_UA.UTF-8 або --lang uk

Параметри й приклади команди: "sop <команда> --help".`,
      }),
    );
  program.configureHelp(lang === 'en' ? { helpWidth: width } : { ...translatedHelp(lang), helpWidth: width });
  for (const define of definitions) define(program, t);
  return program;
}

/**
 * `sop --lang uk validate`: the language given before the command becomes the command's own
 * --lang, unless the command line gives that too (the nearer one wins).
 */
function handDownLang(program: Command, action: Command): void {
  const lang: unknown = program.opts()['lang'];
  if (lang === undefined || action === program) return;
  const takesLang = action.options.some((option) => option.long === '--lang');
  if (takesLang && action.getOptionValueSource('lang') === undefined) action.setOptionValueWithSource('lang', lang, 'cli');
}

/**
 * `sop help lgo`: commander answers a help request for a command it does not know with the
 * general help on stderr and never says why. Parse the name as a command instead, so the reply
 * is the usual "unknown command 'lgo'" with its suggestion (Did you mean log?). The same for
 * `sop lgo --help`.
 */
function helpForUnknownCommand(argv: readonly string[], program: Command): readonly string[] {
  const isKnown = (name: string): boolean => name === 'help' || program.commands.some((command) => command.name() === name || command.aliases().includes(name));
  // `sop snyc --help`: commander would print the general help and exit 0. A word that is no
  // command, with --help after it, is an unknown command (exit 2, "Did you mean sync?").
  const name = commandName(argv);
  if (name !== undefined && !name.startsWith('-') && !isKnown(name)) {
    const at = argv.indexOf(name);
    return [...argv.slice(0, at + 1), ...argv.slice(at + 1).filter((arg) => arg !== '--help' && arg !== '-h')];
  }
  const [first, word, ...rest] = argv;
  if (first !== 'help' || word === undefined || word.startsWith('-')) return argv;
  return isKnown(word) ? argv : [word, ...rest];
}

export async function main(argv: readonly string[]): Promise<number> {
  installCatalogues(join(packageRoot(), 'locales'));
  const program = buildProgram(argv, await definitionsFor(argv));
  try {
    await program.parseAsync([...helpForUnknownCommand(argv, program)], { from: 'user' });
    return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with code 0.
      if (error.exitCode === 0) return EXIT.ok;
      return EXIT.usage;
    }
    printError(error);
    // One error path: a command's own UserError carries the code it promises (1: the command ran
    // and found a problem, e.g. a damaged sealed value); anything else could not run (2).
    return error instanceof UserError ? error.exitCode : EXIT.usage;
  }
}
