/** `sop lsp`: the language server editors start (`sop lsp --stdio`). */
import { Option, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';
import type { LspCommandOptions } from '../commands/lsp.js';
import { langOption } from './lang-option.js';

export const defineLsp: CommandDefinition = (program: Command, t) => {
  program
    .command('lsp')
    .description(t({ en: 'a language server for editors: the findings of sop validate as you type, completion, hover, go to definition, references, rename, quick fixes', uk: 'мовний сервер для редакторів: зауваження sop validate під час набору, доповнення, підказки, перехід до визначення, посилання, перейменування, швидкі виправлення' }))
    .option('--stdio', t({ en: 'talk LSP over stdin and stdout (the default, and the argument editors pass)', uk: 'спілкуватися за LSP через stdin і stdout (типово; цей аргумент передають редактори)' }))
    .addOption(langOption(t({ en: "language of the findings (default: the editor's locale, then LANG)", uk: 'мова зауважень (типово: мова редактора, потім LANG)' }), t))
    .addHelpText(
      'after',
      t({
        en: `
Started by an editor, not by hand: it reads LSP messages on stdin and answers on stdout, and
works on the open buffers (unsaved) over the library in the workspace's sops/ folder. It never
writes a file; fixes and renames go back to the editor as edits. See docs/editors.md for
VS Code, Neovim, Helix and Emacs.

Exit codes: 0 after the editor's shutdown and exit, 1 when the editor exits without shutdown.

Examples:
  sop lsp --stdio                               what an editor runs
  sop lsp --stdio --lang uk                     findings in Ukrainian whatever the editor's locale`,
        uk: `
Його запускає редактор, а не людина: він читає повідомлення LSP зі stdin і відповідає в stdout,
працює з відкритими (навіть незбереженими) буферами поверх бібліотеки в теці sops/ робочої
області. Він ніколи не записує файлів: виправлення й перейменування повертаються редакторові
як правки. Як під'єднати VS Code, Neovim, Helix і Emacs: docs/editors.md.

Коди виходу: 0 після shutdown і exit від редактора, 1 — якщо редактор вийшов без shutdown.

Приклади:
  sop lsp --stdio                               те, що запускає редактор
  sop lsp --stdio --lang uk                     зауваження українською за будь-якої мови редактора`,
      }),
    )
    .action(async (options: LspCommandOptions) => {
      const { runLsp } = await import('../commands/lsp.js');
      await runLsp(options);
    });
};
