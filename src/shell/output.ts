/**
 * Messages for people go to stderr; machine-readable output goes to stdout. Every message is
 * cleaned (safeText) before it reaches the terminal: they repeat the user's arguments (paths,
 * ids), which may hold ESC and OSC sequences.
 */
import { UserError } from './exit-codes.js';
import { usageLang } from './usage-lang.js';
import { say, type Lang, type Message } from './i18n.js';
import { safeText } from './text/safe-text.js';

const OUTPUT_FAILURES: Record<string, Message> = {
  ENOSPC: { en: 'the disk is full', uk: 'диск заповнений' },
  EDQUOT: { en: 'the disk quota is used up', uk: 'квоту диска вичерпано' },
  EIO: { en: 'an input/output error', uk: 'помилка введення-виведення' },
};

/** Whether an error is a failed write of output (a full disk, a failing device). */
function isOutputFailure(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code in OUTPUT_FAILURES;
}

/** The plain message for output that could not be written: what happened and what to do. */
export function outputFailure(code: string | undefined, lang: Lang): string {
  const reason = OUTPUT_FAILURES[code ?? ''] ?? { en: code ?? 'unknown error', uk: code ?? 'невідома помилка' };
  return say(lang, {
    en: `cannot write the output (${say('en', reason)}); it is incomplete. Free some space or write elsewhere, then run the command again.`,
    uk: `не вдається записати результат (${say('uk', reason)}); він неповний. Звільніть місце або запишіть деінде й виконайте команду ще раз.`,
  });
}

export function printError(error: unknown): void {
  const lang = usageLang(process.argv.slice(2), process.env);
  if (error instanceof UserError) {
    const uk = error.uk !== undefined && lang === 'uk';
    process.stderr.write(`sop: ${safeText(uk ? error.uk! : error.message)}\n`);
    return;
  }
  // Any output path (-o FILE, an export, a report) that meets a full disk says so plainly.
  if (isOutputFailure(error)) {
    process.stderr.write(`sop: ${outputFailure((error as NodeJS.ErrnoException).code, lang)}\n`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `sop: internal error: ${safeText(message)}\nThis is a bug in sop-runner; please report it with the command you ran.\n`,
  );
  if (process.env['SOP_DEBUG']) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
}
