/**
 * Commander's own words in `--help` (headings, the usage placeholders, the choices and default
 * notes) in the help's language, from the catalogues (help-*), through commander's Help hooks.
 * Installed only when help is not English; English help is commander's own. The hooks run only
 * when help is shown.
 */
import type { Argument, Command, HelpConfiguration, Option } from 'commander';
import { msg, say, type Message } from '../../core/model/message.js';

const HEADINGS: Readonly<Record<string, Message>> = {
  'Usage:': msg('help-usage'),
  'Arguments:': msg('help-arguments'),
  'Options:': msg('help-options'),
  'Global Options:': msg('help-global-options'),
  'Commands:': msg('help-commands'),
};

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

/** The same notes, in the same cases, as commander's optionDescription and argumentDescription. */
export function translatedHelp(lang: string): HelpConfiguration {
  const t = (message: Message): string => say(lang, message);
  const OPTIONS = t(msg('help-options-placeholder'));
  const COMMAND = t(msg('help-command-placeholder'));
  const choicesNote = (choices: readonly string[] | undefined): string[] => (choices ? [t(msg('help-choices', { choices: choices.map(quoted).join(', ') }))] : []);
  const defaultNote = (item: Option | Argument): string => t(msg('help-default', { value: item.defaultValueDescription || quoted(item.defaultValue) }));
  return {
    styleTitle: (title) => (HEADINGS[title] ? t(HEADINGS[title]) : title),

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
      if (option.presetArg !== undefined && option.optional) notes.push(t(msg('help-preset', { value: quoted(option.presetArg) })));
      if (option.envVar !== undefined) notes.push(t(msg('help-env', { name: option.envVar })));
      return withNotes(option.description, notes);
    },

    argumentDescription(argument: Argument): string {
      const notes = choicesNote(argument.argChoices);
      if (argument.defaultValue !== undefined) notes.push(defaultNote(argument));
      return withNotes(argument.description, notes);
    },
  };
}
