/** Bundled as dist/chunks/sop-<hash>.cjs (see src/shell/boot/start-cli.ts). Sets the process exit code from main() without cutting output short. */
import { EXIT } from '../exit-codes.js';
import { outputFailure } from '../output.js';
import { main } from './main.js';
import { usageLang } from '../usage-lang.js';

/**
 * `sop graph x | head` closes our stdout early: that is the reader's choice, not an error,
 * so end quietly (as cat and grep do) instead of printing a broken-pipe trace.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // Output redirected to a full disk (or a failing device): say so plainly, exit 2, no stack trace.
    process.stderr.write(`sop: ${outputFailure(error.code, usageLang(process.argv.slice(2), process.env))}\n`);
    process.exit(EXIT.usage);
  });
}

export async function run(argv: readonly string[]): Promise<void> {
  endQuietlyOnClosedPipe(process.stdout);
  const code = await main(argv);
  process.exitCode = code;
}
