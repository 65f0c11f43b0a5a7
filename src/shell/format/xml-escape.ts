/**
 * Text for JUnit XML, in element content and double-quoted attributes (every writer here quotes
 * attributes with "), so ' needs no escape. Characters XML 1.0 cannot carry at all (C0 controls
 * other than tab and newlines, U+FFFE, U+FFFF) are dropped. The characters a terminal would act on
 * or that make text read otherwise than it is (DEL, the C1 controls U+0080–U+009F, U+2028/U+2029,
 * bidi overrides and isolates: the set safeJson escapes) are written as character references
 * (`&#x9B;`): XML 1.0 allows the C1 controls only that way, and a parser gives back the same text
 * while `cat`-ing the file never hands a terminal a raw 8-bit CSI. A carriage return is a reference
 * too: a parser would read a raw one as a line feed, and a terminal would go back to the line's start.
 */
import { TERMINAL_UNSAFE } from '../text/safe-json.js';

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/\r/g, '&#xD;')
    .replace(TERMINAL_UNSAFE, (char) => `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`);
}

/**
 * Text for a double-quoted attribute: xmlEscape, and newlines and tabs as character references.
 * A parser normalises a raw newline or tab in an attribute to a space (XML 1.0 §3.3.3), so a
 * message over two lines would come back as one; `&#10;` and `&#9;` come back as written.
 */
export function xmlAttr(text: string): string {
  return xmlEscape(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
