/** `sop docs`: the SOP's Markdown handbook, with the library's directory for referral contacts. */
import { expandSopTexts } from '../../core/render/expand-step.js';
import { toHandbook } from '../../core/render/index.js';
import type { DocsOptions } from '../cli/docs.js';
import { loadConfig } from '../config/index.js';
import { EXIT } from '../exit-codes.js';
import { sopForPicture, writeOutput } from './graph.js';

export async function runDocs(arg: string, options: DocsOptions): Promise<number> {
  const config = await loadConfig({ flags: { ...(options.lang ? { lang: options.lang } : {}), ...(options.sops ? { sopsDir: options.sops } : {}) } });
  const lang = config.lang;
  const { loaded, library, file, titles } = await sopForPicture(arg, config.sopsDir, lang);
  // Numbers in texts come from the directory ({contact:id}); answers ({name}) print as [name].
  const sop = expandSopTexts(loaded.sop, [lang], library.directory ? { directory: library.directory } : {});
  const handbook = toHandbook(sop, {
    lang,
    file,
    titles,
    ...(library.directory ? { directory: library.directory } : {}),
  });
  writeOutput(handbook, options.output, lang, config.dataDir);
  return EXIT.ok;
}
