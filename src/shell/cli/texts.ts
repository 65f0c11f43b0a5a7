/** Help texts several command definitions share, as `{ en, uk }` pairs, so each is translated once. */
import type { Message } from '../i18n.js';

export const OUTPUT_FORMAT: Message = { en: 'output format', uk: 'формат виводу' };
export const LANG_OF_MESSAGES: Message = { en: 'language of messages', uk: 'мова повідомлень' };
export const LANG_OF_SCREENS: Message = { en: 'language of the screens and the SOP texts', uk: 'мова екранів і текстів СОП' };
export const DATA_DIR: Message = { en: 'where journals live (default $XDG_DATA_HOME/sop-runner)', uk: 'тека журналів (типово $XDG_DATA_HOME/sop-runner)' };
export const SOPS_FOLDER: Message = { en: 'the SOP library folder (default: ./sops)', uk: 'тека бібліотеки СОП (типово: ./sops)' };
export const SOPS_CONFIGURED: Message = { en: 'the SOP library (default: the configured sops dir, else ./sops)', uk: 'бібліотека СОП (типово: тека СОП із налаштувань, інакше ./sops)' };
export const SOP_ARGUMENT: Message = { en: 'an SOP id from the library, or the path of a .sop.yaml file ("-" reads stdin)', uk: 'ідентифікатор СОП із бібліотеки або шлях до файлу .sop.yaml ("-" читає stdin)' };
export const OUTPUT_FILE: Message = { en: 'write to this file instead of stdout', uk: 'записати в цей файл замість stdout' };
export const DB_URL: Message = {
  en: 'the shared store, postgres://USER:PASSWORD@HOST:5432/DB[?sslmode=require][&schema=NAME] (default: SOP_DATABASE_URL, then database_url in the config file)',
  uk: 'спільне сховище, postgres://USER:PASSWORD@HOST:5432/DB[?sslmode=require][&schema=NAME] (типово: SOP_DATABASE_URL, далі database_url у файлі налаштувань)',
};
export const DB_READ: Message = {
  en: 'read from the shared store instead of this machine\'s journal (URL, or SOP_DATABASE_URL / database_url when given alone)',
  uk: 'читати зі спільного сховища замість журналу цієї машини (адреса або, якщо без неї, SOP_DATABASE_URL / database_url)',
};
export const WIDE: Message = { en: 'whole values even when the output is wider than the terminal', uk: 'повні значення, навіть коли вивід ширший за термінал' };
