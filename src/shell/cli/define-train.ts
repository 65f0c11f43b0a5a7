/** `sop train [scenario]`: practise a scenario as a live call, then a debrief; `--report` for progress. */
import { Option, type Command } from 'commander';
import { DATA_DIR, SOPS_FOLDER, WIDE } from './texts.js';
import type { CommandDefinition } from './commands.js';
import type { TrainOptions } from '../commands/train.js';
import { langOption } from './lang-option.js';
import { msg } from '../../core/model/message.js';

export const defineTrain: CommandDefinition = (program: Command, t) => {
  program
    .command('train')
    .description(t(msg('cli-train-training-practise-a-scenario-exactly')))
    .argument('[scenario]', t(msg('cli-train-scenario-id-or-file-default')))
    .option('--trainee <name>', t(msg('cli-train-the-trainee-s-pseudonym-default')))
    .option('--reveal', t(msg('cli-train-guided-first-pass-show-the')))
    .option('--report [trainee]', t(msg('cli-train-progress-report-scenarios-done-scores')))
    .addOption(new Option('--format <format>', t(msg('cli-train-with-report-output-format'))).choices(['table', 'json']).default('table'))
    .option('--wide', t(WIDE))
    .addOption(langOption(t(msg('cli-train-language-of-the-screens-the')), t))
    .option('--operator <name>', t(msg('cli-train-who-runs-the-session-recorded')))
    .option('--data-dir <dir>', t(DATA_DIR))
    .option('--sops <dir>', t(SOPS_FOLDER))
    .option('--scenarios <dir>', t(msg('cli-train-where-scenarios-are-default-the')))
    .addHelpText(
      'after',
      t(msg('cli-train-the-trainee-reads-the-caller')),
    )
    .action(async (scenario: string | undefined, options: TrainOptions) => {
      const { runTrain } = await import('../commands/train.js');
      process.exitCode = await runTrain(scenario, options);
    });
};
