/** `sop db init|status`: the shared PostgreSQL store's schema (docs/hotline-store.md). */
import { Option, type Command } from 'commander';
import { DB_URL, OUTPUT_FORMAT } from './texts.js';
import type { CommandDefinition } from './commands.js';
import type { DbOptions } from '../commands/db.js';
import { langOption } from './lang-option.js';

export const defineDb: CommandDefinition = (program: Command, t) => {
  const db = program
    .command('db')
    .description(t({ en: 'the shared store (PostgreSQL): create or migrate its schema, show its version', uk: 'спільне сховище (PostgreSQL): створити чи оновити схему, показати її версію' }))
    .addHelpText(
      'after',
      t({
        en: `
Examples:
  sop db init postgres://admin@db.example.org/hotline?sslmode=require
  SOP_DATABASE_URL=postgres://admin@localhost/hotline sop db status`,
        uk: `
Приклади:
  sop db init postgres://admin@db.example.org/hotline?sslmode=require
  SOP_DATABASE_URL=postgres://admin@localhost/hotline sop db status`,
      }),
    );
  const lang = (): Option => langOption(t({ en: 'language of messages', uk: 'мова повідомлень' }), t);
  db.command('init')
    .description(t({ en: 'create the schema or apply the migrations it lacks (each once, in a transaction); creates the roles sop_counsellor and sop_supervisor', uk: 'створити схему або застосувати відсутні міграції (кожну раз, у транзакції); створює ролі sop_counsellor і sop_supervisor' }))
    .argument('[url]', t(DB_URL))
    .addOption(lang())
    .addHelpText(
      'after',
      t({
        en: `
Run it as the store's owner (a login that may create tables and roles). Then give each
counsellor a login in sop_counsellor and each supervisor one in sop_supervisor:
  CREATE ROLE olena LOGIN PASSWORD '…' IN ROLE sop_counsellor;

Examples:
  sop db init postgres://admin@localhost/hotline
  sop db init 'postgres://admin@db.example.org/hotline?sslmode=verify-full'`,
        uk: `
Виконуйте від імені власника сховища (вхід, що може створювати таблиці й ролі). Далі кожному
консультантові — вхід у sop_counsellor, кожному супервізорові — у sop_supervisor:
  CREATE ROLE olena LOGIN PASSWORD '…' IN ROLE sop_counsellor;

Приклади:
  sop db init postgres://admin@localhost/hotline
  sop db init 'postgres://admin@db.example.org/hotline?sslmode=verify-full'`,
      }),
    )
    .action(async (url: string | undefined, options: DbOptions) => {
      const { runDbInit } = await import('../commands/db.js');
      process.exitCode = await runDbInit(url, options);
    });
  db.command('status')
    .description(t({ en: 'show the schema version of the store and the migrations applied', uk: 'показати версію схеми сховища й застосовані міграції' }))
    .argument('[url]', t(DB_URL))
    .addOption(new Option('--format <format>', t(OUTPUT_FORMAT)).choices(['text', 'json']).default('text'))
    .addOption(lang())
    .addHelpText('after', t({ en: '\nExamples:\n  sop db status\n  sop db status --format json', uk: '\nПриклади:\n  sop db status\n  sop db status --format json' }))
    .action(async (url: string | undefined, options: DbOptions) => {
      const { runDbStatus } = await import('../commands/db.js');
      process.exitCode = await runDbStatus(url, options);
    });
};
