/**
 * The real terminal for a call: raw-mode keys from stdin, whole screens drawn on the alternate
 * screen, and a close() that always gives the terminal back (raw mode off, cursor shown, main
 * screen restored) — also when the call ends by Ctrl+C, SIGHUP or SIGTERM.
 */
import { emitKeypressEvents } from 'node:readline';
import type { Key } from './keyboard.js';

/** The terminal went away (window closed, connection lost): stdin ended or failed. */
export class TerminalGone extends Error {
  constructor() {
    super('the terminal is gone');
    this.name = 'TerminalGone';
  }
}

export interface CallIO {
  /** The next key press. Rejects when the signal aborts, or with TerminalGone when stdin ends. */
  nextKey(): Promise<Key>;
  /** Replaces the screen with this text. */
  draw(screen: string): void;
  /** Columns available. */
  width(): number;
  /** Rows available (undefined: unknown, no limit). */
  height?(): number | undefined;
  /** Gives the terminal back. Safe to call twice. */
  close(): void;
  /** True once the terminal went away (stdin ended or failed). */
  isGone?(): boolean;
  /** Drops key presses not yet read (type-ahead meant for a screen that is gone). */
  discardPending?(): void;
  /** Calls `redraw` whenever the window changes size (until close). */
  onResize?(redraw: () => void): void;
}

const ALT_SCREEN_ON = '\u001b[?1049h';
const ALT_SCREEN_OFF = '\u001b[?1049l';
const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';
const HOME = '\u001b[H';
const CLEAR_LINE_END = '\u001b[K';
const CLEAR_BELOW = '\u001b[J';

export function openTerminal(input: NodeJS.ReadStream, output: NodeJS.WriteStream, signal?: AbortSignal): CallIO {
  const queue: Key[] = [];
  const waiting: { resolve: (key: Key) => void; reject: (error: unknown) => void }[] = [];
  let closed = false;
  const resizers: (() => void)[] = [];
  const onResize = (): void => {
    for (const redraw of resizers) redraw();
  };

  const onKey = (_str: string | undefined, key: Key | undefined): void => {
    const k: Key = key ?? { sequence: _str };
    const next = waiting.shift();
    if (next) next.resolve(k);
    else queue.push(k);
  };
  const onAbort = (): void => {
    for (const w of waiting.splice(0)) w.reject(signal?.reason ?? new Error('aborted'));
  };
  // A closed window ends stdin (or fails it with EIO) before SIGHUP arrives: treat it as a hang-up,
  // and never let a write to the dead terminal crash the process before the journal is closed.
  let gone = false;
  const onGone = (): void => {
    gone = true;
    for (const w of waiting.splice(0)) w.reject(new TerminalGone());
  };
  const ignore = (): void => {};

  emitKeypressEvents(input);
  if (input.isTTY) input.setRawMode(true);
  input.on('keypress', onKey);
  input.on('end', onGone);
  input.on('close', onGone);
  input.on('error', onGone);
  output.on('error', ignore);
  output.on('resize', onResize);
  input.resume();
  signal?.addEventListener('abort', onAbort);
  output.write(ALT_SCREEN_ON + HIDE_CURSOR);

  return {
    nextKey() {
      if (signal?.aborted) return Promise.reject(signal.reason ?? new Error('aborted'));
      const key = queue.shift();
      if (key) return Promise.resolve(key);
      if (gone) return Promise.reject(new TerminalGone());
      return new Promise<Key>((resolve, reject) => waiting.push({ resolve, reject }));
    },
    draw(screen) {
      if (closed || gone) return;
      output.write(HOME + screen.split('\n').join(`${CLEAR_LINE_END}\n`) + CLEAR_LINE_END + CLEAR_BELOW);
    },
    width() {
      return output.columns || 80;
    },
    height() {
      return output.rows || undefined;
    },
    isGone() {
      return gone;
    },
    discardPending() {
      queue.length = 0;
    },
    onResize(redraw) {
      resizers.push(redraw);
    },
    close() {
      if (closed) return;
      closed = true;
      input.off('keypress', onKey);
      input.off('end', onGone);
      input.off('close', onGone);
      output.off('resize', onResize);
      signal?.removeEventListener('abort', onAbort);
      if (gone) return;
      try {
        if (input.isTTY) input.setRawMode(false);
        input.pause();
        output.write(SHOW_CURSOR + ALT_SCREEN_OFF);
      } catch {
        // The terminal went away meanwhile.
      }
    },
  };
}
