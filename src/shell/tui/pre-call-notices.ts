/**
 * Warnings said before a call starts (a data dir other users can reach, a configured public key
 * that cannot be used, an interrupted purge just settled). They go to stderr as always, where they
 * stay on the main screen after the call, and are kept: the call itself runs on the terminal's
 * alternate screen, which would hide them until the call is over, so its first frames show them.
 */
import { say, type Lang, type Message } from '../i18n.js';

export interface PreCallNotices {
  /** For sessionSealer: a text of one or more "sop: ..." lines. */
  readonly warn: (text: string) => void;
  /** For the journal writer's `notice` option. */
  readonly notice: (message: Message) => void;
  /** Every line said so far, without its "sop: " prefix; not neutralised (the screen does it). */
  readonly lines: readonly string[];
}

export function preCallNotices(lang: Lang, write: (text: string) => void = (text) => process.stderr.write(text)): PreCallNotices {
  const lines: string[] = [];
  const warn = (text: string): void => {
    write(text);
    for (const line of text.split('\n')) {
      const bare = line.replace(/^sop: /, '').trim();
      if (bare !== '') lines.push(bare);
    }
  };
  return { warn, notice: (message) => warn(`sop: ${say(lang, message)}\n`), lines };
}
