/** `sop lsp`: starts the language server (src/shell/lsp/); it runs until the editor says exit. */
import { isLang, langFromEnv } from '../i18n.js';

/** The options of `sop lsp`: this command owns them; cli/define-lsp.ts only parses argv into them. */
export interface LspCommandOptions {
  readonly stdio?: boolean;
  readonly lang?: string;
}

export async function runLsp(options: LspCommandOptions): Promise<void> {
  const { startServer } = await import('../lsp/server.js');
  startServer({ lang: isLang(options.lang) ? options.lang : (langFromEnv(process.env) ?? 'en') });
  // The connection keeps the process alive; it exits on the editor's exit notification.
  await new Promise<never>(() => undefined);
}
