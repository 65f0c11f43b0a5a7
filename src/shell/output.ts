/** Messages for people go to stderr; machine-readable output goes to stdout. */
import { UserError } from './exit-codes.js';
import { usageLang } from './cli/usage-error.js';

export function printError(error: unknown): void {
  if (error instanceof UserError) {
    const uk = error.uk !== undefined && usageLang(process.argv.slice(2), process.env) === 'uk';
    process.stderr.write(`sop: ${uk ? error.uk : error.message}\n`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `sop: internal error: ${message}\nThis is a bug in sop-runner; please report it with the command you ran.\n`,
  );
  if (process.env['SOP_DEBUG']) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
}
