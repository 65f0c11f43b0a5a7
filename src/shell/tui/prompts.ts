/**
 * The shell's two kinds of question before a call: a menu (which SOP, scenario or call) and a
 * yes/no. Only inquirer's select and confirm are imported, and through this module, so the bundle
 * keeps just these two: a dynamic import of '@inquirer/prompts' itself pulls in every prompt, the
 * editor one with its text-encoding tables (about 750 KB). Callers import this module lazily.
 *
 * Ctrl+C in a question means "not now", not an error: inquirer throws ExitPromptError, which
 * becomes undefined (menu) or false (yes/no) here, once for every caller.
 */
import { confirm, select } from '@inquirer/prompts';
import { say, type Lang, type Message } from '../i18n.js';
import { truncate } from '../text/wrap.js';
import { msg } from '../../core/model/message.js';

/** The menu's key hint in the menu's language (inquirer's own is English). */
const KEY_WORDS: { readonly [action: string]: Message } = {
  navigate: msg('tui-prompts-navigate'),
  select: msg('tui-prompts-select'),
};

export interface MenuChoice<T> {
  readonly value: T;
  readonly name: string;
}

function leftWithCtrlC(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'ExitPromptError';
}

/**
 * A menu of choices; undefined when the person leaves it with Ctrl+C. Each entry is cut to the
 * terminal's columns with "…" and the page holds as many entries as the rows leave room for.
 */
export async function chooseFrom<T>(message: string, choices: readonly MenuChoice<T>[], lang: Lang = 'en'): Promise<T | undefined> {
  const columns = process.stdout.columns || 80;
  const rows = process.stdout.rows || 24;
  const pageSize = Math.max(3, Math.min(15, rows - 4));
  const keysHelpTip = (keys: [string, string][]): string => keys.map(([key, action]) => `${key} ${KEY_WORDS[action] ? say(lang, KEY_WORDS[action]) : action}`).join(' • ');
  try {
    return await select<T>({
      message: truncate(message, columns - 2),
      choices: choices.map((choice) => ({ value: choice.value, name: truncate(choice.name, columns - 2) })),
      pageSize,
      theme: { style: { keysHelpTip } },
    });
  } catch (error) {
    if (leftWithCtrlC(error)) return undefined;
    throw error;
  }
}

/** A yes/no question (Enter: yes); false when the person leaves it with Ctrl+C. */
export async function askYesNo(message: string): Promise<boolean> {
  try {
    return await confirm({ message, default: true });
  } catch (error) {
    if (leftWithCtrlC(error)) return false;
    throw error;
  }
}
