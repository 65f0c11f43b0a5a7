/** `sop log`: the journal of recorded calls — list, show one as a transcript, verify the hash chain. */
import { Option, type Command } from 'commander';
import { DB_READ, OUTPUT_FORMAT, WIDE } from './texts.js';
import type { CommandDefinition, Say } from './commands.js';
import type { LogListOptions, LogShowOptions, LogVerifyOptions } from '../commands/log.js';
import { langOption } from './lang-option.js';

const dataDirOption = (t: Say): Option =>
  new Option('--data-dir <dir>', t({ en: 'where journals live (default: $SOP_DATA_DIR, the config file, else $XDG_DATA_HOME/sop-runner)', uk: 'тека журналів (типово: $SOP_DATA_DIR, файл налаштувань, інакше $XDG_DATA_HOME/sop-runner)' }));
const dbOption = (t: Say): Option => new Option('--db [url]', t(DB_READ));
const commandLangOption = (t: Say): Option => langOption(t({ en: 'language of messages and labels', uk: 'мова повідомлень і підписів' }), t);
const trainingOption = (t: Say): Option => new Option('--training', t({ en: 'the training journal instead of live calls', uk: 'навчальний журнал замість справжніх дзвінків' }));
const formatOption = (t: Say, choices: string[], description = OUTPUT_FORMAT): Option =>
  new Option('--format <format>', t(description)).choices(choices).default(choices[0]);

