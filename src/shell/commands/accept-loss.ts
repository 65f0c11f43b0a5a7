/** `sop log accept-loss [file]`: records, in the journal, that a supervisor accepts lines lost off its end. */
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { EXIT, UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
import { acceptLoss, lossBreaks } from '../journal/accept-loss.js';
import { describeAcceptedLoss } from '../journal/accepted-losses.js';
import { JournalLockedError, whyWriteFailed } from '../journal/errors.js';
import { isInsideJournal, listJournalFiles } from '../journal/files.js';
import { verifyJournalFile } from '../journal/verify.js';
import { safeLine } from '../text/safe-text.js';
import { isInteractive } from '../is-interactive.js';

export interface AcceptLossOptions {
  readonly by?: string;
  readonly reason?: string;
  readonly yes?: boolean;
  readonly dataDir?: string;
  readonly lang?: string;
}

/** Who accepts: --by, else the OS user name. */
function acceptor(by: string | undefined, lang: Lang): string {
  const name = (by ?? safeUser()).trim();
  if (name === '') {
    throw new UserError(
      say(lang, {
        en: 'who accepts the loss is not known (no user name): give --by NAME.',
        uk: 'невідомо, хто приймає втрату (немає імені користувача): вкажіть --by ІМ’Я.',
      }),
    );
  }
  return safeLine(name);
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env['USER'] ?? '';
  }
}

function cannotWrite(file: string, code: string, lang: Lang): UserError {
  const why = say(lang, whyWriteFailed(code));
  return new UserError(
    say(lang, {
      en: `cannot record the acceptance in ${file}: ${why}. Nothing was accepted; the loss is still reported by "sop log verify". Run it where the journal can be written (as its owner).`,
      uk: `не вдається записати прийняття в ${file}: ${why}. Нічого не прийнято; "sop log verify" і далі повідомляє про втрату. Запустіть там, де журнал можна записати (від імені його власника).`,
    }),
  );
}

export async function runAcceptLoss(fileArg: string | undefined, options: AcceptLossOptions): Promise<number> {
  const config = await loadConfig({
    flags: { ...(options.lang !== undefined ? { lang: options.lang } : {}), ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}) },
  });
  const { lang, dataDir } = config;
  if (options.reason !== undefined && options.reason.trim() === '') {
    throw new UserError(say(lang, { en: '--reason is empty: say why, or leave it out.', uk: '--reason порожній: поясніть причину або не вказуйте його.' }));
  }
  const by = acceptor(options.by, lang);
  let files: string[];
  if (fileArg !== undefined) {
    // Only a journal's own month files: acceptance writes into them.
    if (fileArg === '-' || !isInsideJournal(fileArg, dataDir) || !/\/\d{4}-\d{2}\.jsonl$/.test(resolve(fileArg))) {
      throw new UserError(
        say(lang, {
          en: `${safeLine(fileArg)} is not a journal file of ${dataDir} (journal/calls/YYYY-MM.jsonl or journal/training/YYYY-MM.jsonl). Give --data-dir, or leave the file out to check every journal file.`,
          uk: `${safeLine(fileArg)} не є файлом журналу в ${dataDir} (journal/calls/РРРР-ММ.jsonl або journal/training/РРРР-ММ.jsonl). Вкажіть --data-dir або не вказуйте файл, щоб перевірити всі файли журналу.`,
        }),
      );
    }
    files = [resolve(fileArg)];
  } else {
    files = [...listJournalFiles(dataDir, 'live'), ...listJournalFiles(dataDir, 'training')];
  }
  // What verify reports as a loss off the end, file by file.
  const found: { file: string; messages: string[] }[] = [];
  for (const file of files) {
    let breaks;
    try {
      breaks = verifyJournalFile(file, lang).breaks;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === undefined) throw error;
      throw new UserError(say(lang, { en: `cannot read ${file} (${code}). Check the path, or give --data-dir.`, uk: `не вдається прочитати ${file} (${code}). Перевірте шлях або вкажіть --data-dir.` }));
    }
    const losses = lossBreaks(breaks);
    if (losses.length > 0) found.push({ file, messages: losses.map((b) => `${b.file}:${b.line}: ${b.message}`) });
  }
  if (found.length === 0) {
    process.stderr.write(
      say(lang, {
        en: `No loss to accept: "sop log verify" finds no lines cut off the end of ${fileArg === undefined ? `any journal file in ${dataDir}` : safeLine(fileArg)}. Nothing was written.\n`,
        uk: `Немає втрати, яку можна прийняти: "sop log verify" не знаходить рядків, відрізаних із кінця ${fileArg === undefined ? `жодного файлу журналу в ${dataDir}` : safeLine(fileArg)}. Нічого не записано.\n`,
      }),
    );
    return EXIT.findings;
  }
  for (const { messages } of found) for (const message of messages) process.stdout.write(`${safeLine(message)}\n`);
  if (options.yes !== true) {
    if (!isInteractive()) {
      throw new UserError(
        say(lang, {
          en: 'accepting a loss needs a confirmation: run it in a terminal, or give --yes. Nothing was written.',
          uk: 'прийняття втрати потребує підтвердження: запустіть у терміналі або вкажіть --yes. Нічого не записано.',
        }),
      );
    }
    const { askYesNo } = await import('../tui/prompts.js');
    const question = say(lang, {
      en: `Record in the journal that ${by} accepts this loss? It stays visible in "sop log verify" for good.`,
      uk: `Записати в журнал, що ${by} приймає цю втрату? Її й далі буде видно в "sop log verify".`,
    });
    if (!(await askYesNo(question))) {
      process.stderr.write(say(lang, { en: 'Not accepted; nothing was written.\n', uk: 'Не прийнято; нічого не записано.\n' }));
      return EXIT.findings;
    }
  }
  let remaining = 0;
  for (const { file } of found) {
    let result;
    try {
      result = acceptLoss(file, { by, ...(options.reason !== undefined ? { reason: safeLine(options.reason) } : {}), now: () => new Date() });
    } catch (error) {
      if (error instanceof JournalLockedError || error instanceof UserError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === undefined) throw error;
      throw cannotWrite(file, code, lang);
    }
    if (result === undefined) continue; // Settled meanwhile (by another accept-loss).
    process.stderr.write(`${say(lang, { en: 'Accepted', uk: 'Прийнято' })}: ${safeLine(describeAcceptedLoss(file, result.accepted, lang))}\n`);
    remaining += result.remaining.length;
  }
  if (remaining > 0) {
    process.stderr.write(
      say(lang, {
        en: `The journal still breaks in ${remaining} other place(s) (edits, insertions...): those are not a loss and cannot be accepted. See "sop log verify".\n`,
        uk: `Ланцюжок журналу й далі порушено ще в ${remaining} місцях (правки, вставки...): це не втрата, її не можна прийняти. Див. "sop log verify".\n`,
      }),
    );
  }
  return EXIT.ok;
}
