/** A terminal for in-process tests: types the given keys and keeps every screen drawn. */
import type { Key } from '../../src/shell/tui/keyboard.js';
import type { CallIO } from '../../src/shell/tui/terminal.js';

export function fakeIO(keys: Key[]): CallIO & { screens: string[] } {
  const screens: string[] = [];
  return {
    screens,
    nextKey: () => {
      const key = keys.shift();
      return key ? Promise.resolve(key) : Promise.reject(new Error(`no more keys; last screen:\n${screens.at(-1)}`));
    },
    draw: (screen) => screens.push(screen),
    width: () => 80,
    close: () => {},
  };
}

export const key = (sequence: string, name?: string): Key => ({ sequence, name: name ?? sequence });
export const ENTER = key('\r', 'return');
export const typed = (text: string): Key[] => [...text].map((ch) => key(ch));
