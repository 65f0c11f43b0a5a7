/**
 * Neutralises text from SOP files, the directory or the user before it reaches the terminal:
 * ANSI escape sequences are removed, then every other C0/C1 control character (and DEL) is
 * dropped, and so are bidirectional overrides. Newlines stay (the Unicode line and paragraph
 * separators U+2028/U+2029 become newlines too: terminals do not break lines on them, so they
 * would only throw the layout's widths off); tabs become spaces. A hostile SOP
 * cannot move the cursor, clear the screen, retitle the window, link elsewhere or hide text.
 */

// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other ESC sequences, and 8-bit CSI/OSC.
const ESCAPES =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[P^_X][^\u001b]*(?:\u001b\\)?|\u001b[ -/]*[0-~]?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidirectional overrides and isolates ("Trojan Source"): they can make text read otherwise than it is.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

export function safeText(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/\t/g, ' ').replace(ESCAPES, '').replace(CONTROLS, '').replace(BIDI, '');
}

/** safeText, then newlines folded into spaces: for one-line places (titles, options, notes). */
export function safeLine(text: string): string {
  return safeText(text).replace(/\n+/g, ' ');
}
