/**
 * JSON text that is safe to print or `cat`. JSON.stringify escapes only U+0000–U+001F: it leaves
 * DEL, the C1 controls U+0080–U+009F (U+009B is a one-byte CSI and U+009D an OSC in terminals that
 * honour 8-bit controls), the line and paragraph separators U+2028/U+2029 and the bidirectional
 * overrides and isolates raw, so a hostile SOP text, answer, operator name or path would reach the
 * terminal of whoever reads the output. In JSON text these characters can only stand inside a
 * string, where `\uXXXX` is the same character: the result is valid JSON that parses to the same
 * value. Every JSON writer in src/shell (stdout, -o files, the journal itself) goes through here;
 * JUnit XML writes the same set as character references (xml-escape.ts).
 */
// eslint-disable-next-line no-control-regex
export const TERMINAL_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function safeJson(json: string): string {
  return json.replace(TERMINAL_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
