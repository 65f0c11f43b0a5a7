/** `sop graph`: an SOP as a diagram (Mermaid, Graphviz DOT, SVG, PNG through Graphviz, or a text tree). */
import { Option, type Command } from 'commander';
import { OUTPUT_FORMAT, SOPS_CONFIGURED, SOP_ARGUMENT, OUTPUT_FILE, WIDE } from './texts.js';
import type { CommandDefinition } from './commands.js';
import type { GraphOptions } from '../commands/graph.js';
import { langOption } from './lang-option.js';

export const defineGraph: CommandDefinition = (program: Command, t) => {
  program
    .command('graph')
    .description(t({ en: 'draw an SOP as a diagram: Mermaid (for GitHub), Graphviz DOT, SVG/PNG, or a text tree', uk: 'намалювати СОП як схему: Mermaid (для GitHub), Graphviz DOT, SVG/PNG або текстове дерево' }))
    .argument('<sop>', t(SOP_ARGUMENT))
    .addOption(new Option('-f, --format <format>', t(OUTPUT_FORMAT)).choices(['mermaid', 'dot', 'text', 'svg', 'png']).default('mermaid'))
    .addOption(langOption(t({ en: 'language of the labels', uk: 'мова підписів' }), t))
    .option('-o, --output <file>', t(OUTPUT_FILE))
    .option('--sops <dir>', t(SOPS_CONFIGURED))
    .option('--wide', t(WIDE))
    .addHelpText(
      'after',
      t({
        en: `
Steps are labelled with their (shortened) text, branches with the option label, the branch
label or its condition. End steps are coloured by outcome category (a legend is included),
interrupts are dashed arrows from a flag-shaped node, sub-SOPs (call steps) are double boxes.
svg is drawn by Graphviz built into sop (nothing to install); png needs Graphviz's "dot"
program installed.

Examples:
  sop graph first-contact                       Mermaid on stdout (paste into a GitHub .md file)
  sop graph first-contact --format text         an indented tree in the terminal
  sop graph sops/emergency.sop.yaml --lang uk -o emergency.mmd
  sop graph first-contact --format dot | dot -Tpdf -o first-contact.pdf
  sop graph first-contact --format svg -o first-contact.svg`,
        uk: `
Кроки підписано їхнім (скороченим) текстом, гілки — назвою варіанта, підписом гілки або її
умовою. Кінцеві кроки розфарбовано за категорією результату (з легендою), переривання — це
пунктирні стрілки від вузла у формі прапорця, вкладені СОП (кроки call) — подвійні рамки.
svg малює вбудований у sop Graphviz (нічого встановлювати не треба); для png потрібна
встановлена програма "dot" з Graphviz.

Приклади:
  sop graph first-contact                       Mermaid у stdout (вставте у файл .md на GitHub)
  sop graph first-contact --format text         дерево з відступами в терміналі
  sop graph sops/emergency.sop.yaml --lang uk -o emergency.mmd
  sop graph first-contact --format dot | dot -Tpdf -o first-contact.pdf
  sop graph first-contact --format svg -o first-contact.svg`,
      }),
    )
    .action(async (sop: string, options: GraphOptions) => {
      const { runGraph } = await import('../commands/graph.js');
      process.exitCode = await runGraph(sop, options);
    });
};
