/**
 * Every command's definition, in the order `sop --help` lists them. A definition adds its
 * command, options and examples to the program; its action imports the command's module lazily.
 * Definitions are loaded lazily too: a command line that names a command loads that command's
 * definition only (help, options and examples of thirteen commands are a quarter of the start-up
 * code); anything else (`sop --help`, `sop help run`, a mistyped name) loads them all.
 * Every text of a definition is an `{ en, uk }` pair handed to `t`, which picks the language
 * main.ts chose once for this process.
 */
import type { Command } from 'commander';
import type { Message } from '../i18n.js';
import { commandName } from './command-name.js';

/** A help text in the language of this process's help. */
export type Say = (message: Message) => string;

export type CommandDefinition = (program: Command, t: Say) => void;


/** The commands in the order `sop --help` lists them, each with a loader for its definition. */
const commandLoaders: ReadonlyMap<string, () => Promise<CommandDefinition>> = new Map([
  ['run', async () => (await import('./define-run.js')).defineRun],
  ['resume', async () => (await import('./define-resume.js')).defineResume],
  ['train', async () => (await import('./define-train.js')).defineTrain],
  ['test', async () => (await import('./define-test.js')).defineTest],
  ['replay', async () => (await import('./define-replay.js')).defineReplay],
  ['graph', async () => (await import('./define-graph.js')).defineGraph],
  ['docs', async () => (await import('./define-docs.js')).defineDocs],
  ['stats', async () => (await import('./define-stats.js')).defineStats],
  ['validate', async () => (await import('./define-validate.js')).defineValidate],
  ['schema', async () => (await import('./define-schema.js')).defineSchema],
  ['lsp', async () => (await import('./define-lsp.js')).defineLsp],
  ['log', async () => (await import('./define-log.js')).defineLog],
  ['config', async () => (await import('./define-config.js')).defineConfig],
  ['keys', async () => (await import('./define-keys.js')).defineKeys],
  ['sync', async () => (await import('./define-sync.js')).defineSync],
  ['db', async () => (await import('./define-db.js')).defineDb],
  ['completion', async () => (await import('./define-completion.js')).defineCompletion],
  ['man', async () => (await import('./define-man.js')).defineMan],
]);

/** The definitions a command line needs: none for `--version`, the named command's alone, else all of them in order. */
export async function definitionsFor(argv: readonly string[]): Promise<CommandDefinition[]> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return [];
  const name = commandName(argv);
  // `sop man` writes every command's help: it needs them all.
  const named = name === undefined || name === 'man' ? undefined : commandLoaders.get(name);
  if (named !== undefined) return [await named()];
  return Promise.all([...commandLoaders.values()].map((load) => load()));
}
