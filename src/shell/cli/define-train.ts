/** `sop train [scenario]`: practise a scenario as a live call, then a debrief; `--report` for progress. */
import { Option, type Command } from 'commander';
import { DATA_DIR, SOPS_FOLDER, WIDE } from './texts.js';
import type { CommandDefinition } from './commands.js';
import type { TrainOptions } from '../commands/train.js';

export const defineTrain: CommandDefinition = (program: Command, t) => {
  program
    .command('train')
    .description(t({ en: 'training: practise a scenario exactly like a live call, then a debrief against the expert', uk: 'навчання: відпрацювати сценарій точно як справжній дзвінок, потім розбір у порівнянні з експертом' }))
    .argument('[scenario]', t({ en: 'scenario id or file (default: choose from a menu)', uk: 'ідентифікатор або файл сценарію (типово: вибір із меню)' }))
    .option('--trainee <name>', t({ en: "the trainee's pseudonym (default: the operator from the config file)", uk: 'псевдонім слухача (типово: оператор із файлу налаштувань)' }))
    .option('--reveal', t({ en: "guided first pass: show the expert's choice and why at every step", uk: 'кероване перше проходження: на кожному кроці показати вибір експерта й чому' }))
    .option('--report [trainee]', t({ en: 'progress report: scenarios done, scores over time, where the trainee diverges (default: --trainee)', uk: 'звіт про поступ: пройдені сценарії, оцінки з часом, де слухач вирішує інакше (типово: --trainee)' }))
    .addOption(new Option('--format <format>', t({ en: 'with --report: output format', uk: 'з --report: формат виводу' })).choices(['table', 'json']).default('table'))
    .option('--wide', t(WIDE))
    .addOption(new Option('--lang <lang>', t({ en: 'language of the screens, the SOP texts and the debrief', uk: 'мова екранів, текстів СОП і розбору' })).choices(['en', 'uk']))
    .option('--operator <name>', t({ en: 'who runs the session, recorded in the journal (default: from the config file)', uk: 'хто проводить сесію, записується в журнал (типово: з файлу налаштувань)' }))
    .option('--data-dir <dir>', t(DATA_DIR))
    .option('--sops <dir>', t(SOPS_FOLDER))
    .option('--scenarios <dir>', t({ en: 'where scenarios are (default: the scenarios folder of the library)', uk: 'тека сценаріїв (типово: тека scenarios бібліотеки)' }))
    .addHelpText(
      'after',
      t({
        en: `
The trainee reads the caller's situation, then runs the SOP with the same screens and keys as
"sop run" (? guidance, b back, n note, q quit, ! and the other interrupt keys). At the steps
where the scenario scripts the caller, what the caller says appears above the step.
At the end, a debrief: a score out of 100 (decisions as the expert 50, red flags 25,
outcome 25; see docs/training.md), each decision beside the expert's with the step's guidance
and the expert's reason where they differ, the red flags missed, and time per step.

Sessions go to the TRAINING journal (<data dir>/journal/training/), never with real calls.
A terminal is needed; for headless checks of scenarios use "sop test". Exit 0 when the call
was completed, 1 when it was stopped early or the scenario no longer fits the SOPs, 2 when it
cannot run (not a terminal, journal not writable).

Examples:
  sop train                                      choose a scenario from a menu
  sop train two-signs --trainee trainee-3        a scenario by id, under a pseudonym
  sop train sops/scenarios/dv-danger-interrupt.scenario.yaml --lang uk
  sop train emergency-danger-passed --reveal     first pass: the expert's choice at each step
  sop train --report                             your progress (the --trainee / config name)
  sop train --report trainee-3 --format json     one trainee's progress as JSON`,
        uk: `
Слухач читає ситуацію абонента, потім проходить СОП з тими самими екранами й клавішами, що
й у "sop run" (? порада, b назад, n нотатка, q вийти, ! та інші клавіші переривань). На
кроках, де сценарій задає слова абонента, вони з'являються над кроком.
Наприкінці — розбір: оцінка зі 100 (рішення як в експерта 50, тривожні сигнали 25,
результат 25; див. docs/training.md), кожне рішення поруч з експертним, а де вони різняться —
порада до кроку й пояснення експерта, пропущені тривожні сигнали та час на кожен крок.

Сесії записуються в НАВЧАЛЬНИЙ журнал (<тека даних>/journal/training/), ніколи разом зі
справжніми дзвінками. Потрібен термінал; для перевірки сценаріїв без термінала є "sop test".
Код виходу 0, коли дзвінок завершено; 1, коли його зупинено раніше або сценарій більше не
відповідає СОП; 2, коли сесія не може початися (немає термінала, журнал недоступний для запису).

Приклади:
  sop train                                      вибрати сценарій із меню
  sop train two-signs --trainee trainee-3        сценарій за ідентифікатором, під псевдонімом
  sop train sops/scenarios/dv-danger-interrupt.scenario.yaml --lang uk
  sop train emergency-danger-passed --reveal     перше проходження: вибір експерта на кожному кроці
  sop train --report                             ваш поступ (ім'я з --trainee / налаштувань)
  sop train --report trainee-3 --format json     поступ одного слухача в JSON`,
      }),
    )
    .action(async (scenario: string | undefined, options: TrainOptions) => {
      const { runTrain } = await import('../commands/train.js');
      process.exitCode = await runTrain(scenario, options);
    });
};
