/**
 * Whether a person is at the keyboard: both stdin and stdout are terminals. The one test every
 * command that asks questions (run, resume, train, replay's picker, accept-loss) makes before it
 * asks, so piping either end always means "no questions", the same way everywhere.
 */
export function isInteractive(stdin: { isTTY?: boolean } = process.stdin, stdout: { isTTY?: boolean } = process.stdout): boolean {
  return stdin.isTTY === true && stdout.isTTY === true;
}
