/**
 * References inside SOP texts: `{contact:ID}` (a directory entry's name and numbers, rendered
 * from the directory in the call's language), `{number:ID}` (its numbers only, for a sentence
 * such as "call {number:police-102}") and `{NAME}` (the current value of the SOP variable NAME, an answer
 * carried forward). Any other brace is plain text. One parser, used by the validator, the call
 * screen and the handbook.
 */

export interface TextReference {
  readonly kind: 'contact' | 'variable';
  /** For a contact: the whole entry (`contact:`) or its numbers only (`number:`). */
  readonly form?: 'contact' | 'number';
  /** The contact id or the variable name. */
  readonly name: string;
  /** Offset of the opening brace in the text. */
  readonly start: number;
  /** Offset just after the closing brace. */
  readonly end: number;
}

// Contact ids and variable names as the schemas define them (directory ids, variableName).
const REFERENCE = /\{(?:(contact|number):([a-z0-9][a-z0-9-]{0,63})|([a-z_][a-z0-9_]{0,63}))\}/g;

export function findReferences(text: string): TextReference[] {
  const found: TextReference[] = [];
  if (!text.includes('{')) return found;
  for (const match of text.matchAll(REFERENCE)) {
    const start = match.index;
    const end = start + match[0].length;
    const form = match[1] as 'contact' | 'number' | undefined;
    if (form !== undefined) found.push({ kind: 'contact', form, name: match[2]!, start, end });
    else found.push({ kind: 'variable', name: match[3]!, start, end });
  }
  return found;
}

/** Replaces every reference with what `render` gives for it (the text unchanged when it has none). */
export function replaceReferences(text: string, render: (reference: TextReference) => string): string {
  const references = findReferences(text);
  if (references.length === 0) return text;
  let out = '';
  let at = 0;
  for (const reference of references) {
    out += text.slice(at, reference.start) + render(reference);
    at = reference.end;
  }
  return out + text.slice(at);
}
