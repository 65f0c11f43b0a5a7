/** Bundled as dist/cli.js. Sets the process exit code from main() without cutting output short. */
import { main } from './main.js';

/**
 * `sop graph x | head` closes our stdout early: that is the reader's choice, not an error,
 * so end quietly (as cat and grep do) instead of printing a broken-pipe trace.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

export async function run(argv: readonly string[]): Promise<void> {
  endQuietlyOnClosedPipe(process.stdout);
  const code = await main(argv);
  process.exitCode = code;
}
