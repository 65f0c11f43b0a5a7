/**
 * A small harness to drive the BUILT `sop` binary in a real pseudo-terminal (@lydell/node-pty):
 * spawn it, wait for text on screen, press keys, read the screen with ANSI codes stripped.
 * Reused by the run, resume and train end-to-end tests. Run `npm run build` first.
 */
import { spawn as spawnPty, type IPty } from '@lydell/node-pty';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'sop.cjs');

/** Keys as a terminal sends them. */
export const KEY = {
  enter: '\r',
  up: '\u001b[A',
  down: '\u001b[B',
  space: ' ',
  escape: '\u001b',
  backspace: '\u007f',
  ctrlC: '\u0003',
} as const;

// CSI, OSC and two-character escape sequences.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export interface Pty {
  readonly pid: number;
  /** Everything written so far, ANSI stripped. */
  output(): string;
  /** Everything written so far, as written (escape codes included). */
  raw(): string;
  /** The last full screen drawn (text after the last cursor-home), ANSI stripped. */
  screen(): string;
  /** Waits until the screen (or, with `inOutput`, the whole output) shows the text. */
  waitFor(what: string | RegExp, options?: { timeout?: number; inOutput?: boolean }): Promise<string>;
  /** Sends keys (a string as typed, or KEY.*); waits a moment so each lands as its own key press. */
  press(...keys: string[]): Promise<void>;
  /** Types text one character at a time. */
  type(text: string): Promise<void>;
  /** Resolves with the exit code (or 128 + signal). */
  exited(timeout?: number): Promise<number>;
  kill(signal?: string): void;
  /** Closes the terminal like a closed window: the pty goes away, then SIGHUP; resolves when the process is gone. */
  hangUp(timeout?: number): Promise<void>;
}

/** One step of a scripted call: the text to wait for on screen, then what to send (keys or text). */
export type Exchange = readonly [screen: string, ...input: string[]];

/**
 * Drives a call through `exchanges` in order: waits for each screen text, then sends its input.
 * Control keys and escape sequences (KEY.*) are pressed; anything else is typed one character
 * at a time, as a counsellor would.
 */
export async function walk(pty: Pty, exchanges: readonly Exchange[]): Promise<void> {
  for (const [text, ...input] of exchanges) {
    await pty.waitFor(text);
    for (const item of input) {
      // eslint-disable-next-line no-control-regex
      if (/^[\u0000-\u001f\u007f]/.test(item)) await pty.press(item);
      else await pty.type(item);
    }
  }
}

export interface SpawnOptions {
  readonly env?: Record<string, string>;
  readonly cwd?: string;
  readonly cols?: number;
  readonly rows?: number;
}

/** Spawns `node bin/sop.cjs ...args` in a pseudo-terminal. */
export function spawnSop(args: readonly string[], options: SpawnOptions = {}): Pty {
  return spawnInPty(process.execPath, [BIN, ...args], options);
}

export function spawnInPty(file: string, args: readonly string[], options: SpawnOptions = {}): Pty {
  const pty: IPty = spawnPty(file, [...args], {
    name: 'xterm-256color',
    cols: options.cols ?? 100,
    rows: options.rows ?? 40,
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env['PATH'] ?? '', TERM: 'xterm-256color', LANG: 'C.UTF-8', ...options.env },
  });
  let raw = '';
  let exit: number | undefined;
  const exitWaiters: ((code: number) => void)[] = [];
  pty.onData((data) => {
    raw += data;
  });
  pty.onExit(({ exitCode, signal }) => {
    exit = signal ? 128 + signal : exitCode;
    for (const w of exitWaiters.splice(0)) w(exit);
  });
  const screen = (): string => {
    const home = raw.lastIndexOf('\u001b[H');
    return stripAnsi(home >= 0 ? raw.slice(home) : raw).replace(/\r/g, '');
  };
  const output = (): string => stripAnsi(raw).replace(/\r/g, '');
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  return {
    pid: pty.pid,
    output,
    raw: () => raw,
    screen,
    async waitFor(what, { timeout = 10_000, inOutput = false } = {}) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const text = inOutput ? output() : screen();
        if (typeof what === 'string' ? text.includes(what) : what.test(text)) return text;
        if (Date.now() > deadline || (exit !== undefined && !(inOutput ? output() : screen()).length)) {
          throw new Error(`timed out waiting for ${String(what)}; screen was:\n${screen()}\n--- exit: ${exit}`);
        }
        await sleep(20);
      }
    },
    async press(...keys) {
      for (const key of keys) {
        pty.write(key);
        await sleep(key === KEY.escape ? 600 : 40);
      }
    },
    async type(text) {
      for (const ch of text) {
        pty.write(ch);
        await sleep(15);
      }
    },
    exited(timeout = 10_000) {
      if (exit !== undefined) return Promise.resolve(exit);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`still running after ${timeout} ms; screen:\n${screen()}`)), timeout);
        exitWaiters.push((code) => {
          clearTimeout(timer);
          resolve(code);
        });
      });
    },
    kill(signal = 'SIGTERM') {
      pty.kill(signal);
    },
    async hangUp(timeout = 10_000) {
      const pid = pty.pid;
      (pty as unknown as { destroy(): void }).destroy();
      const deadline = Date.now() + timeout;
      for (;;) {
        try {
          process.kill(pid, 0);
        } catch {
          return;
        }
        if (Date.now() > deadline) throw new Error(`process ${pid} still running ${timeout} ms after the hang-up`);
        await sleep(20);
      }
    },
  };
}

export type TempHome = { dir: string; env: Record<string, string>; dataDir: string; cleanup(): void };

/** For a test file: a function giving a fresh temporary home, each removed after its test. */
export function tempHomePerTest(): () => TempHome {
  const homes: TempHome[] = [];
  afterEach(() => {
    for (const home of homes.splice(0)) home.cleanup();
  });
  return () => {
    const home = tempHome();
    homes.push(home);
    return home;
  };
}

/** A fresh temporary home (XDG dirs and data dir inside), removed by cleanup(). */
export function tempHome(): TempHome {
  const dir = mkdtempSync(join(tmpdir(), 'sop-e2e-'));
  const dataDir = join(dir, 'data');
  return {
    dir,
    dataDir,
    env: {
      HOME: dir,
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_DATA_HOME: join(dir, 'xdg-data'),
      XDG_CACHE_HOME: join(dir, 'cache'),
      SOP_DATA_DIR: dataDir,
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }),
  };
}
