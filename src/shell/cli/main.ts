/**
 * The `sop` entry point: builds the commander program from one definition file per command.
 * Definitions are small (names, options, help); each command's real work is imported only when
 * that command runs, so start-up stays lean.
 */
import { Command, CommanderError } from 'commander';
import { EXIT } from '../exit-codes.js';
import { commandDefinitions } from './commands.js';
import { printError } from '../output.js';
import { commandPath, explainUsageError, usageLang } from './usage-error.js';

declare const __SOP_VERSION__: string;
export const VERSION: string = typeof __SOP_VERSION__ === 'string' ? __SOP_VERSION__ : '0.0.0-dev';

export function buildProgram(argv: readonly string[] = []): Command {
  const program: Command = new Command('sop')
    .description('Run, train, test and validate hotline standard operating procedures (SOPs).')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      writeOut: (s) => process.stdout.write(s),
      outputError: (s, write) => write(explainUsageError(s, usageLang(argv, process.env), commandPath(program, argv))),
    })
    .addHelpText(
      'after',
      `
Exit codes:
  0  success
  1  the command ran and found problems (findings, failed tests, divergences)
  2  usage error (unknown option, missing file, not a terminal) or the command could not run

Environment:
  SOP_DATA_DIR          where journals live (default $XDG_DATA_HOME/sop-runner)
  NO_COLOR, FORCE_COLOR  turn colour off / on
  LANG                  default language (en or uk) when no config sets one

Run "sop <command> --help" for a command's options and examples.`,
    );
  for (const define of commandDefinitions) define(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram(argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with code 0.
      if (error.exitCode === 0) return EXIT.ok;
      return EXIT.usage;
    }
    printError(error);
    return EXIT.usage;
  }
}
