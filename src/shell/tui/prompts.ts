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

export interface MenuChoice<T> {
  readonly value: T;
  readonly name: string;
}

function leftWithCtrlC(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'ExitPromptError';
}

/** A menu of choices; undefined when the person leaves it with Ctrl+C. */
export async function chooseFrom<T>(message: string, choices: readonly MenuChoice<T>[]): Promise<T | undefined> {
  try {
    return await select<T>({ message, choices: choices.map((choice) => ({ value: choice.value, name: choice.name })), pageSize: 15 });
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
