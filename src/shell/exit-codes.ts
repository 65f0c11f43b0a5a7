/** The exit codes every command uses, documented in `sop --help` and the README. */
export const EXIT = {
  /** Success: no errors found, all tests passed, the call completed. */
  ok: 0,
  /** The command ran and found problems: findings, failed tests, divergences. */
  findings: 1,
  /** Usage error, or the command could not run (missing file, not a terminal...). */
  usage: 2,
  /** A call stopped with Ctrl+C (SIGINT): 128 + 2, what shells expect of a program stopped so. */
  sigint: 130,
} as const;

/** An error meant for the user: printed as a message, never as a stack trace. */
export class UserError extends Error {
  /** `uk`: the Ukrainian message, for code that cannot know the language (printError picks). */
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
    readonly uk?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
