/**
 * Every command's `--lang <lang>`: any language there is a catalogue for, by its tag or a more
 * specific one (--lang pt-BR speaks pt when there is no pt-BR); anything else is a usage error
 * (exit 2) that lists the languages there are.
 */
import { InvalidArgumentError, Option } from 'commander';
import { availableLanguages, languageList, resolveLang, type Lang } from '../i18n.js';
import type { Say } from './commands.js';

export function langOption(description: string, t: Say): Option {
  return new Option('--lang <lang>', description).choices(availableLanguages()).argParser((value: string): Lang => {
    const lang = resolveLang(value);
    if (lang !== undefined) return lang;
    throw new InvalidArgumentError(t({ en: `Languages available: ${languageList()}.`, uk: `Доступні мови: ${languageList()}.` }));
  });
}
