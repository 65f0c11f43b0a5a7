/** `sop run [sop]`: run a call live in the terminal, recorded in the journal. */
import { Option, type Command } from 'commander';
import { LANG_OF_SCREENS, DATA_DIR, SOPS_FOLDER } from './texts.js';
import type { CommandDefinition } from './commands.js';
import type { RunOptions } from '../commands/run.js';

export const defineRun: CommandDefinition = (program: Command, t) => {
  program
    .command('run')
    .description(t({ en: 'run a call: the SOP step by step in the terminal, recorded in the journal', uk: 'провести дзвінок: СОП крок за кроком у терміналі, із записом у журнал' }))
    .argument('[sop]', t({ en: 'SOP id or file (default: choose from a menu)', uk: 'ідентифікатор або файл СОП (типово: вибір із меню)' }))
    .addOption(new Option('--lang <lang>', t(LANG_OF_SCREENS)).choices(['en', 'uk']))
    .option('--operator <name>', t({ en: 'your pseudonym in the journal (default: from the config file)', uk: 'ваш псевдонім у журналі (типово: з файлу налаштувань)' }))
    .option('--data-dir <dir>', t(DATA_DIR))
    .option('--sops <dir>', t(SOPS_FOLDER))
    .option('--answers <file>', t({ en: 'run without a terminal: answers from a YAML file (step: answer; "-" = stdin)', uk: 'без термінала: відповіді з файлу YAML (крок: відповідь; "-" читає stdin)' }))
    .addHelpText(
      'after',
      t({
        en: `
Keys during a call:
  ↑ ↓ or 1-9   choose an option          Space or 1-9   tick a checklist item
  Enter        confirm / continue        ?              guidance for this step
  b            back (the next answer amends the earlier one)
  n            a one-line note           q              quit (asks first; the call can be resumed)
  !            the SOP's interrupts (e.g. ! immediate danger), listed in the footer
  On a typed answer, press Esc first, then the key.
  Letter keys also work with the Ukrainian layout (й q, и b, т n).

Every answer is written to the journal (and synced to disk) before the next step shows.
Sensitive answers and all notes are never written in clear. Exit 0 when the call ends,
130 when stopped with Ctrl+C, 1 when it stops early otherwise (quit, missing answer) or the
SOPs have errors, 2 when it cannot run (not a terminal, journal not writable).

Examples:
  sop run                                  choose the SOP from a menu
  sop run first-contact --lang uk          a call in Ukrainian
  sop run sops/job-offer-abroad.sop.yaml --operator counsellor-7
  sop run first-contact --answers answers.yaml     headless, e.g. for a demo or a check
  cat answers.yaml | sop run first-contact --answers -`,
        uk: `
Клавіші під час дзвінка:
  ↑ ↓ або 1-9  вибрати варіант           Пробіл або 1-9  позначити пункт переліку
  Enter        підтвердити / далі        ?               порада до цього кроку
  b            назад (наступна відповідь виправить попередню)
  n            нотатка в один рядок      q               вийти (спершу запитає; дзвінок можна продовжити)
  !            переривання СОП (напр. ! безпосередня небезпека), перелічені внизу екрана
  Коли вводите відповідь, спершу натисніть Esc, потім клавішу. Літерні клавіші
  працюють і в українській розкладці (й q, и b, т n).

Кожна відповідь записується в журнал (і зберігається на диск), перш ніж з'явиться наступний
крок. Чутливі відповіді й усі нотатки ніколи не записуються відкрито. Код виходу 0, коли
дзвінок завершено; 130, коли його зупинено через Ctrl+C; 1, коли його зупинено раніше інакше
(вихід, бракує відповіді) або в СОП є помилки; 2, коли дзвінок не може початися (немає
термінала, журнал недоступний для запису).

Приклади:
  sop run                                  вибрати СОП із меню
  sop run first-contact --lang uk          дзвінок українською
  sop run sops/job-offer-abroad.sop.yaml --operator counsellor-7
  sop run first-contact --answers answers.yaml     без термінала, напр. для показу чи перевірки
  cat answers.yaml | sop run first-contact --answers -`,
      }),
    )
    .action(async (sop: string | undefined, options: RunOptions) => {
      const { runRun } = await import('../commands/run.js');
      process.exitCode = await runRun(sop, options);
    });
};
