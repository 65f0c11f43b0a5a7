/** `sop replay`: a recorded call as a timeline; `--check` re-runs recorded calls against the current SOPs. */
import { Option, type Command } from 'commander';
import { DB_READ, LANG_OF_MESSAGES, WIDE } from './texts.js';
import type { CommandDefinition } from './commands.js';
import type { ReplayOptions } from '../commands/replay.js';
import { langOption } from './lang-option.js';

export const defineReplay: CommandDefinition = (program: Command, t) => {
  program
    .command('replay')
    .description(t({ en: 'show a recorded call as a timeline, or --check recorded calls against the current SOPs', uk: 'показати записаний дзвінок як хронологію або перевірити (--check) записані дзвінки на поточних СОП' }))
    .argument('[calls...]', t({ en: 'session ids (a unique prefix is enough), exported .jsonl files, folders of them, or - for stdin', uk: 'ідентифікатори сесій (досить унікального початку), експортовані файли .jsonl, теки з ними або - для stdin' }))
    .option('--check', t({ en: 're-run each call against the current SOP files and report the first divergence', uk: 'пройти кожен дзвінок заново на поточних файлах СОП і показати першу розбіжність' }))
    .option('--sops <dir>', t({ en: 'the SOP folder (for replay: also searched for the version the call was made with)', uk: 'тека СОП (для відтворення в ній шукають і ту версію, з якою проводили дзвінок)' }))
    .option('--data-dir <dir>', t({ en: 'where journals live', uk: 'тека журналів' }))
    .option('--training', t({ en: 'look up session ids among training sessions', uk: 'шукати ідентифікатори серед навчальних сесій' }))
    .option('--db [url]', t(DB_READ))
    .option('--step', t({ en: 'walk through the call with keys (n/→ next, p/← previous, g jump, q quit); needs a terminal', uk: 'пройти дзвінок клавішами (n/→ далі, p/← назад, g перейти, q вийти); потрібен термінал' }))
    .option('--speed <factor>', t({ en: 'play the call back with its original timing, this many times faster (e.g. 4)', uk: 'відтворити дзвінок у його справжньому темпі, прискореному в стільки разів (напр. 4)' }))
    .addOption(new Option('--format <format>', t({ en: 'output format (junit with --check only)', uk: 'формат виводу (junit лише з --check)' })).choices(['pretty', 'json', 'junit']).default('pretty'))
    .option('--wide', t(WIDE))
    .addOption(langOption(t(LANG_OF_MESSAGES), t))
    .option('--key <private-key>', t({ en: "the supervisor's private key: the timeline shows sealed answers and notes in clear (not with --check)", uk: 'приватний ключ керівника: хронологія показує зашифровані відповіді й нотатки відкрито (не з --check)' }))
    .addHelpText(
      'after',
      t({
        en: `
Replay shows each step of a call with its text in the call's language, the answer, amendments,
interrupts, notes ("[redacted]": the journal never keeps their text) and the time spent.
It uses the SOP version the call was made with when a file with the recorded sha256 is found
in the SOP folder (or --sops); otherwise it says so and shows the current version.

--check re-runs every call through the engine against the current SOPs: same path and outcome,
or the first divergence (step removed, option removed or renamed, a condition that now routes
elsewhere, another outcome) with the SOP line involved. A sensitive answer is kept only as
"[redacted]" and cannot be re-run: such a call is reported "unchecked from" that step, not as
divergent. With no call named, --check takes every call in the journal. Exit 1 on divergence.

Examples:
  sop replay 20261129-1302-k3f9               the call as a timeline
  sop replay 20261129-1302 --step             walk through it step by step
  sop replay call.jsonl --speed 4             play an exported call 4x faster
  sop replay k3f9 --key supervisor.key.pem    the supervisor sees sealed answers and notes
  sop log export 20261129-1302 --redact | sop replay -
  sop replay --check                          every recorded call against today's SOPs
  sop replay --check test/replay/fixtures/ --sops sops/ --format junit > replay.xml
  sop replay --check --db                     every call of the hotline, from the shared store`,
        uk: `
Відтворення показує кожен крок дзвінка з текстом мовою дзвінка, відповідь, виправлення,
переривання, нотатки ("[redacted]": журнал ніколи не зберігає їхнього тексту) і витрачений
час. Воно бере ту версію СОП, з якою проводили дзвінок, якщо в теці СОП (або --sops) є файл
із записаним sha256; інакше про це сказано й показано поточну версію.

--check проводить кожен дзвінок заново через рушій на поточних СОП: той самий шлях і результат
або перша розбіжність (крок вилучено, варіант вилучено чи перейменовано, умова тепер веде
деінде, інший результат) разом із відповідним рядком СОП. Чутлива відповідь зберігається лише
як "[redacted]", і її не можна пройти заново: такий дзвінок позначено "не перевірено від"
цього кроку, а не як розбіжний. Якщо дзвінок не названо, --check бере всі дзвінки журналу.
Код виходу 1, якщо є розбіжність.

Приклади:
  sop replay 20261129-1302-k3f9               дзвінок як хронологія
  sop replay 20261129-1302 --step             пройти його крок за кроком
  sop replay call.jsonl --speed 4             відтворити експортований дзвінок учетверо швидше
  sop replay k3f9 --key supervisor.key.pem    керівник бачить зашифровані відповіді й нотатки
  sop log export 20261129-1302 --redact | sop replay -
  sop replay --check                          усі записані дзвінки на сьогоднішніх СОП
  sop replay --check test/replay/fixtures/ --sops sops/ --format junit > replay.xml
  sop replay --check --db                     усі дзвінки гарячої лінії, зі спільного сховища`,
      }),
    )
    .action(async (calls: string[], options: ReplayOptions) => {
      const { runReplay } = await import('../commands/replay.js');
      process.exitCode = await runReplay(calls, options);
    });
};
