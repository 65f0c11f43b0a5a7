/**
 * Text to the terminal's width, measured in display columns (not UTF-16 units): wide characters
 * (CJK, emoji) count two, combining marks and ANSI colour codes count nothing, Cyrillic one.
 * The measuring, wrapping and cutting are string-width, wrap-ansi and cli-truncate's; this module
 * is the one place the shell uses them, so every screen and table counts the same way.
 */
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** Display columns of a text (ANSI codes ignored). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/**
 * Word-wraps text to a width in columns, keeping the text's own line breaks. A word longer than
 * the width is cut across lines. Colour codes are kept and re-opened on each line.
 */
export function wrap(text: string, width: number): string[] {
  const max = Math.max(10, width);
  return wrapAnsi(text, max, { hard: true, trim: true, wordWrap: true }).split('\n');
}

/** Cuts a one-line text to `max` columns with "…" at the end (a title keeps its beginning). */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  return cliTruncate(text, max, { position: 'end', preferTruncationOnSpace: false });
}

/** Pads a text with spaces to `width` display columns (never cuts). */
export function padDisplay(text: string, width: number): string {
  const missing = width - stringWidth(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

/** Elapsed time as mm:ss, or h:mm:ss past an hour. */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}
