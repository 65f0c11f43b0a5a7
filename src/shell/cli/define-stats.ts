/** `sop stats`: figures from the journal for supervisors, small counts hidden. */
import { Option, type Command } from 'commander';
import { DB_READ, OUTPUT_FORMAT } from './texts.js';
import type { CommandDefinition } from './commands.js';
import type { StatsOptions } from '../commands/stats.js';
import { langOption } from './lang-option.js';

export const defineStats: CommandDefinition = (program: Command, t) => {
  program
    .command('stats')
    .description(t({ en: 'figures from the journal: calls by SOP, call type, caller role and outcome, durations, slow and confusing steps', uk: 'показники з журналу: дзвінки за СОП, типом дзвінка, роллю абонента й результатом, тривалість, повільні й заплутані кроки' }))
    .option('--since <date>', t({ en: 'count calls that started on or after this day (YYYY-MM-DD, UTC)', uk: 'рахувати дзвінки, що почалися цього дня або пізніше (YYYY-MM-DD, UTC)' }))
    .option('--until <date>', t({ en: 'count calls that started on or before this day (YYYY-MM-DD, UTC)', uk: 'рахувати дзвінки, що почалися цього дня або раніше (YYYY-MM-DD, UTC)' }))
    .addOption(new Option('--format <format>', t(OUTPUT_FORMAT)).choices(['table', 'json', 'csv']).default('table'))
    .option('--chart', t({ en: 'with the table: horizontal bar charts of the counts', uk: 'разом із таблицею: горизонтальні стовпчикові діаграми кількостей' }))
    .option('--ascii', t({ en: 'draw the charts with plain ASCII (automatic when the terminal is not UTF-8)', uk: 'малювати діаграми простими символами ASCII (автоматично, коли термінал не UTF-8)' }))
    // --raw is JSON-only and --chart table-only, so the pair never fits: commander refuses it
    // (exit 2) before anything is read. "Only with --format json/table" depends on the value of
    // --format (default table), which .conflicts() cannot express: runStats checks that.
    .addOption(new Option('--raw', t({ en: "with --format json only: exact small counts (for the team's own analysis; never publish)", uk: 'лише з --format json: точні малі кількості (для власного аналізу команди; ніколи не публікуйте)' })).conflicts('chart'))
    .option('--data-dir <dir>', t({ en: 'where journals live (default: SOP_DATA_DIR, the config file, then $XDG_DATA_HOME/sop-runner)', uk: 'тека журналів (типово: SOP_DATA_DIR, файл налаштувань, далі $XDG_DATA_HOME/sop-runner)' }))
    .option('--training', t({ en: 'training sessions instead of live calls', uk: 'навчальні сесії замість справжніх дзвінків' }))
    .option('--db [url]', t(DB_READ))
    .option('--sops <dir>', t({ en: 'the SOP library, for names and outcome categories (default: the configured sops dir, else ./sops)', uk: 'бібліотека СОП, для назв і категорій результатів (типово: тека СОП із налаштувань, інакше ./sops)' }))
    .addOption(langOption(t({ en: 'language of the table', uk: 'мова таблиці' }), t))
    .addHelpText(
      'after',
      t({
        en: `
Privacy: counts from 1 to 4 are shown as "<5", and times resting on fewer than 5 values are
not shown, so no caller can be recognised. JSON does the same unless --raw; CSV always does.

Durations: median, and 90th percentile by the nearest-rank method, of completed calls.
Time per step: from the step being shown to the answer given there.

Examples:
  sop stats                                   every call in the journal
  sop stats --since 2026-11-01 --until 2026-11-30 --chart
  sop stats --format csv --since 2026-01-01 > calls-2026.csv
  sop stats --format json | jq .byOutcome
  sop stats --training                        training sessions instead of calls
  sop stats --db --since 2026-01-01           the whole hotline, from the shared store`,
        uk: `
Приватність: кількості від 1 до 4 показано як "<5", а час, що спирається на менше ніж 5
значень, не показано, щоб нікого з абонентів не можна було впізнати. JSON робить так само,
якщо не вказано --raw; CSV — завжди.

Тривалість: медіана й 90-й процентиль (методом найближчого рангу) завершених дзвінків.
Час на крок: від показу кроку до відповіді на ньому.

Приклади:
  sop stats                                   усі дзвінки журналу
  sop stats --since 2026-11-01 --until 2026-11-30 --chart
  sop stats --format csv --since 2026-01-01 > calls-2026.csv
  sop stats --format json | jq .byOutcome
  sop stats --training                        навчальні сесії замість дзвінків
  sop stats --db --since 2026-01-01           уся гаряча лінія, зі спільного сховища`,
      }),
    )
    .action(async (options: StatsOptions) => {
      const { runStats } = await import('../commands/stats.js');
      process.exitCode = await runStats(options);
    });
};
