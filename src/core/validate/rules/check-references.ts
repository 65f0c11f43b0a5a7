/**
 * References inside texts (model/text-references.ts):
 *  SOP212 unknown-variable-reference  `{name}` where the SOP declares no variable `name`;
 *  SOP311 unknown-contact-reference   `{contact:id}` or `{number:id}` where the directory has no
 *                                     entry `id`;
 *  SOP410 literal-phone-number        a directory number, or a number that looks like a phone
 *                                     number (starts with 0 or +, seven digits or more), written
 *                                     into a text instead of `{contact:id}` (warning).
 * Only the texts the renderer expands are checked (isRenderedWithReferences). A finding sits at
 * the reference itself, found in the source from the text's first line.
 */
import { sourceLine } from '../../load/source-text.js';
import type { Directory } from '../../model/directory.js';
import type { Library, LoadedSop, Position } from '../../model/library.js';
import type { Localized } from '../../model/sop.js';
import { findReferences, replaceReferences } from '../../model/text-references.js';
import { suggestion } from '../../findings/did-you-mean.js';
import type { Finding } from '../../findings/finding.js';
import { makeFinding } from '../../findings/make-finding.js';
import { RULES } from '../../findings/rules.js';
import { textsOf } from '../../model/texts-of.js';

type Path = readonly (string | number)[];

/** How far below a text's first line its parts are looked for (a long block scalar). */
const SEARCH_LINES = 400;

// A run of digits with the separators phone numbers are written with: "0 800 500 335", "+380-44".
const DIGIT_RUN = /(?<![\p{L}\p{N}])\+?\d[\d ()-]*\d(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])\d{3}(?![\p{L}\p{N}])/gu;

export function checkReferences(loaded: LoadedSop, library: Library): Finding[] {
  const { sop, file } = loaded;
  const findings: Finding[] = [];
  const variables = Object.keys(sop.variables ?? {});
  const contacts = library.directory?.contacts ?? {};
  const known = directoryNumbers(library.directory);
  for (const { text, path } of textsOf(sop)) {
    if (!isRenderedWithReferences(path)) continue;
    for (const [value, valuePath] of translations(text, path)) {
      for (const reference of findReferences(value)) {
        const raw = value.slice(reference.start, reference.end);
        const at = locate(loaded, valuePath, raw);
        if (reference.kind === 'variable' && !variables.includes(reference.name)) {
          findings.push(
            makeFinding(
              RULES.unknownVariableReference,
              file,
              at,
              { en: `the text shows ${raw}, but the SOP declares no variable '${reference.name}'`, uk: `текст показує ${raw}, але СОП не оголошує змінної «${reference.name}»` },
              suggestion(reference.name, variables) ?? { en: 'declare it under variables:, or fix the name', uk: 'оголосіть її у variables: або виправте назву' },
            ),
          );
        }
        if (reference.kind === 'contact' && !Object.prototype.hasOwnProperty.call(contacts, reference.name)) {
          findings.push(
            makeFinding(
              RULES.unknownContactReference,
              file,
              at,
              library.directory === undefined
                ? { en: `the text refers to ${raw}, but the library has no directory.yaml`, uk: `текст посилається на ${raw}, але в бібліотеці немає directory.yaml` }
                : { en: `the text refers to ${raw}, but the directory has no entry '${reference.name}'`, uk: `текст посилається на ${raw}, але в довіднику немає запису «${reference.name}»` },
              suggestion(reference.name, Object.keys(contacts)) ?? { en: 'add the entry to directory.yaml, or fix the id', uk: 'додайте запис до directory.yaml або виправте ідентифікатор' },
            ),
          );
        }
      }
      for (const number of literalNumbers(value, known)) {
        const id = known.get(digitsOf(number));
        findings.push(
          makeFinding(
            RULES.literalPhoneNumber,
            file,
            locate(loaded, valuePath, number),
            { en: `the text writes the number ${number} literally`, uk: `текст містить номер ${number} напряму` },
            id === undefined
              ? { en: 'add the service to directory.yaml and write {contact:its-id} instead', uk: 'додайте службу до directory.yaml і напишіть натомість {contact:її-id}' }
              : { en: `write {number:${id}} (the number) or {contact:${id}} (name and number) instead`, uk: `напишіть натомість {number:${id}} (номер) або {contact:${id}} (назва й номер)` },
          ),
        );
      }
    }
  }
  return findings;
}

/**
 * The texts a reader sees through the reference renderer: a step's text, script, guidance,
 * option labels and hints. Titles, outcome labels and branch labels are shown as written (in
 * summaries, statistics and diagrams), so a number there stays a number.
 */
function isRenderedWithReferences(path: Path): boolean {
  return path[0] === 'steps' && !path.includes('next');
}

/** Each translation of a text with its path (a plain string is one text for every language). */
function translations(text: Localized, path: Path): [string, Path][] {
  if (typeof text === 'string') return [[text, path]];
  return Object.entries(text).map(([language, value]) => [value, [...path, language]]);
}

function digitsOf(number: string): string {
  return number.replace(/\D/g, '');
}

/** Digits of every directory number -> the id of its entry. */
function directoryNumbers(directory: Directory | undefined): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const [id, contact] of Object.entries(directory?.contacts ?? {})) {
    for (const phone of contact.phone ?? []) if (!numbers.has(digitsOf(phone))) numbers.set(digitsOf(phone), id);
  }
  return numbers;
}

/** The phone numbers written in a text: directory numbers, and what looks like one. */
function literalNumbers(text: string, known: ReadonlyMap<string, string>): string[] {
  if (!/\d/.test(text)) return [];
  // The ids inside references ({contact:police-102}) are not numbers written out.
  const outside = replaceReferences(text, (reference) => ' '.repeat(reference.end - reference.start));
  const found: string[] = [];
  for (const match of outside.matchAll(DIGIT_RUN)) {
    const number = match[0].trim();
    const digits = digitsOf(number);
    const looksLikePhone = /^[+0]/.test(number) && digits.length >= 7;
    if (known.has(digits) || looksLikePhone) found.push(number);
  }
  return found;
}

/** Where `needle` first appears in the source at or below the text's first line; else the text's start. */
function locate(loaded: LoadedSop, path: Path, needle: string): Position | undefined {
  const start = loaded.positionOf(path);
  if (start === undefined) return undefined;
  for (let line = start.line; line < start.line + SEARCH_LINES; line++) {
    const source = sourceLine(loaded.positionOf, line);
    if (source === undefined) break;
    const from = line === start.line ? start.col - 1 : 0;
    const col = source.indexOf(needle, from);
    if (col !== -1) return { line, col: col + 1 };
  }
  return start;
}
