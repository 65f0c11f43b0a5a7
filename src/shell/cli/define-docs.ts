/** `sop docs`: a printable handbook of an SOP or of the whole library (Markdown, HTML, PDF), or a pocket card. */
import { Option, type Command } from 'commander';
import { SOPS_CONFIGURED, OUTPUT_FILE } from './texts.js';
import type { CommandDefinition } from './commands.js';
import type { DocsOptions } from '../commands/docs.js';
import { langOption } from './lang-option.js';

export const defineDocs: CommandDefinition = (program: Command, t) => {
  program
    .command('docs')
    .description(t({ en: 'write a printable handbook of an SOP or of the whole library (Markdown, HTML or PDF): diagram, every step, outcomes, referral contacts', uk: 'створити посібник СОП або всієї бібліотеки для друку (Markdown, HTML чи PDF): схема, усі кроки, результати, контакти для скерування' }))
    .argument('[sop]', t({ en: 'an SOP id or .sop.yaml file; without it (html, pdf) every SOP of the SOP folder', uk: 'ідентифікатор СОП або файл .sop.yaml; без нього (html, pdf) — усі СОП теки' }))
    .addOption(
      new Option('-f, --format <format>', t({ en: 'md (Markdown), html (one self-contained file, for print) or pdf (through a headless Chromium; needs -o)', uk: 'md (Markdown), html (один самодостатній файл для друку) або pdf (через Chromium без вікна; потрібен -o)' }))
        .choices(['md', 'html', 'pdf'])
        .default('md'),
    )
    .addOption(langOption(t({ en: 'language of the handbook', uk: 'мова посібника' }), t))
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

--format html writes one HTML file that needs nothing from the network (styles inline, the
diagram as inline SVG, drawn by the Graphviz built into sop: nothing to install), laid out for
A4 print: each procedure from a new page, the words to read aloud in a box.
Without an SOP it holds every SOP of the SOP folder, after a contents page. --format pdf prints
that HTML through a headless Chromium (chromium, chromium-browser, google-chrome on PATH, or
$SOP_CHROMIUM); without one it says so and exits 2.

Examples:
  sop docs first-contact -o handbook/first-contact.md
  sop docs first-contact --lang uk -o handbook/first-contact.uk.md
  sop docs emergency --card -o cards/emergency.md
  sop docs sops/emergency.sop.yaml | less
  sop docs first-contact --format html -o first-contact.html
  sop docs --format html -o handbook.html          every SOP, a contents page first
  sop docs --format pdf -o handbook.pdf`,
        uk: `
У посібнику — назва, версія й мета, схема Mermaid, далі всі кроки в тому порядку, в якому їх
проходить дзвінок (що сказати, порада, варіанти й куди вони ведуть, джерела), переривання,
результати та контакти для скерування, названі в кінцевих кроках (телефон, години роботи, дата
останньої перевірки, усе неперевірене). Даних дзвінків у ньому немає.

--format html створює один HTML-файл, якому нічого не треба з мережі (стилі всередині, схема —
вбудований SVG, який малює вбудований у sop Graphviz: нічого встановлювати не треба),
зверстаний для друку на A4: кожна процедура з нової сторінки, слова для зачитування в рамці.
Без СОП у ньому всі СОП теки, після сторінки змісту. --format pdf друкує цей HTML через Chromium
без вікна (chromium, chromium-browser, google-chrome у PATH або $SOP_CHROMIUM); без нього
команда про це повідомляє й завершується з кодом 2.

Приклади:
  sop docs first-contact -o handbook/first-contact.md
  sop docs first-contact --lang uk -o handbook/first-contact.uk.md
  sop docs emergency --card -o cards/emergency.md
  sop docs sops/emergency.sop.yaml | less
  sop docs first-contact --format html -o first-contact.html
  sop docs --format html -o handbook.html          усі СОП, спершу зміст
  sop docs --format pdf -o handbook.pdf`,
      }),
    )
    .action(async (sop: string | undefined, options: DocsOptions) => {
      const { runDocs } = await import('../commands/docs.js');
      process.exitCode = await runDocs(sop, options);
    });
};
