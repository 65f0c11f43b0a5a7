/**
 * `sop docs`: the SOP's handbook, with the library's directory for referral contacts: Markdown,
 * one self-contained HTML file (one SOP or the whole library), or PDF through a headless Chromium.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildGraph, toCard, toDot, toHandbook, toHandbookHtml, type HandbookPart } from '../../core/render/index.js';
import type { DocsOptions } from '../cli/docs.js';
import { loadConfig } from '../config/index.js';
import { EXIT, UserError } from '../exit-codes.js';
import { localize, say, type Lang } from '../i18n.js';
import { refuseOutputInJournal } from '../journal/files.js';
import { expandLibraryTexts, expandSopTexts } from '../../core/render/expand-step.js';
import { readLibrary } from '../library/read-library.js';
import { safeText } from '../tui/safe-text.js';
import { drawWithGraphviz, findDot, findOnPath, shown, sopForPicture, writeOutput, type SopForPicture } from './graph.js';

/** How long Chromium may take to print before it is killed. */
const CHROMIUM_TIMEOUT_MS = 60_000;

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
  const parts = pictures.map((picture) => part(picture, lang));
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

/** Every valid SOP of the folder, by id, each with the library around it (as sopForPicture). */
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
  const titles = new Map<string, string>();
  for (const [id, other] of around.library.sops) titles.set(id, localize(other.sop.title, lang));
  const library = expandLibraryTexts(around.library, [lang]);
  return [...around.library.sops.keys()].sort().map((id) => {
    const loaded = around.library.sops.get(id)!;
    const sop = expandSopTexts(loaded.sop, [lang], library.directory ? { directory: library.directory } : {});
    return { loaded: { ...loaded, sop }, library, file: shown(loaded.file), titles };
  });
}

function part(picture: SopForPicture, lang: Lang): HandbookPart {
  const { loaded, titles } = picture;
  return { id: loaded.sop.sop, title: localize(loaded.sop.title, lang), markdown: handbookOf(picture, lang), diagram: diagramOf(picture, lang) };
}

/** The diagram as Graphviz draws it (as `sop graph --format svg`), or why it is missing: never fatal. */
function diagramOf(picture: SopForPicture, lang: Lang): HandbookPart['diagram'] {
  const id = picture.loaded.sop.sop;
  if (findDot() === undefined) {
    return {
      note: say(lang, {
        en: `The diagram needs Graphviz ("dot"), which is not installed: install it (e.g. "apt-get install graphviz") and run this again, or draw it with "sop graph ${id}".`,
        uk: `Для схеми потрібен Graphviz ("dot"), якого не встановлено: встановіть його (напр. "apt-get install graphviz") і повторіть, або намалюйте її командою "sop graph ${id}".`,
      }),
    };
  }
  const graph = buildGraph(picture.loaded.sop, { lang, titles: picture.titles });
  try {
    return { svg: drawWithGraphviz(safeText(toDot(graph, lang)), 'svg', lang).toString('utf8') };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { note: error.message };
  }
}

/** Chromium: $SOP_CHROMIUM, else chromium, chromium-browser or google-chrome on PATH (nothing is run). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env['SOP_CHROMIUM'];
  if (own) return own;
  return findOnPath(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'], env);
}

function printPdf(html: string, chromium: string, output: string, lang: Lang, dataDir: string): void {
  refuseOutputInJournal(output, dataDir, lang, 'handbook.pdf');
  const target = resolve(output);
  // A private folder (0700) for the page and Chromium's own profile; removed whatever happens.
  const dir = mkdtempSync(join(tmpdir(), 'sop-docs-'));
  try {
    const page = join(dir, 'handbook.html');
    writeFileSync(page, html, { mode: 0o600 });
    const before = existsSync(target) ? statSync(target).mtimeMs : undefined;
    const result = spawnSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--print-to-pdf=${target}`,
        '--no-pdf-header-footer',
        pathToFileURL(page).href,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: CHROMIUM_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
    );
    const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
    const written = existsSync(target) && statSync(target).size > 0 && statSync(target).mtimeMs !== before;
    if (timedOut || result.error || result.status !== 0 || !written) {
      const why = timedOut
        ? say(lang, { en: `it did not finish in ${CHROMIUM_TIMEOUT_MS / 1000} s and was stopped`, uk: `він не впорався за ${CHROMIUM_TIMEOUT_MS / 1000} с і його зупинено` })
        : result.error
          ? result.error.message
          : (lastLines(result.stderr?.toString() ?? '') || `exit ${result.status}`);
      throw new UserError(
        say(lang, {
          en: `${chromium} could not print the PDF: ${why}.\n  Write --format html and print it from a browser instead.`,
          uk: `${chromium} не зміг надрукувати PDF: ${why}.\n  Створіть --format html і надрукуйте його з браузера.`,
        }),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stderr.write(say(lang, { en: `sop: wrote ${output}\n`, uk: `sop: записано ${output}\n` }));
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' ').trim();
}
