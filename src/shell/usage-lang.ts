/**
 * The language a usage or start-up message is written in, read from the command line before
 * commander has parsed it: shared by the CLI's own errors and by output.ts.
 */
import { langFromEnv, resolveLang, type Lang } from './i18n.js';

/** `--lang uk` / `--lang=uk` on the command line, else LANG and friends, else English. */
export function usageLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    const lang = resolveLang(value);
    if (lang !== undefined) return lang;
  }
  return langFromEnv(env) ?? 'en';
}
