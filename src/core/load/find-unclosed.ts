/**
 * Where a YAML mistake began, when the parser noticed it only later: the first `[`, `{` or quote
 * still open where the text goes back to (or left of) the indentation of the line that opened it,
 * or at the end of the file. Said as the parser would never say it: "the '[' opened here on line 5
 * is never closed", instead of six errors on the lines below. Used only on a file the parser
 * already rejected, so a rare multi-line construct it does not follow costs no false finding.
 *
 * It follows what an SOP file uses: block mappings and sequences, flow [ ] and { }, single and
 * double quotes, comments and block scalars (| and >, whose lines it skips).
 */

export interface Unclosed {
  /** Offset of the opening character in the text. */
  readonly offset: number;
  readonly char: '[' | '{' | '"' | "'";
}

interface Open {
  readonly offset: number;
  readonly char: '[' | '{' | '"' | "'";
  /** Indentation of the line it opened on. */
  readonly indent: number;
}

/** A value may start after these (the last character before it that is not a space), or at the line's start. */
const BLOCK_VALUE_START = new Set([':', '-', '?']);
const FLOW_VALUE_START = new Set([':', ',', '[', '{']);

export function findUnclosed(text: string): Unclosed | undefined {
  const stack: Open[] = [];
  let quote: Open | undefined;
  /** Indentation of the key of a block scalar being skipped, or -1. */
  let blockScalarIndent = -1;
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const indent = line.length - line.trimStart().length;
    const blank = line.trim() === '' || line.trimStart().startsWith('#');
    if (blockScalarIndent >= 0) {
      if (blank || indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    if (!blank && (stack.length > 0 || quote !== undefined)) {
      if (indent <= (stack[0] ?? quote)!.indent) return innermost(stack, quote);
    }
    let previous = ''; // the last character before the current one that is not a space, on this line
    for (let i = quote === undefined ? indent : 0; i < line.length; i++) {
      const char = line[i]!;
      if (quote !== undefined) {
        if (quote.char === '"' && char === '\\') {
          i++;
          continue;
        }
        if (char === quote.char) {
          if (quote.char === "'" && line[i + 1] === "'") {
            i++;
            continue;
          }
          quote = undefined;
          previous = char;
        }
        continue;
      }
      if (char === ' ') continue;
      const spaced = i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t';
      const inFlow = stack.length > 0;
      const valueStart = previous === '' || (inFlow ? FLOW_VALUE_START.has(previous) : BLOCK_VALUE_START.has(previous) && spaced);
      if (char === '#' && spaced) break;
      if ((char === ':' || char === '-' || char === '?') && (i + 1 >= line.length || line[i + 1] === ' ')) {
        previous = char;
        continue;
      }
      if ((char === '"' || char === "'") && (valueStart || (inFlow && FLOW_VALUE_START.has(previous)))) {
        quote = { offset: lineStart + i, char, indent };
        continue;
      }
      if ((char === '[' || char === '{') && (valueStart || inFlow)) {
        stack.push({ offset: lineStart + i, char, indent });
        previous = char;
        continue;
      }
      if ((char === ']' || char === '}') && inFlow) {
        stack.pop();
        previous = char;
        continue;
      }
      if (!inFlow && (char === '|' || char === '>') && valueStart) {
        blockScalarIndent = indent;
        break;
      }
      // A plain word: skip to its end (a ':' followed by a space ends a key; ' #' starts a comment).
      if (!inFlow) {
        while (i + 1 < line.length && !(line[i + 1] === ':' && (i + 2 >= line.length || line[i + 2] === ' ')) && !(line[i + 1] === ' ' && line[i + 2] === '#')) i++;
        previous = line[i]!;
        continue;
      }
      previous = char;
    }
  }
  return stack.length > 0 || quote !== undefined ? innermost(stack, quote) : undefined;
}

/** The last one opened: an open quote inside a '{' is what left the '{' open. */
function innermost(stack: readonly Open[], quote: Open | undefined): Unclosed {
  const open = quote ?? stack[stack.length - 1]!;
  return { offset: open.offset, char: open.char };
}
