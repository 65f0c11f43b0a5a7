/** `sop validate`: check SOP files, the directory and scenarios; findings with file:line:col. */
import { Option, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';
import type { ValidateOptions } from '../commands/validate.js';
import { langOption } from './lang-option.js';

export const defineValidate: CommandDefinition = (program: Command, t) => {
  program
    .command('validate')
    .description(t({ en: 'check SOPs, the referral directory and scenarios: schema, flow, variables, conditions, calls, translations', uk: 'перевірити СОП, довідник для скерувань і сценарії: схема, перебіг, змінні, умови, виклики, переклади' }))
    .argument('[paths...]', t({ en: 'files, folders (searched for *.sop.yaml, directory.yaml, *.scenario.yaml) or quoted globs; - reads stdin (default: sops/)', uk: 'файли, теки (у них шукають *.sop.yaml, directory.yaml, *.scenario.yaml) або шаблони в лапках; - читає stdin (типово: sops/)' }))
    .addOption(
      new Option(
        '--format <format>',
        t({
          en: 'output: pretty (default), json, github (annotations; default when GITHUB_ACTIONS=true), sarif (code scanning), junit',
          uk: 'вивід: pretty (типово), json, github (анотації; типово, коли GITHUB_ACTIONS=true), sarif (сканування коду), junit',
        }),
      ).choices(['pretty', 'json', 'github', 'sarif', 'junit']),
    )
    .option('--strict', t({ en: 'warnings fail too (exit 1)', uk: 'попередження теж означають невдачу (код 1)' }))
    .option('--no-cache', t({ en: 'do not use or update the parse cache ($XDG_CACHE_HOME/sop-runner)', uk: 'не використовувати й не оновлювати кеш розбору ($XDG_CACHE_HOME/sop-runner)' }))
    .option('--today <date>', t({ en: 'the date (YYYY-MM-DD) directory entries are checked against (default: today)', uk: 'дата (YYYY-MM-DD), на яку перевіряються записи довідника (типово: сьогодні)' }))
    .addOption(langOption(t({ en: 'language of the summary and of the rule explanations (default: from LANG)', uk: 'мова підсумку й пояснень правил (типово: з LANG)' }), t))
    .addHelpText(
      'after',
      t({
        en: `
Every finding has a place (file:line:col), a stable rule code and name (SOP104 unknown-step),
a severity and what to do. The whole library is checked in one go: a bad file never stops the
others. Files named one by one are checked with the other SOPs and the directory in their
folder (only the named files are reported), so calls and referrals resolve.
Findings go to stdout; the summary line to stderr. See docs/sop-format.md for the rules.

Exit codes: 0 no errors (warnings allowed unless --strict), 1 findings, 2 usage error
(unknown option, a path that does not exist, a glob that matches nothing).

Examples:
  sop validate                                  the library in sops/ (or the configured folder)
  sop validate sops/first-contact.sop.yaml      one file, checked with the SOPs and directory beside it
  sop validate 'sops/**/*.sop.yaml'             a quoted glob
  sop validate --strict                         warnings (stale contacts, unused variables) fail too
  sop validate --format json | jq '.findings[] | .rule'
  sop validate --format sarif > sop.sarif       upload with github/codeql-action/upload-sarif
  sop validate --format junit > validate.xml    for CI test reports
  cat draft.sop.yaml | sop validate -           check text from stdin`,
        uk: `
Кожне зауваження має місце (файл:рядок:стовпець), незмінний код і назву правила (SOP104
unknown-step), рівень серйозності й що зробити. Уся бібліотека перевіряється за один раз:
хибний файл не зупиняє перевірки інших. Файли, названі поодинці, перевіряються разом з іншими
СОП і довідником зі своєї теки (показано лише названі файли), щоб виклики й скерування
знаходили свою ціль. Зауваження йдуть у stdout, рядок підсумку — у stderr. Правила описано
в docs/sop-format.md.

Коди виходу: 0 — помилок немає (попередження дозволені, якщо не --strict), 1 — є зауваження,
2 — помилка використання (невідомий параметр, шлях, якого немає, шаблон, що нічого не знаходить).

Приклади:
  sop validate                                  бібліотека в sops/ (або в теці з налаштувань)
  sop validate sops/first-contact.sop.yaml      один файл, разом із СОП і довідником поруч
  sop validate 'sops/**/*.sop.yaml'             шаблон у лапках
  sop validate --strict                         попередження (застарілі контакти, невживані змінні) теж дають код 1
  sop validate --format json | jq '.findings[] | .rule'
  sop validate --format sarif > sop.sarif       завантажте через github/codeql-action/upload-sarif
  sop validate --format junit > validate.xml    для звітів тестів у CI
  cat draft.sop.yaml | sop validate -           перевірити текст зі stdin`,
      }),
    )
    .action(async (paths: string[], options: ValidateOptions) => {
      const { runValidate } = await import('../commands/validate.js');
      process.exitCode = await runValidate(paths, options);
    });
};
