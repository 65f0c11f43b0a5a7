/** `sop config`: loads the settings as every command does and shows each with its source. */
import { loadConfig, type Config } from '../config/load-config.js';
import { configuredKey } from '../crypto/configured-key.js';
import { EXIT } from '../exit-codes.js';
import { safeJson } from '../text/safe-json.js';
import { say } from '../i18n.js';
import { redactUrl } from '../store/url.js';

/** The options of `sop config`: this command owns them; cli/define-config.ts only parses argv into them. */
export interface ConfigOptions {
  readonly format: 'text' | 'json';
  readonly dataDir?: string;
  readonly sops?: string;
  readonly lang?: string;
  readonly operator?: string;
}

function sourceText(source: string, lang: Config['lang']): string {
  if (lang === 'en') return source;
  if (source === 'flag') return 'прапорець командного рядка';
  if (source === 'env') return 'змінна середовища';
  if (source === 'default') return 'типове значення';
  return source.replace(/^config file /, 'файл налаштувань ');
}

export async function runConfig(options: ConfigOptions): Promise<number> {
  const config = await loadConfig({
    flags: {
      ...(options.lang !== undefined ? { lang: options.lang } : {}),
      ...(options.operator !== undefined ? { operator: options.operator } : {}),
      ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
      ...(options.sops !== undefined ? { sopsDir: options.sops } : {}),
    },
  });
  if (options.format === 'json') {
    // The store's URL may hold a password: never printed (docs/hotline-store.md).
    const shown = config.databaseUrl === undefined ? config : { ...config, databaseUrl: redactUrl(config.databaseUrl) };
    process.stdout.write(`${safeJson(JSON.stringify(shown, null, 2))}\n`);
    return EXIT.ok;
  }
  const { lang } = config;
  const rows: [string, string | undefined, string | undefined][] = [
    [say(lang, { en: 'language', uk: 'мова' }), config.lang, config.sources.lang],
    [say(lang, { en: 'operator', uk: 'оператор' }), config.operator, config.sources.operator],
    [say(lang, { en: 'data dir', uk: 'тека даних' }), config.dataDir, config.sources.dataDir],
    [say(lang, { en: 'sops dir', uk: 'тека SOP' }), config.sopsDir, config.sources.sopsDir],
    [say(lang, { en: 'public key', uk: 'публічний ключ' }), publicKeyText(config), config.sources.publicKey],
    ...(config.databaseUrl !== undefined || config.sync !== undefined
      ? ([
          [say(lang, { en: 'store', uk: 'сховище' }), config.databaseUrl === undefined ? undefined : redactUrl(config.databaseUrl), undefined],
          [say(lang, { en: 'sync', uk: 'синхронізація' }), config.sync ?? 'manual', undefined],
        ] as [string, string | undefined, string | undefined][])
      : []),
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const none = say(lang, { en: '(none)', uk: '(немає)' });
  let text = `${say(lang, { en: 'config file', uk: 'файл налаштувань' })}: ${config.configFile}\n\n`;
  for (const [name, value, source] of rows) {
    text += `${name.padEnd(width)}  ${value ?? none}${source ? `  (${sourceText(source, lang)})` : ''}\n`;
  }
  process.stdout.write(text);
  return EXIT.ok;
}

/** The configured key's path and fingerprint (or why it cannot be used): which key seals calls. */
function publicKeyText(config: Config): string | undefined {
  const key = configuredKey(config, config.lang);
  if (key.kind === 'none') return undefined;
  if (key.kind === 'ok') return `${key.path}  ${say(config.lang, { en: 'fingerprint', uk: 'відбиток' })} ${key.fingerprint}`;
  return `${key.path}  ${say(config.lang, { en: 'UNUSABLE, calls are only redacted:', uk: 'НЕПРИДАТНИЙ, дзвінки лише редагуються:' })} ${key.problem.split('\n')[0]}`;
}
