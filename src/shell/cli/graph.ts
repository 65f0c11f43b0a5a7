/** `sop graph`: an SOP as a diagram (Mermaid, Graphviz DOT, SVG/PNG through Graphviz, or a text tree). */
import { Option, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';

export interface GraphOptions {
  readonly format: 'mermaid' | 'dot' | 'text' | 'svg' | 'png';
  readonly lang?: string;
  readonly output?: string;
  readonly sops?: string;
}

export const defineGraph: CommandDefinition = (program: Command) => {
  program
    .command('graph')
    .description('draw an SOP as a diagram: Mermaid (for GitHub), Graphviz DOT, SVG/PNG, or a text tree')
    .argument('<sop>', 'an SOP id from the library, or the path of a .sop.yaml file ("-" reads stdin)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['mermaid', 'dot', 'text', 'svg', 'png']).default('mermaid'))
    .addOption(new Option('--lang <lang>', 'language of the labels').choices(['en', 'uk']))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--sops <dir>', 'the SOP library (default: the configured sops dir, else ./sops)')
    .addHelpText(
      'after',
      `
Steps are labelled with their (shortened) text, branches with the option label, the branch
label or its condition. End steps are coloured by outcome category (a legend is included),
interrupts are dashed arrows from a flag-shaped node, sub-SOPs (call steps) are double boxes.
svg and png are drawn by Graphviz's "dot" program, which must be installed.

Examples:
  sop graph first-contact                       Mermaid on stdout (paste into a GitHub .md file)
  sop graph first-contact --format text         an indented tree in the terminal
  sop graph sops/emergency.sop.yaml --lang uk -o emergency.mmd
  sop graph first-contact --format dot | dot -Tpdf -o first-contact.pdf
  sop graph first-contact --format svg -o first-contact.svg`,
    )
    .action(async (sop: string, options: GraphOptions) => {
      const { runGraph } = await import('../commands/graph.js');
      process.exitCode = await runGraph(sop, options);
    });
};
