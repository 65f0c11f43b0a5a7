/**
 * Commander's own parse errors ("error: unknown option '--x'") made to say what to do, in the
 * user's language: the Ukrainian wording of each message commander writes, and a last line naming
 * the `--help` that lists the command's options and examples.
 */
import type { Command } from 'commander';
import { say, type Lang } from '../i18n.js';

/** "sop log show": the commands named on the command line, as far as they exist. */
export function commandPath(program: Command, argv: readonly string[]): string {
  const names = [program.name()];
  let command = program;
  for (const arg of argv) {
    if (arg.startsWith('-')) break;
    const sub = command.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (!sub) break;
    names.push(sub.name());
    command = sub;
  }
  return names.join(' ');
}

const UK: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
  [/^error: unknown option '(.*)'$/, (o) => `помилка: невідомий параметр '${o}'`],
  [/^error: unknown command '(.*)'$/, (c) => `помилка: невідома команда '${c}'`],
  [/^error: missing required argument '(.*)'$/, (a) => `помилка: бракує обов'язкового аргументу '${a}'`],
  [/^error: option '(.*)' argument missing$/, (o) => `помилка: параметрові '${o}' бракує значення`],
  [/^error: required option '(.*)' not specified$/, (o) => `помилка: обов'язковий параметр '${o}' не вказано`],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/, (o, v, c) => `помилка: значення '${v}' параметра '${o}' недійсне; допустимі значення: ${c}.`],
  // A value an option's own parser refused (--lang): its reason is already in the user's language.
  [/^error: option '(.*)' argument '(.*)' is invalid\. (.*)$/, (o, v, why) => `помилка: значення '${v}' параметра '${o}' недійсне. ${why}`],
  [/^error: command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\.$/, (v, a, c) => `помилка: значення '${v}' аргументу '${a}' недійсне; допустимі значення: ${c}.`],
  [/^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/, (c, n, m) => `помилка: забагато аргументів для '${c}': очікувано ${n}, отримано ${m}.`],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/, (n, m) => `помилка: забагато аргументів: очікувано ${n}, отримано ${m}.`],
  [/^error: option '(.*)' cannot be used with option '(.*)'$/, (a, b) => `помилка: параметр '${a}' не можна поєднувати з '${b}'`],
  [/^\(Did you mean (.*)\?\)$/, (s) => `(Можливо, ${s}?)`],
];

function translateLine(line: string): string {
  for (const [pattern, render] of UK) {
    const match = pattern.exec(line);
    if (match) return render(...match.slice(1));
  }
  return line;
}

/** Commander's error text, in `lang`, ending with the `--help` to run. */
export function explainUsageError(text: string, lang: Lang, path: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  const said = lang === 'uk' ? lines.map(translateLine) : lines;
  const hint = say(lang, {
    en: `Run "${path} --help" for its options and examples.`,
    uk: `Параметри й приклади: "${path} --help".`,
  });
  return `${said.join('\n')}\n${hint}\n`;
}
