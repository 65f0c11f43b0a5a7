/** `sop docs`: a printable Markdown handbook of an SOP. */
import { Option, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';

export interface DocsOptions {
  readonly lang?: string;
  readonly output?: string;
  readonly sops?: string;
}

export const defineDocs: CommandDefinition = (program: Command) => {
  program
    .command('docs')
    .description('write a printable Markdown handbook of an SOP: diagram, every step, outcomes, referral contacts')
    .argument('<sop>', 'an SOP id from the library, or the path of a .sop.yaml file ("-" reads stdin)')
    .addOption(new Option('--lang <lang>', 'language of the handbook').choices(['en', 'uk']))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--sops <dir>', 'the SOP library (default: the configured sops dir, else ./sops)')
    .addHelpText(
      'after',
      `
The handbook has the title, version and purpose, the Mermaid diagram, then every step in the
order a call meets it (what to say, guidance, options and where they lead, sources), the
interrupts, the outcomes, and the referral contacts the end steps name (phone, hours, date
last verified, anything unverified). It holds no call data.

Examples:
  sop docs first-contact -o handbook/first-contact.md
  sop docs first-contact --lang uk -o handbook/first-contact.uk.md
  sop docs sops/emergency.sop.yaml | less`,
    )
    .action(async (sop: string, options: DocsOptions) => {
      const { runDocs } = await import('../commands/docs.js');
      process.exitCode = await runDocs(sop, options);
    });
};