/** `sop log <subcommand>` definitions; another subcommand adds one entry here. */
export const logSubcommands: ((log: Command, t: Say) => void)[] = [
  (log, t) =>
    log
      .command('list')
      .description(t({ en: 'list recorded calls: date, SOP, outcome, duration, operator', uk: 'перелік записаних дзвінків: дата, СОП, результат, тривалість, оператор' }))
      .option('--sop <id>', t({ en: 'only calls that started with this SOP', uk: 'лише дзвінки, що почалися з цієї СОП' }))
      .option('--since <date>', t({ en: 'only calls started on or after this date (YYYY-MM-DD, or an ISO time)', uk: 'лише дзвінки, що почалися цієї дати або пізніше (YYYY-MM-DD або час ISO)' }))
      .option('--until <date>', t({ en: 'only calls started on or before this date (a whole day when YYYY-MM-DD)', uk: 'лише дзвінки, що почалися цієї дати або раніше (увесь день, якщо YYYY-MM-DD)' }))
      .option('--outcome <outcome>', t({ en: 'only calls with this outcome (sop-id/outcome-id, or just outcome-id)', uk: 'лише дзвінки з цим результатом (sop-id/outcome-id або просто outcome-id)' }))
      .option('--operator <name>', t({ en: 'only calls recorded by this operator (the counsellor\'s pseudonym)', uk: 'лише дзвінки, записані цим оператором (псевдонім консультанта)' }))
      .addOption(
        new Option(
          '--status <status>',
          t({
            en: 'only completed, interrupted (quit, signal), open (crashed), running (now, in another window) or unfinished (interrupted or open) calls',
            uk: 'лише завершені (completed), перервані (interrupted: вихід, сигнал), відкриті (open: збій), поточні (running: тривають зараз в іншому вікні) або незавершені (unfinished: перервані чи відкриті) дзвінки',
          }),
        ).choices(['completed', 'interrupted', 'open', 'running', 'unfinished']),
      )
      .addOption(trainingOption(t))
      .addOption(formatOption(t, ['table', 'json']))
      .option('--wide', t(WIDE))
      .addOption(dataDirOption(t))
      .addOption(dbOption(t))
      .addOption(commandLangOption(t))
      .addHelpText(
        'after',
        t({
          en: `
Dates and times are shown in the local time zone. Interrupted and open calls can be
continued with "sop resume SESSION"; a running call is being recorded in another window now.

Examples:
  sop log list                                  every recorded call, oldest first
  sop log list --since 2026-11-01 --until 2026-11-30
  sop log list --sop job-offer-abroad --outcome referred
  sop log list --status unfinished              calls that were not completed
  sop log list --training --format json > training.json
  sop log list --db --since 2026-11-01         the whole hotline, from the shared store`,
          uk: `
Дати й час показано в місцевому часовому поясі. Перервані й відкриті дзвінки можна
продовжити командою "sop resume СЕСІЯ"; поточний (running) дзвінок саме зараз
записується в іншому вікні.

Приклади:
  sop log list                                  усі записані дзвінки, від найдавнішого
  sop log list --since 2026-11-01 --until 2026-11-30
  sop log list --sop job-offer-abroad --outcome referred
  sop log list --status unfinished              дзвінки, які не було завершено
  sop log list --training --format json > training.json
  sop log list --db --since 2026-11-01         уся гаряча лінія, зі спільного сховища`,
        }),
      )
      .action(async (options: LogListOptions) => {
        const { runLogList } = await import('../commands/log.js');
        process.exitCode = await runLogList(options);
      }),
  (log, t) =>
    log
      .command('show')
      .description(t({ en: 'show one recorded call as a readable transcript', uk: 'показати один записаний дзвінок як зручну для читання стенограму' }))
      .argument('<session>', t({ en: 'the session id, or a unique part of it (its start or its last four characters)', uk: 'ідентифікатор сесії або його унікальна частина (початок чи останні чотири символи)' }))
      .option('--sops <dir>', t({ en: 'the SOP library for step texts and option labels (default: the configured sops dir)', uk: 'бібліотека СОП для текстів кроків і назв варіантів (типово: тека СОП із налаштувань)' }))
      .option('--key <private-key>', t({ en: "the supervisor's private key (supervisor.key.pem): shows sealed answers and notes in clear", uk: 'приватний ключ керівника (supervisor.key.pem): показує зашифровані відповіді й нотатки відкрито' }))
      .addOption(trainingOption(t))
      .addOption(formatOption(t, ['text', 'json'], { en: 'text: a transcript; json: the journal lines', uk: 'text: стенограма; json: рядки журналу' }))
      .addOption(dataDirOption(t))
      .addOption(dbOption(t))
      .addOption(commandLangOption(t))
      .addHelpText(
        'after',
        t({
          en: `
The transcript shows each step as it was shown, the answers (with the SOP's option labels
when the SOP is available), amendments (original -> new), interrupts, notes, the outcome and
the referrals. Sensitive answers and every note were never written in clear: they show as
[redacted]. When the counsellor's machine had a public key configured they were also sealed
to it, and --key with the supervisor's private key opens them (a wrong key: exit 2; a
damaged or swapped sealed value: exit 1; see docs/security.md).

Examples:
  sop log show 20261129-1302-k3f9
  sop log show k3f9                     the last four characters are enough when unique
  sop log show 20261129-1302 --lang uk
  sop log show k3f9 --format json       the raw journal lines
  sop log show k3f9 --key ~/supervisor-keys/supervisor.key.pem
  sop log show k3f9 --db --key ~/supervisor-keys/supervisor.key.pem`,
          uk: `
Стенограма показує кожен крок так, як його було показано, відповіді (з назвами варіантів
зі СОП, якщо СОП доступна), виправлення (було -> стало), переривання, нотатки, результат і
скерування. Чутливі відповіді й усі нотатки ніколи не записувалися відкрито: вони показані як
[redacted]. Якщо на комп'ютері консультанта був налаштований публічний ключ, їх також
зашифровано для нього, і --key із приватним ключем керівника їх відкриває (не той ключ:
код 2; пошкоджене чи підмінене зашифроване значення: код 1; див. docs/security.md).

Приклади:
  sop log show 20261129-1302-k3f9
  sop log show k3f9                     досить останніх чотирьох символів, якщо вони унікальні
  sop log show 20261129-1302 --lang uk
  sop log show k3f9 --format json       необроблені рядки журналу
  sop log show k3f9 --key ~/supervisor-keys/supervisor.key.pem
  sop log show k3f9 --db --key ~/supervisor-keys/supervisor.key.pem`,
        }),
      )
      .action(async (session: string, options: LogShowOptions) => {
        const { runLogShow } = await import('../commands/log.js');
        process.exitCode = await runLogShow(session, options);
      }),
  (log, t) =>
    log
      .command('verify')
      .description(t({ en: 'check the journal has not been edited, cut or reordered (walks the hash chain)', uk: 'перевірити, що журнал не редагували, не обрізали й не переставляли (проходить ланцюжок гешів)' }))
      .argument('[file]', t({ en: 'one journal file ("-" reads stdin); default: every journal file of the data dir', uk: 'один файл журналу ("-" читає stdin); типово: усі файли журналу в теці даних' }))
      .addOption(formatOption(t, ['text', 'json']))
      .addOption(dataDirOption(t))
      .addOption(dbOption(t))
      .addOption(commandLangOption(t))
      .addHelpText(
        'after',
        t({
          en: `
Each journal line holds the SHA-256 of the line before it, so a line that was edited,
deleted, inserted or moved breaks the chain where it happened; lines cut off the end are
found through the <file>.head that sop keeps beside each journal file. Each break is
reported as file:line. A torn last line (a write cut short by a crash) is only a notice, and
so is a loss accepted on record with "sop log accept-loss" (who, when, what was lost): shown
every time, for good.
Exit 0: the chain is intact; 1: it breaks somewhere; 2: cannot read the journal.

Examples:
  sop log verify
  sop log verify ~/.local/share/sop-runner/journal/calls/2026-11.jsonl
  sop log verify --format json
  sop log verify --db                   every chain in the shared store`,
          uk: `
Кожен рядок журналу містить SHA-256 попереднього рядка, тож змінений, видалений, вставлений
чи переставлений рядок розриває ланцюжок саме там; рядки, відрізані з кінця, видно через
файл <файл>.head, який sop тримає поруч із кожним файлом журналу. Кожен розрив показано як
файл:рядок. Обірваний останній рядок (запис, перерваний збоєм) — лише зауваження, як і
втрата, прийнята записом "sop log accept-loss" (хто, коли, що втрачено): її показано щоразу.
Код виходу 0: ланцюжок цілий; 1: десь розірваний; 2: журнал не вдається прочитати.

Приклади:
  sop log verify
  sop log verify ~/.local/share/sop-runner/journal/calls/2026-11.jsonl
  sop log verify --format json
  sop log verify --db                   усі ланцюжки спільного сховища`,
        }),
      )
      .action(async (file: string | undefined, options: LogVerifyOptions) => {
        const { runLogVerify } = await import('../commands/log.js');
        process.exitCode = await runLogVerify(file, options);
      }),
  // `sop log accept-loss` (src/shell/commands/accept-loss.ts; the line itself: src/shell/journal/accept-loss.ts).
  (log, t) =>
    log
      .command('accept-loss')
      .description(t({ en: 'record in the journal that a loss verify found (lines cut off the end, a missing head) is accepted', uk: 'записати в журнал, що втрату, знайдену перевіркою (відрізані з кінця рядки, відсутній .head), прийнято' }))
      .argument('[file]', t({ en: 'one journal file; default: every journal file of the data dir with such a loss', uk: 'один файл журналу; типово: усі файли журналу в теці даних із такою втратою' }))
      .option('--by <name>', t({ en: 'who accepts (default: the user name of this login)', uk: 'хто приймає (типово: ім’я користувача цього входу)' }))
      .option('--reason <text>', t({ en: 'why the loss is accepted, recorded with it', uk: 'чому втрату прийнято; записується разом із нею' }))
      .option('-y, --yes', t({ en: 'accept without asking (needed when not on a terminal)', uk: 'прийняти без запитання (потрібно поза терміналом)' }))
      .addOption(dataDirOption(t))
      .addOption(commandLangOption(t))
      .addHelpText(
        'after',
        t({
          en: `
When lines were cut off the end of a journal file (its .head says it was longer, the .head is
missing or unreadable, or sop left a .head-mismatch-* marker), "sop log verify" fails (exit 1)
and keeps failing: a loss is never forgotten on its own. Once a supervisor knows what was lost
(restored from a backup, noted on paper...), accept-loss appends ONE line to the journal, in
its hash chain, saying who accepted (--by, or the user name), when, why (--reason), and what
verify found (the head's length vs the file's, the last intact line and its hash, the
markers). The file gets a fresh head. From then on "sop log verify" passes with a notice
naming the accepted loss, for as long as the journal exists; "sop log list" and "show" mention
it too. A later cut is a new break. Only this command writes that line, and it asks first
(on a terminal) or needs --yes. Edits, insertions or reordering are not a loss: they stay
breaks. A call whose end was cut off is never offered by "sop resume", nor continued.
Exit 0: accepted; 1: no loss to accept (nothing written), or not confirmed; 2: cannot write
the journal (read-only, locked by a running call...), no --yes off a terminal, bad option.

Examples:
  sop log verify                             see what is broken first
  sop log accept-loss --reason "INC-2026-114, backup 2026-11-03"
  sop log accept-loss ~/.local/share/sop-runner/journal/calls/2026-11.jsonl --by okoval --yes`,
          uk: `
Коли з кінця файлу журналу відрізано рядки (його .head каже, що він був довшим, .head немає
або він не читається, або sop лишив позначку .head-mismatch-*), "sop log verify" не проходить
(код 1) і не проходитиме: втрата сама не забувається. Коли керівник знає, що втрачено
(відновлено з резервної копії, записано на папері...), accept-loss додає до журналу ОДИН
рядок у ланцюжку гешів: хто прийняв (--by або ім’я користувача), коли, чому (--reason) і що
знайшла перевірка (довжина за .head і на диску, останній цілий рядок і його геш, позначки).
Файл отримує новий .head. Відтоді "sop log verify" проходить із зауваженням про прийняту
втрату, доки існує журнал; "sop log list" і "show" теж про неї кажуть. Нове обрізання —
нове порушення. Лише ця команда пише такий рядок, і вона спершу питає (у терміналі) або
потребує --yes. Правки, вставки й перестановки — не втрата: вони лишаються порушеннями.
Дзвінок, кінець якого відрізано, "sop resume" не пропонує й не продовжує.
Код 0: прийнято; 1: немає втрати (нічого не записано) або не підтверджено; 2: журнал не
вдається записати (лише читання, його записує дзвінок...), немає --yes поза терміналом.

Приклади:
  sop log verify                             спершу подивіться, що порушено
  sop log accept-loss --reason "INC-2026-114, backup 2026-11-03"
  sop log accept-loss ~/.local/share/sop-runner/journal/calls/2026-11.jsonl --by okoval --yes`,
        }),
      )
      .action(async (file: string | undefined, options: import('../commands/accept-loss.js').AcceptLossOptions) => {
        const { runAcceptLoss } = await import('../commands/accept-loss.js');
        process.exitCode = await runAcceptLoss(file, options);
      }),
  // `sop log purge` (src/shell/commands/purge.ts; the retention itself: src/shell/journal/purge-journal.ts).
  (log, t) =>
    log
      .command('purge')
      .description(t({ en: 'retention: remove whole sessions that ended before a cut-off (journal re-chained, crash-safe)', uk: 'строк зберігання: вилучити цілі сесії, що завершилися до межі (ланцюжок журналу перебудовується, стійко до збоїв)' }))
      .requiredOption('--older-than <age>', t({ en: 'the cut-off: days or weeks (90d, 12w) or a date (2026-08-31)', uk: 'межа: дні чи тижні (90d, 12w) або дата (2026-08-31)' }))
      .option('--dry-run', t({ en: 'only list what would be removed', uk: 'лише показати, що було б вилучено' }))
      .addOption(formatOption(t, ['text', 'json']))
      .addOption(dataDirOption(t))
      .addOption(dbOption(t))
      .addOption(commandLangOption(t))
      .addHelpText(
        'after',
        t({
          en: `
Removes every session (live calls and training) that ended before the cut-off: completed
ones by their session-end line, unfinished ones (never resumed) by their last line. Each
affected file is rewritten through a temp file, fsync and rename, so a crash leaves the old
or the new journal. The kept lines are re-chained (their prev hashes recomputed) so that
"sop log verify" passes afterwards; because re-chaining would also hide an earlier edit, a
file whose chain is already broken is NOT purged, and neither is a file a live session is
recording into: both are reported, exit 1. Run "sop log verify" before purging.
Removed sessions are listed on stdout (id, SOP, start, end, status, file).

Examples:
  sop log purge --older-than 90d --dry-run    what would go
  sop log purge --older-than 90d
  sop log purge --older-than 2026-06-30 --data-dir /srv/hotline
  sop log purge --db --older-than 90d          in the shared store (supervisor)`,
          uk: `
Вилучає всі сесії (справжні дзвінки й навчання), що завершилися до межі: завершені — за
рядком session-end, незавершені (так і не продовжені) — за останнім рядком. Кожен зачеплений
файл переписується через тимчасовий файл, fsync і перейменування, тож після збою лишається
або старий, або новий журнал. Залишені рядки знову зчіплюються в ланцюжок (їхні геші prev
переобчислюються), щоб "sop log verify" потім проходив; оскільки це приховало б і давнішу
правку, файл із уже розірваним ланцюжком НЕ очищується, як і файл, у який зараз записує
жива сесія: про обидва сказано, код виходу 1. Перед очищенням виконайте "sop log verify".
Вилучені сесії перелічено в stdout (ідентифікатор, СОП, початок, кінець, стан, файл).

Приклади:
  sop log purge --older-than 90d --dry-run    що буде вилучено
  sop log purge --older-than 90d
  sop log purge --older-than 2026-06-30 --data-dir /srv/hotline
  sop log purge --db --older-than 90d          у спільному сховищі (супервізор)`,
        }),
      )
      .action(async (options: import('../commands/purge.js').PurgeOptions) => {
        const { runPurge } = await import('../commands/purge.js');
        process.exitCode = await runPurge(options);
      }),
  // `sop log export` (owned by the replay/test area: src/shell/commands/export.ts).
  (log, t) =>
    log
      .command('export')
      .description(t({ en: 'write one recorded call as a redacted fixture (JSON Lines, its own hash chain) for sop replay --check', uk: 'записати один дзвінок як знеособлений зразок (JSON Lines, власний ланцюжок гешів) для sop replay --check' }))
      .argument('<session>', t({ en: 'the session id, or a unique part of it', uk: 'ідентифікатор сесії або його унікальна частина' }))
      .option('--redact', t({ en: 'required: operator and trainee names, notes and sensitive answers are removed', uk: "обов'язково: імена оператора й слухача, нотатки та чутливі відповіді вилучаються" }))
      .option('-o, --output <file>', t({ en: 'write to this file (0600) instead of stdout', uk: 'записати в цей файл (0600) замість stdout' }))
      .addOption(trainingOption(t))
      .addOption(dataDirOption(t))
      .addOption(commandLangOption(t))
      .addHelpText(
        'after',
        t({
          en: `
The exported call keeps the journal line format, so it can be replayed and checked against
later SOP edits. Without --redact the command refuses (exit 2): an export leaves the
protected journal.

Examples:
  sop log export 20261129-1302-k3f9 --redact -o test/replay/calls/k3f9.jsonl
  sop log export k3f9 --redact | sop replay -
  sop replay --check test/replay/calls/`,
          uk: `
Експортований дзвінок зберігає формат рядків журналу, тож його можна відтворити й перевірити
на пізніших змінах СОП. Без --redact команда відмовляє (код 2): експорт виходить за межі
захищеного журналу.

Приклади:
  sop log export 20261129-1302-k3f9 --redact -o test/replay/calls/k3f9.jsonl
  sop log export k3f9 --redact | sop replay -
  sop replay --check test/replay/calls/`,
        }),
      )
      .action(async (session: string, options: import('../commands/export.js').ExportOptions) => {
        const { runExport } = await import('../commands/export.js');
        process.exitCode = await runExport(session, options);
      }),
];

export const defineLog: CommandDefinition = (program: Command, t) => {
  const log = program
    .command('log')
    .description(t({ en: 'the journal of recorded calls: list, show, verify', uk: 'журнал записаних дзвінків: перелік, перегляд, перевірка' }))
    .addHelpText(
      'after',
      t({
        en: `
Examples:
  sop log list --since 2026-11-01
  sop log show k3f9
  sop log verify
  sop log accept-loss --reason INC-2026-114`,
        uk: `
Приклади:
  sop log list --since 2026-11-01
  sop log show k3f9
  sop log verify
  sop log accept-loss --reason INC-2026-114`,
      }),
    );
  for (const define of logSubcommands) define(log, t);
};
