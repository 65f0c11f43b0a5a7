/**
 * `sop graph`: wires the library reader to the pure graph renderers; svg through Graphviz compiled
 * to WebAssembly (nothing to install), png through an installed Graphviz `dot`.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { findOnPath } from '../find-on-path.js';
import { fitColumns } from '../format/fit-columns.js';
import { fitTree } from '../format/fit-tree.js';
import { pageOrPrint } from '../tui/pager.js';
import { refuseOutputInJournal } from '../journal/files.js';
import type { LoadedSop, Library } from '../../core/model/library.js';
import { didYouMean } from '../../core/findings/did-you-mean.js';
import { buildGraph } from '../../core/render/build-graph.js';
import { toDot } from '../../core/render/to-dot.js';
import { toMermaid } from '../../core/render/to-mermaid.js';
import { toText } from '../../core/render/to-text.js';
import { loadConfig } from '../config/load-config.js';
import { EXIT, UserError } from '../exit-codes.js';
import { localize, say, type Lang } from '../i18n.js';
import { expandLibraryTexts, expandSopTexts } from '../../core/render/expand-step.js';
import { readLibrary } from '../library/read-library.js';
import { safeText } from '../text/safe-text.js';
import { drawSvg } from '../format/draw-svg.js';

/** The options of `sop graph`: this command owns them; cli/define-graph.ts only parses argv into them. */
export interface GraphOptions {
  readonly format: 'mermaid' | 'dot' | 'text' | 'svg' | 'png';
  readonly lang?: string;
  readonly output?: string;
  readonly sops?: string;
  /** --format text: lines whole even when wider than the terminal. */
  readonly wide?: boolean;
}

export interface SopForPicture {
  readonly loaded: LoadedSop;
  /** The library around it (other SOPs' titles, the directory); may be empty. */
  readonly library: Library;
  /** The file name to show: relative to the working directory when inside it. */
  readonly file: string;
  /** Titles of every SOP known, by id, in `lang`. */
  readonly titles: Map<string, string>;
}

function looksLikePath(arg: string): boolean {
  return arg === '-' || /[\\/]/.test(arg) || /\.ya?ml$/i.test(arg);
}

