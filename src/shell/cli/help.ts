/**
 * Commander's own words in `--help` (headings, the usage placeholders, the choices and default
 * notes) in Ukrainian, through commander's Help hooks. Installed only when help is Ukrainian;
 * English help is commander's own. The hooks run only when help is shown.
 */
import type { Argument, Command, HelpConfiguration, Option } from 'commander';

const HEADINGS: Readonly<Record<string, string>> = {
  'Usage:': 'Використання:',
  'Arguments:': 'Аргументи:',
  'Options:': 'Параметри:',
  'Global Options:': 'Загальні параметри:',
  'Commands:': 'Команди:',
};

const OPTIONS = '[параметри]';
const COMMAND = '[команда]';

/** `run`, or `run|r` when the command has an alias, as commander writes it. */
function commandName(cmd: Command): string {
  const alias = cmd.aliases()[0];
  return alias ? `${cmd.name()}|${alias}` : cmd.name();
}

/** `<sop>`, `[paths...]`: as commander writes an argument, so usage and the list agree. */
function argumentName(argument: Argument): string {
  const name = argument.name() + (argument.variadic ? '...' : '');
  return argument.required ? `<${name}>` : `[${name}]`;
}

const quoted = (value: unknown): string => JSON.stringify(value);

/** A description with its notes in brackets: "формат виводу (допустимі значення: …; типово: …)". */
function withNotes(description: string, notes: readonly string[]): string {
  if (notes.length === 0) return description;
  const bracket = `(${notes.join('; ')})`;
  return description ? `${description} ${bracket}` : bracket;
}

function choicesNote(choices: readonly string[] | undefined): string[] {
  return choices ? [`допустимі значення: ${choices.map(quoted).join(', ')}`] : [];
}

function defaultNote(item: Option | Argument): string {
  return `типово: ${item.defaultValueDescription || quoted(item.defaultValue)}`;
}

/** The same notes, in the same cases, as commander's optionDescription and argumentDescription. */
export const ukrainianHelp: HelpConfiguration = {
  styleTitle: (title) => HEADINGS[title] ?? title,

  commandUsage(cmd: Command): string {
    const names: string[] = [];
    for (let at = cmd.parent; at; at = at.parent) names.unshift(at.name());
    names.push(commandName(cmd));
    const parts = [OPTIONS, ...(cmd.commands.length > 0 ? [COMMAND] : []), ...cmd.registeredArguments.map(argumentName)];
    return `${names.join(' ')} ${parts.join(' ')}`;
  },

  subcommandTerm(cmd: Command): string {
    const parts = [commandName(cmd), ...(cmd.options.length > 0 ? [OPTIONS] : []), ...cmd.registeredArguments.map(argumentName)];
    return parts.join(' ');
  },

  optionDescription(option: Option): string {
    const notes = choicesNote(option.argChoices);
    const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (option.defaultValue !== undefined && showDefault) notes.push(defaultNote(option));
    if (option.presetArg !== undefined && option.optional) notes.push(`без значення: ${quoted(option.presetArg)}`);
    if (option.envVar !== undefined) notes.push(`змінна середовища: ${option.envVar}`);
    return withNotes(option.description, notes);
  },

  argumentDescription(argument: Argument): string {
    const notes = choicesNote(argument.argChoices);
    if (argument.defaultValue !== undefined) notes.push(defaultNote(argument));
    return withNotes(argument.description, notes);
  },
};
