/**
 * `sop docs`: the SOP's handbook, with the library's directory for referral contacts: Markdown,
 * one self-contained HTML file (one SOP or the whole library), or PDF through a headless Chromium.
 */
import { buildGraph } from '../../core/render/build-graph.js';
import { toCard } from '../../core/render/to-card.js';
import { toDot } from '../../core/render/to-dot.js';
import { toHandbook } from '../../core/render/to-handbook.js';
import { toHandbookHtml, type HandbookPart } from '../../core/render/to-handbook-html.js';
import { loadConfig } from '../config/load-config.js';
import { EXIT, UserError } from '../exit-codes.js';
import { localize, say, type Lang } from '../i18n.js';
import { findChromium, printPdf } from '../format/print-pdf.js';
import { readLibrary } from '../library/read-library.js';
import { safeText } from '../text/safe-text.js';
import { asPrinted, sopForPicture, svgOfDot, writeOutput, type SopForPicture } from './graph.js';

/** The options of `sop docs`: this command owns them; cli/define-docs.ts only parses argv into them. */
export interface DocsOptions {
  readonly format?: 'md' | 'html' | 'pdf';
  readonly lang?: string;
  readonly output?: string;
  readonly sops?: string;
  readonly card?: boolean;
}

export async function runDocs(arg: string | undefined, options: DocsOptions): Promise<number> {
  const config = await loadConfig({ flags: { ...(options.lang ? { lang: options.lang } : {}), ...(options.sops ? { sopsDir: options.sops } : {}) } });
  const lang = config.lang;
  const format = options.format ?? 'md';
  if (options.card && format !== 'md') {
    throw new UserError(
      say(lang, { en: '--card writes a Markdown card: leave out --format.', uk: '--card створює пам’ятку в Markdown: приберіть --format.' }),
    );
  }
  if (format === 'md') {
    if (arg === undefined) {
      throw new UserError(
        say(lang, {
          en: 'sop docs: name an SOP (an id or a .sop.yaml file); the whole library is written with --format html or pdf.',
          uk: 'sop docs: вкажіть СОП (ідентифікатор або файл .sop.yaml); усю бібліотеку створюють з --format html або pdf.',
        }),
      );
    }
    const picture = await sopForPicture(arg, config.sopsDir, lang);
    writeOutput(options.card ? cardOf(picture, lang) : handbookOf(picture, lang), options.output, lang, config.dataDir);
    return EXIT.ok;
  }
  if (format === 'pdf' && (options.output === undefined || options.output === '-')) {
    throw new UserError(
      say(lang, { en: '--format pdf writes a file: give -o FILE.pdf.', uk: '--format pdf створює файл: вкажіть -o ФАЙЛ.pdf.' }),
    );
  }
  const chromium = format === 'pdf' ? findChromium() : undefined;
  if (format === 'pdf' && chromium === undefined) {
    throw new UserError(
      say(lang, {
        en: '--format pdf needs a headless Chromium (chromium, chromium-browser or google-chrome on PATH, or $SOP_CHROMIUM), and none was found.\n  Install one (e.g. "apt-get install chromium"), or write --format html and print it from a browser.',
        uk: '--format pdf потребує Chromium без вікна (chromium, chromium-browser чи google-chrome у PATH або $SOP_CHROMIUM), а його не знайдено.\n  Встановіть його (напр. "apt-get install chromium") або створіть --format html і надрукуйте з браузера.',
      }),
    );
  }
  const pictures = arg === undefined ? await wholeLibrary(config.sopsDir, lang) : [await sopForPicture(arg, config.sopsDir, lang)];
  const parts: HandbookPart[] = [];
  for (const picture of pictures) parts.push(await part(picture, lang));
  const title =
    arg === undefined ? say(lang, { en: 'SOP handbook: every procedure', uk: 'Посібник СОП: усі процедури' }) : parts[0]!.title;
  // Text from SOP files may hold terminal escapes: neutralised before it is written anywhere.
  const html = safeText(toHandbookHtml(parts, { lang, title, contents: arg === undefined }));
  if (format === 'html') {
    writeOutput(html, options.output, lang, config.dataDir);
    return EXIT.ok;
  }
  printPdf(html, chromium!, options.output!, lang, config.dataDir);
  return EXIT.ok;
}

function handbookOf(picture: SopForPicture, lang: Lang): string {
  const { loaded, library, file, titles } = picture;
  // sopForPicture gives the texts as printed: numbers from the directory, answers as [name].
  return toHandbook(loaded.sop, { lang, file, titles, ...(library.directory ? { directory: library.directory } : {}) });
}

function cardOf(picture: SopForPicture, lang: Lang): string {
  const { loaded, library } = picture;
  // The card names contacts from the SOPs as written, and prints the texts as sopForPicture does.
  const written = new Map([...library.sops].map(([id, entry]) => [id, entry.sop]));
  return toCard(loaded.sop, { lang, library: written, ...(library.directory ? { directory: library.directory } : {}) });
}

/** Every valid SOP of the folder, by id, each as printed (as sopForPicture gives one). */
async function wholeLibrary(sopsDir: string, lang: Lang): Promise<SopForPicture[]> {
  const around = await readLibrary([sopsDir]);
  if (around.library.sops.size === 0) {
    throw new UserError(
      say(lang, {
        en: `${sopsDir}: no valid SOP to write a handbook of. Run "sop validate ${sopsDir}" for every problem, or name an SOP file.`,
        uk: `${sopsDir}: немає коректної СОП для посібника. Усі проблеми покаже "sop validate ${sopsDir}"; або вкажіть файл СОП.`,
      }),
    );
  }
  return [...around.library.sops.keys()].sort().map((id) => asPrinted(around.library.sops.get(id)!, around.library, lang));
}

async function part(picture: SopForPicture, lang: Lang): Promise<HandbookPart> {
  const { loaded } = picture;
  return { id: loaded.sop.sop, title: localize(loaded.sop.title, lang), markdown: handbookOf(picture, lang), diagram: await diagramOf(picture, lang) };
}

/** The diagram as `sop graph --format svg` draws it, or why it is missing: never fatal. */
async function diagramOf(picture: SopForPicture, lang: Lang): Promise<HandbookPart['diagram']> {
  const graph = buildGraph(picture.loaded.sop, { lang, titles: picture.titles });
  try {
    return { svg: await svgOfDot(toDot(graph, lang), lang) };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { note: error.message };
  }
}
