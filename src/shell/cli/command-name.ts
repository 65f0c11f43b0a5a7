/** The command a command line names: its first word, after a `--lang X` given to `sop` itself. */
export function commandName(argv: readonly string[]): string | undefined {
  const skip = argv[0] === '--lang' ? 2 : argv[0]?.startsWith('--lang=') ? 1 : 0;
  return argv[skip];
}
