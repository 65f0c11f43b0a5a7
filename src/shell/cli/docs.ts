/** `sop docs`: a printable Markdown handbook of an SOP. */
import { Option, type Command } from 'commander';
import { SOPS_CONFIGURED, SOP_ARGUMENT, OUTPUT_FILE } from './texts.js';
import type { CommandDefinition } from './commands.js';

export interface DocsOptions {
  readonly lang?: string;
  readonly output?: string;
  readonly sops?: string;
  readonly card?: boolean;
}

export const defineDocs: CommandDefinition = (program: Command, t) => {
  program
    .command('docs')
    .description(t({ en: 'write a printable Markdown handbook of an SOP: diagram, every step, outcomes, referral contacts', uk: 'створити посібник СОП у Markdown для друку: схема, усі кроки, результати, контакти для скерування' }))
    .argument('<sop>', t(SOP_ARGUMENT))
    .addOption(new Option('--lang <lang>', t({ en: 'language of the handbook', uk: 'мова посібника' })).choices(['en', 'uk']))
    .option('-o, --output <file>', t(OUTPUT_FILE))
    .option('--sops <dir>', t(SOPS_CONFIGURED))
    .option('--card', t({ en: 'a one-page pocket card instead: the main path, the keys, the duty-to-act rule, the numbers with their hours', uk: 'натомість пам’ятка на одну сторінку: основний шлях, клавіші, правило обов’язку діяти, номери з годинами роботи' }))
    .addHelpText(
      'after',
      t({
        en: `
The handbook has the title, version and purpose, the Mermaid diagram, then every step in the
order a call meets it (what to say, guidance, options and where they lead, sources), the
interrupts, the outcomes, and the referral contacts the end steps name (phone, hours, date
last verified, anything unverified). It holds no call data.

Examples:
  sop docs first-contact -o handbook/first-contact.md
  sop docs first-contact --lang uk -o handbook/first-contact.uk.md
  sop docs emergency --card -o cards/emergency.md
  sop docs sops/emergency.sop.yaml | less`,
        uk: `
У посібнику — назва, версія й мета, схема Mermaid, далі всі кроки в тому порядку, в якому їх
проходить дзвінок (що сказати, порада, варіанти й куди вони ведуть, джерела), переривання,
результати та контакти для скерування, названі в кінцевих кроках (телефон, години роботи, дата
останньої перевірки, усе неперевірене). Даних дзвінків у ньому немає.

Приклади:
  sop docs first-contact -o handbook/first-contact.md
  sop docs first-contact --lang uk -o handbook/first-contact.uk.md
  sop docs emergency --card -o cards/emergency.md
  sop docs sops/emergency.sop.yaml | less`,
      }),
    )
    .action(async (sop: string, options: DocsOptions) => {
      const { runDocs } = await import('../commands/docs.js');
      process.exitCode = await runDocs(sop, options);
    });
};
