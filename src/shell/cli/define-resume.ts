/** `sop resume [session]`: continue an interrupted call where it stopped. */
import { Option, type Command } from 'commander';
import { LANG_OF_SCREENS, DATA_DIR, SOPS_FOLDER } from './texts.js';
import type { CommandDefinition } from './commands.js';
import type { ResumeOptions } from '../commands/resume.js';

export const defineResume: CommandDefinition = (program: Command, t) => {
  program
    .command('resume')
    .description(t({ en: 'continue an interrupted call (quit, Ctrl+C, closed terminal, crash) where it stopped', uk: 'продовжити перерваний дзвінок (вихід, Ctrl+C, закритий термінал, збій) з місця зупинки' }))
    .argument('[session]', t({ en: 'the session id (default: choose from the interrupted calls)', uk: 'ідентифікатор сесії (типово: вибір серед перерваних дзвінків)' }))
    .addOption(new Option('--lang <lang>', t(LANG_OF_SCREENS)).choices(['en', 'uk']))
    .option('--data-dir <dir>', t(DATA_DIR))
    .option('--sops <dir>', t(SOPS_FOLDER))
    .addHelpText(
      'after',
      t({
        en: `
The call is rebuilt from the journal with the SOP version it started with; if an SOP file has
changed since, resume says so and offers to start the call over. Sensitive answers are never
stored in clear, so they cannot be replayed: the call continues from the first one, which is
asked again. New lines are appended to the same session (seq continues).

Without a terminal, "sop resume" lists the interrupted calls (id, start, SOP, where it stopped).

Examples:
  sop resume                          choose from the interrupted calls
  sop resume 20261129-1302-k3f9       continue that call
  sop resume --data-dir /srv/hotline  calls recorded elsewhere
  sop resume < /dev/null              just list them`,
        uk: `
Дзвінок відновлюється з журналу з тією версією СОП, з якою він почався; якщо файл СОП
відтоді змінився, resume про це скаже й запропонує почати дзвінок заново. Чутливі відповіді
ніколи не зберігаються відкрито, тож їх не можна відтворити: дзвінок продовжується з першої
такої відповіді, і її запитують знову. Нові рядки дописуються до тієї самої сесії (seq триває).

Без термінала "sop resume" показує перелік перерваних дзвінків (ідентифікатор, початок, СОП,
де зупинився).

Приклади:
  sop resume                          вибрати серед перерваних дзвінків
  sop resume 20261129-1302-k3f9       продовжити цей дзвінок
  sop resume --data-dir /srv/hotline  дзвінки, записані деінде
  sop resume < /dev/null              лише показати їх перелік`,
      }),
    )
    .action(async (session: string | undefined, options: ResumeOptions) => {
      const { runResume } = await import('../commands/resume.js');
      process.exitCode = await runResume(session, options);
    });
};
