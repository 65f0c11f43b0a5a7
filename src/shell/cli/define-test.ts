/** `sop test`: run scenario files as tests through the engine, with optional coverage. */
import { Option, type Command } from 'commander';
import { OUTPUT_FORMAT, LANG_OF_MESSAGES } from './texts.js';
import type { CommandDefinition } from './commands.js';
import type { TestOptions } from '../commands/test.js';
import { langOption } from './lang-option.js';

export const defineTest: CommandDefinition = (program: Command, t) => {
  program
    .command('test')
    .description(t({ en: 'run scenario files as tests: answers in, outcome, visits, referrals and interrupts checked', uk: 'запустити файли сценаріїв як тести: відповіді на вході, перевірка результату, пройдених кроків, скерувань і переривань' }))
    .argument('[paths...]', t({ en: 'scenario files, folders, quoted globs or - for stdin (default: <sops dir>/scenarios/)', uk: 'файли сценаріїв, теки, шаблони в лапках або - для stdin (типово: <тека СОП>/scenarios/)' }))
    .option('--sops <dir>', t({ en: 'the SOP library to test against (default: the configured sops dir, else ./sops)', uk: 'бібліотека СОП, з якою перевіряти (типово: тека СОП із налаштувань, інакше ./sops)' }))
    .addOption(new Option('--format <format>', t(OUTPUT_FORMAT)).choices(['pretty', 'json', 'junit', 'tap']).default('pretty'))
    .option('--coverage', t({ en: 'report the steps, options and branches the scenarios exercise', uk: 'показати, які кроки, варіанти й гілки охоплюють сценарії' }))
    .option('--journal [path]', t({ en: 'also measure recorded calls: the journal in the data dir, or a folder/file of exported calls (implies --coverage)', uk: 'також виміряти записані дзвінки: журнал у теці даних або теку/файл експортованих дзвінків (вмикає --coverage)' }))
    .option('--min-coverage <percent>', t({ en: 'fail (exit 1) when any SOP has less than this % of its steps covered by the scenarios (implies --coverage)', uk: 'невдача (код 1), коли сценарії охоплюють менше цього відсотка кроків будь-якої СОП (вмикає --coverage)' }))
    .option('--data-dir <dir>', t({ en: 'where journals live (for --journal without a path)', uk: 'тека журналів (для --journal без шляху)' }))
    .addOption(langOption(t(LANG_OF_MESSAGES), t))
    .addHelpText(
      'after',
      t({
        en: `
Each scenario's answers are given in order; each must be for the step the call is at.
A scenario fails on the first answer that does not fit, or when the outcome, visits,
referrals or interrupts differ from its "expect:" section. Exit 1 when any fails.

Examples:
  sop test                                   run every scenario in sops/scenarios/
  sop test sops/scenarios/job-offer-passport-and-debt.scenario.yaml
  sop test --coverage                        also show what the scenarios leave untested
  sop test --coverage --min-coverage 100     fail unless every step of every SOP is covered
  sop test --coverage --journal              ... and what recorded calls exercise
  sop test --coverage --journal exported/    ... measured on exported calls
  sop test --format junit > report.xml       for CI
  sop test 'sops/scenarios/job-offer-*.scenario.yaml' --format tap
  sop test - < my.scenario.yaml                one scenario from stdin`,
        uk: `
Відповіді сценарію подаються по черзі; кожна має стосуватися кроку, на якому зараз дзвінок.
Сценарій не проходить на першій відповіді, що не підходить, або коли результат, пройдені
кроки, скерування чи переривання відрізняються від його розділу "expect:". Код виходу 1,
якщо хоч один сценарій не пройшов.

Приклади:
  sop test                                   усі сценарії в sops/scenarios/
  sop test sops/scenarios/job-offer-passport-and-debt.scenario.yaml
  sop test --coverage                        також показати, що сценарії лишають неперевіреним
  sop test --coverage --min-coverage 100     невдача, якщо хоч один крок будь-якої СОП не охоплено
  sop test --coverage --journal              ... і що охоплюють записані дзвінки
  sop test --coverage --journal exported/    ... виміряно на експортованих дзвінках
  sop test --format junit > report.xml       для CI
  sop test 'sops/scenarios/job-offer-*.scenario.yaml' --format tap
  sop test - < my.scenario.yaml                один сценарій зі stdin`,
      }),
    )
    .action(async (paths: string[], options: TestOptions) => {
      const { runTest } = await import('../commands/test.js');
      process.exitCode = await runTest(paths, options);
    });
};