function shown(file: string): string {
  if (file === '-' || !isAbsolute(file)) return file;
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** The SOP named by an id (in the library) or a path, with the library around it. Throws UserError. */
export async function sopForPicture(arg: string, sopsDir: string, lang: Lang): Promise<SopForPicture> {
  const around = await readLibrary([sopsDir]);
  let loaded: LoadedSop | undefined;
  if (looksLikePath(arg)) {
    const own = await readLibrary([arg]);
    const errors = own.findings.filter((f) => f.severity === 'error');
    loaded = [...own.library.sops.values()][0];
    if (!loaded) {
      const details = errors
        .slice(0, 5)
        .map((f) => `  ${f.file}:${f.line}:${f.col}: ${say(lang, f.message)}`)
        .join('\n');
      throw new UserError(
        say(lang, {
          en: `${arg}: no valid SOP to draw.\n${details || '  (no .sop.yaml file found there)'}\n  Run "sop validate ${arg}" for every problem.`,
          uk: `${arg}: немає коректної СОП для побудови.\n${details || '  (там немає файлу .sop.yaml)'}\n  Усі проблеми покаже "sop validate ${arg}".`,
        }),
      );
    }
  } else {
    loaded = around.library.sops.get(arg);
    if (!loaded) {
      const ids = [...around.library.sops.keys()].sort();
      const guess = didYouMean(arg, ids);
      throw new UserError(
        say(lang, {
          en: `no SOP with id "${arg}" in ${shown(sopsDir)}.${guess ? ` Did you mean "${guess}"?` : ''}\n  Known SOPs: ${ids.join(', ') || '(none)'}. Give an id, or the path of a .sop.yaml file.`,
          uk: `у ${shown(sopsDir)} немає СОП з ідентифікатором «${arg}».${guess ? ` Можливо, «${guess}»?` : ''}\n  Відомі СОП: ${ids.join(', ') || '(немає)'}. Вкажіть ідентифікатор або шлях до файлу .sop.yaml.`,
        }),
      );
    }
  }
  return asPrinted(loaded, around.library, lang);
}

/**
 * One SOP with the library around it, its texts as printed: numbers from the directory
 * ({contact:id}), answers as [name]; the titles of every SOP known, for sub-procedures.
 */
export function asPrinted(loaded: LoadedSop, around: Library, lang: Lang): SopForPicture {
  const titles = new Map<string, string>();
  for (const [id, other] of around.sops) titles.set(id, localize(other.sop.title, lang));
  titles.set(loaded.sop.sop, localize(loaded.sop.title, lang));
  const library = expandLibraryTexts(around, [lang]);
  const sop = expandSopTexts(loaded.sop, [lang], library.directory ? { directory: library.directory } : {});
  return { loaded: { ...loaded, sop }, library, file: shown(loaded.file), titles };
}

/** Writes to -o FILE (0644: diagrams and handbooks hold no call data) or stdout. */
export function writeOutput(raw: string | Uint8Array, output: string | undefined, lang: Lang, dataDir: string): void {
  // Text from SOP files may hold terminal escapes: neutralised, on screen and in files alike.
  const data = typeof raw === 'string' ? safeText(raw) : raw;
  if (output === undefined || output === '-') {
    process.stdout.write(data);
    return;
  }
  refuseOutputInJournal(output, dataDir, lang, 'handbook.md');
  try {
    writeFileSync(output, data, { mode: 0o644 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(
      say(lang, {
        en: `${output}: cannot write the file (${code}). Check that the folder exists and you may write there.`,
        uk: `${output}: не вдалося записати файл (${code}). Перевірте, чи існує тека і чи маєте ви право запису.`,
      }),
    );
  }
  process.stderr.write(say(lang, { en: `sop: wrote ${output}\n`, uk: `sop: записано ${output}\n` }));
}

/** The `dot` program on PATH, or undefined (checked without running anything). */
function findDot(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return findOnPath(process.platform === 'win32' ? ['dot.exe', 'dot.cmd'] : ['dot'], env);
}

function couldNotDraw(why: string, lang: Lang): UserError {
  return new UserError(say(lang, { en: `Graphviz could not draw the diagram: ${why}`, uk: `Graphviz не зміг намалювати схему: ${why}` }));
}

/** The SVG of a DOT text (Graphviz in WebAssembly, as `dot -Tsvg` draws it). Throws UserError. */
export async function svgOfDot(dotText: string, lang: Lang): Promise<string> {
  const drawn = await drawSvg(dotText);
  if ('svg' in drawn) return drawn.svg;
  throw couldNotDraw(drawn.errors.join('; '), lang);
}

/** A PNG of a DOT text through the `dot` program (the WebAssembly Graphviz draws no bitmaps). */
function pngOfDot(dotText: string, lang: Lang): Buffer {
  const dot = findDot();
  if (!dot) {
    throw new UserError(
      say(lang, {
        en: `--format png needs Graphviz's "dot" program, which is not on PATH.\n  Install Graphviz (e.g. "apt-get install graphviz"), or use --format svg (drawn without it) / dot / mermaid / text.`,
        uk: `--format png потребує програми "dot" з Graphviz, якої немає в PATH.\n  Встановіть Graphviz (напр. "apt-get install graphviz") або оберіть --format svg (малюється без нього) / dot / mermaid / text.`,
      }),
    );
  }
  const result = spawnSync(dot, ['-Tpng'], { input: dotText, timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  if (result.error || result.status !== 0) {
    const why = result.error?.message ?? result.stderr.toString().trim() ?? `exit ${result.status}`;
    throw couldNotDraw(why, lang);
  }
  return result.stdout;
}

export async function runGraph(arg: string, options: GraphOptions): Promise<number> {
  const config = await loadConfig({ flags: { ...(options.lang ? { lang: options.lang } : {}), ...(options.sops ? { sopsDir: options.sops } : {}) } });
  const lang = config.lang;
  const format = options.format ?? 'mermaid';
  if (format === 'png' && options.output === undefined && process.stdout.isTTY) {
    throw new UserError(
      say(lang, {
        en: '--format png writes a picture: give -o FILE (or redirect stdout to a file).',
        uk: '--format png створює зображення: вкажіть -o ФАЙЛ (або перенаправте stdout у файл).',
      }),
    );
  }
  const { loaded, titles } = await sopForPicture(arg, config.sopsDir, lang);
  const graph = buildGraph(loaded.sop, { lang, titles });
  switch (format) {
    case 'mermaid':
      writeOutput(toMermaid(graph, lang), options.output, lang, config.dataDir);
      break;
    case 'dot':
      writeOutput(toDot(graph, lang), options.output, lang, config.dataDir);
      break;
    case 'text':
      // On a terminal the tree wraps under its guides and pages; to a file or a pipe each line stays whole.
      // Neutralised first: the widths fitted are those of the text as it will be shown.
      if (options.output === undefined || options.output === '-') await pageOrPrint(fitTree(safeText(toText(graph, lang)), fitColumns(process.stdout, options.wide)));
      else writeOutput(toText(graph, lang), options.output, lang, config.dataDir);
      break;
    case 'svg':
      writeOutput(await svgOfDot(toDot(graph, lang), lang), options.output, lang, config.dataDir);
      break;
    case 'png':
      // The picture is bytes writeOutput cannot clean: neutralise the SOP texts before drawing.
      writeOutput(pngOfDot(safeText(toDot(graph, lang)), lang), options.output, lang, config.dataDir);
      break;
  }
  return EXIT.ok;
}
