/**
 * `sop completion bash|zsh|fish`: a completion script for the shell. The script asks the hidden
 * `sop __complete <words...>` for candidates, which answers from the command definitions
 * (commands, options) and from file names in the SOP folder (SOP ids, scenario ids): no YAML is
 * parsed, so it answers in the time sop takes to start.
 */
import { Argument, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';

export const defineCompletion: CommandDefinition = (program: Command, t) => {
  program
    .command('completion')
    .description(t({ en: 'print a shell completion script (commands, options, SOP and scenario ids)', uk: 'вивести скрипт доповнення для оболонки (команди, параметри, ідентифікатори СОП і сценаріїв)' }))
    .addArgument(new Argument('<shell>', t({ en: 'the shell', uk: 'оболонка' })).choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      t({
        en: `
Examples:
  source <(sop completion bash)                  in ~/.bashrc
  sop completion zsh > "\${fpath[1]}/_sop"        then restart zsh
  sop completion fish > ~/.config/fish/completions/sop.fish`,
        uk: `
Приклади:
  source <(sop completion bash)                  у ~/.bashrc
  sop completion zsh > "\${fpath[1]}/_sop"        і перезапустіть zsh
  sop completion fish > ~/.config/fish/completions/sop.fish`,
      }),
    )
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { completionScript } = await import('../commands/completion.js');
      process.stdout.write(completionScript(shell));
    });
  program
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .allowUnknownOption(true)
    .helpOption(false)
    .action(async (words: string[]) => {
      const { complete } = await import('../commands/completion.js');
      process.stdout.write((await complete(program, words)).map((word) => `${word}\n`).join(''));
    });
};
