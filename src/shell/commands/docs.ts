/** `sop docs`: the SOP's Markdown handbook, with the library's directory for referral contacts. */
import { toCard, toHandbook } from '../../core/render/index.js';
import type { DocsOptions } from '../cli/docs.js';
import { loadConfig } from '../config/index.js';
import { EXIT } from '../exit-codes.js';
import { sopForPicture, writeOutput } from './graph.js';

export async function runDocs(arg: string, options: DocsOptions): Promise<number> {
  const config = await loadConfig({ flags: { ...(options.lang ? { lang: options.lang } : {}), ...(options.sops ? { sopsDir: options.sops } : {}) } });
  const lang = config.lang;
  const { loaded, library, file, titles } = await sopForPicture(arg, config.sopsDir, lang);
  if (options.card) {
    // The card names contacts from the SOPs as written, and prints the texts as sopForPicture does.
    const written = new Map([...library.sops].map(([id, entry]) => [id, entry.sop]));
    const card = toCard(loaded.sop, { lang, library: written, ...(library.directory ? { directory: library.directory } : {}) });
    writeOutput(card, options.output, lang, config.dataDir);
    return EXIT.ok;
  }
  // sopForPicture gives the texts as printed: numbers from the directory, answers as [name].
  const handbook = toHandbook(loaded.sop, {
    lang,
    file,
    titles,
    ...(library.directory ? { directory: library.directory } : {}),
  });
  writeOutput(handbook, options.output, lang, config.dataDir);
  return EXIT.ok;
}
