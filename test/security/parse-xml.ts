/**
 * A strict XML 1.0 reader for the tests of the JUnit outputs: enough of the grammar for what the
 * writers produce (an XML declaration, comments, elements, attributes, text, the five predefined
 * entities and character references), and it throws where a conforming parser must stop: a
 * character outside XML 1.0's Char production (raw or as a reference), an undefined entity, a
 * bare `&` or `<`, a duplicate attribute, tags that do not match, more than one root. It gives
 * back the decoded text, so a test can check that what went in comes out the same. (happy-dom's
 * DOMParser is lenient and reads &#x9B; as HTML does, as U+203A, so it cannot serve here.)
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

/** XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;

export function parseXml(text: string): XmlElement {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (!isXmlChar(code)) throw new Error(`character U+${code.toString(16)} is not allowed in XML 1.0`);
  }
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${at}: ${JSON.stringify(text.slice(at, at + 30))}`);
  };
  const skipSpace = (): void => {
    while (/[ \t\r\n]/.test(text[at] ?? '')) at++;
  };
  const name = (): string => {
    NAME.lastIndex = at;
    const match = NAME.exec(text);
    if (!match) return fail('a name expected');
    at += match[0].length;
    return match[0];
  };
  /** Text up to `stop`, references decoded; `<` is never allowed raw. */
  const chars = (stop: string): string => {
    let out = '';
    while (at < text.length && !stop.includes(text[at]!)) {
      const char = text[at]!;
      if (char === '<') fail('a raw < in text');
      if (char === '&') {
        const end = text.indexOf(';', at);
        if (end < 0) fail('a bare &');
        const ref = text.slice(at + 1, end);
        let decoded: string | undefined;
        const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
        if (numeric) {
          const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2]!, 10);
          if (!isXmlChar(code)) fail(`&${ref}; is not a character XML 1.0 allows`);
          decoded = String.fromCodePoint(code);
        } else decoded = ENTITIES[ref];
        if (decoded === undefined) fail(`undefined entity &${ref};`);
        out += decoded;
        at = end + 1;
        continue;
      }
      out += char;
      at++;
    }
    return out;
  };
  const misc = (): void => {
    for (;;) {
      skipSpace();
      if (text.startsWith('<!--', at)) {
        const end = text.indexOf('-->', at + 4);
        if (end < 0 || text.slice(at + 4, end).includes('--')) fail('a bad comment');
        at = end + 3;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (text[at] !== '<') fail('< expected');
    at++;
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      skipSpace();
      if (text.startsWith('/>', at)) {
        at += 2;
        return { name: tag, attributes, children: [] };
      }
      if (text[at] === '>') {
        at++;
        break;
      }
      if (at === before) fail('space expected before an attribute');
      const key = name();
      skipSpace();
      if (text[at] !== '=') fail('= expected');
      at++;
      skipSpace();
      const quote = text[at];
      if (quote !== '"' && quote !== "'") return fail('a quoted value expected');
      at++;
      const value = chars(quote);
      if (text[at] !== quote) fail('an unterminated attribute');
      at++;
      if (key in attributes) fail(`attribute ${key} twice`);
      attributes[key] = value;
    }
    const children: (XmlElement | string)[] = [];
    for (;;) {
      if (at >= text.length) fail(`</${tag}> missing`);
      if (text.startsWith('</', at)) {
        at += 2;
        if (name() !== tag) fail(`</${tag}> expected`);
        skipSpace();
        if (text[at] !== '>') fail('> expected');
        at++;
        return { name: tag, attributes, children };
      }
      if (text.startsWith('<!--', at)) {
        misc();
        continue;
      }
      if (text[at] === '<') {
        children.push(element());
        continue;
      }
      const start = at;
      const data = chars('<');
      if (text.slice(start, at).includes(']]>')) fail(']]> in text');
      children.push(data);
    }
  };

  if (text.startsWith('<?xml', 0)) {
    const end = text.indexOf('?>');
    if (end < 0) fail('an unterminated XML declaration');
    if (!/^<\?xml version="1\.0"( encoding="UTF-8")?\?>$/.test(text.slice(0, end + 2))) fail('a bad XML declaration');
    at = end + 2;
  }
  misc();
  const root = element();
  misc();
  if (at !== text.length) fail('content after the root element');
  return root;
}

/** Every element of the tree, the root first. */
export function elements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap((child) => (typeof child === 'string' ? [] : elements(child)))];
}

/** The decoded text of an element and its descendants. */
export function textOf(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
}
