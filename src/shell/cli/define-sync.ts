/** `sop sync`: push this machine's journal to the shared store (docs/hotline-store.md). */
import { Option, type Command } from 'commander';
import { DB_URL } from './texts.js';
import type { CommandDefinition } from './commands.js';
import type { SyncCliOptions } from '../commands/sync.js';
import { langOption } from './lang-option.js';

export const defineSync: CommandDefinition = (program: Command, t) => {
  program
    .command('sync')
    .description(t({ en: "push every journal line of this machine that the shared store does not have yet (calls and training)", uk: 'надіслати до спільного сховища всі рядки журналу цієї машини, яких у ньому ще немає (дзвінки й тренування)' }))
    .option('--db <url>', t(DB_URL))
    .option('--data-dir <dir>', t({ en: 'where journals live (default: SOP_DATA_DIR, the config file, then $XDG_DATA_HOME/sop-runner)', uk: 'тека журналів (типово: SOP_DATA_DIR, файл налаштувань, далі $XDG_DATA_HOME/sop-runner)' }))
    .option('--dry-run', t({ en: 'say what would be sent, conflicts included; store nothing', uk: 'показати, що було б надіслано, разом із конфліктами; нічого не зберігати' }))
    .option('--full', t({ en: 'ask the store about every line, also in files unchanged since the last sync', uk: 'перевірити в сховищі кожен рядок, також у файлах, що не змінилися з останньої синхронізації' }))
    .option('--quiet', t({ en: 'no summary line unless something went wrong (for cron and sync: after-call)', uk: 'без підсумкового рядка, якщо все гаразд (для cron і sync: after-call)' }))
    .addOption(langOption(t({ en: 'language of messages', uk: 'мова повідомлень' }), t))
    .addHelpText(
      'after',
      t({
        en: `
Idempotent and resumable: a line is stored once, keyed by this journal, its session and seq;
stopping sync at any moment loses nothing, the next run continues. A line the store holds
with other content is a conflict: reported, never overwritten. The store checks each
session's hash chain as lines arrive and refuses a gap or a broken prev, naming the line.
Sealed answers and notes travel as the ciphertext the journal holds.

Exit codes: 0 everything is in the store, 1 conflicts or refused lines, 2 could not run.

Examples:
  sop sync                                   to SOP_DATABASE_URL or database_url
  sop sync --db postgres://olena@db.example.org/hotline?sslmode=require
  sop sync --dry-run
  */15 * * * * sop sync --quiet               from cron`,
        uk: `
Ідемпотентно й з продовженням: рядок зберігається один раз за ключем (цей журнал, сесія, seq);
зупинка sync будь-коли нічого не втрачає, наступний запуск продовжує. Рядок, який сховище має
з іншим вмістом, — конфлікт: про нього повідомлено, його ніколи не перезаписано. Сховище
перевіряє ланцюжок гешів кожної сесії під час надходження й відхиляє пропуск чи хибний prev,
називаючи рядок. Запечатані відповіді й нотатки передаються як шифротекст із журналу.

Коди виходу: 0 усе в сховищі, 1 конфлікти чи відхилені рядки, 2 не вдалося виконати.

Приклади:
  sop sync                                   до SOP_DATABASE_URL або database_url
  sop sync --db postgres://olena@db.example.org/hotline?sslmode=require
  sop sync --dry-run
  */15 * * * * sop sync --quiet               з cron`,
      }),
    )
    .action(async (options: SyncCliOptions) => {
      const { runSync } = await import('../commands/sync.js');
      process.exitCode = await runSync(options);
    });
};
