/** `sop config`: loads the settings as every command does and shows each with its source. */
import type { ConfigOptions } from '../cli/config.js';
import { loadConfig, type Config } from '../config/index.js';
import { EXIT } from '../exit-codes.js';
import { say } from '../i18n.js';

function sourceText(source: string, lang: Config['lang']): string {
  if (lang === 'en') return source;
  if (source === 'flag') return 'прапорець командного рядка';
  if (source === 'env') return 'змінна середовища';
  if (source === 'default') return 'типове значення';
  return source.replace(/^config file /, 'файл налаштувань ');
}

export async function runConfig(options: ConfigOptions): Promise<number> {
  const config = loadConfig({
    flags: {
      ...(options.lang !== undefined ? { lang: options.lang } : {}),
      ...(options.operator !== undefined ? { operator: options.operator } : {}),
      ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
      ...(options.sops !== undefined ? { sopsDir: options.sops } : {}),
    },
  });
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
    return EXIT.ok;
  }
  const { lang } = config;
  const rows: [string, string | undefined, string | undefined][] = [
    [say(lang, { en: 'language', uk: 'мова' }), config.lang, config.sources.lang],
    [say(lang, { en: 'operator', uk: 'оператор' }), config.operator, config.sources.operator],
    [say(lang, { en: 'data dir', uk: 'тека даних' }), config.dataDir, config.sources.dataDir],
    [say(lang, { en: 'sops dir', uk: 'тека SOP' }), config.sopsDir, config.sources.sopsDir],
    [say(lang, { en: 'public key', uk: 'публічний ключ' }), config.publicKey, config.sources.publicKey],
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
