/**
 * Parses one YAML file into a plain value plus a position map, turning every YAML problem into
 * a finding at its position: syntax errors (all of them), several documents, tabs, duplicate
 * keys, unknown aliases, alias bombs, empty files. Never throws on hostile input.
 *
 * The value is built by one walk over yaml's node tree (not doc.toJS()), which records the
 * positions at the same time and bounds alias expansion.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type ParsedNode } from 'yaml';
// Still inline { en, uk } pairs, composed from one another (not yet in the catalogues).
import type { InlineMessage as Message } from '../model/message.js';
import type { Finding } from '../findings/finding.js';
import { makeFinding } from '../findings/make-finding.js';
import { pluralUk } from '../model/plural-uk.js';
import { RULES } from '../findings/rules.js';
import { offsetToPosition, TAPE_LEAF, TAPE_MAP, TAPE_SEQ, type PositionTape } from './position-map.js';
import { yamlErrorText } from './yaml-error-text.js';
import { findUnclosed } from './find-unclosed.js';
import { refOf, type Finding as FindingType } from '../findings/finding.js';
import { say } from '../model/message.js';

export interface ParsedYaml {
  /** The document's value; undefined when the file is empty or could not be parsed at all. */
  readonly value: unknown;
  /** The position tape, or a function producing it (a cached parse decodes it only when asked). */
  readonly positions: PositionTape | (() => PositionTape);
  /** YAML-level findings (syntax, duplicate keys, several documents...). */
  readonly findings: readonly Finding[];
}

/** Nodes that aliases may add, beyond the text's own size: stops "billion laughs" documents. */
const ALIAS_NODE_BUDGET = 100_000;

class AliasBombError extends Error {}

const TOO_DEEP: Message = { en: 'the document is nested too deeply to read', uk: 'документ має забагато рівнів вкладення, його не вдається прочитати' };

export function parseYaml(text: string, file: string): ParsedYaml {
  const toPosition = offsetToPosition(text);
  const findings: Finding[] = [];
  const positions: PositionTape = [];

  let documents: Document.Parsed[] | unknown;
  try {
    documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  } catch (error) {
    // The parser reports problems as errors; a throw is its own failure (e.g. the stack).
    const detail = String((error as Error)?.message ?? error);
    const message = error instanceof RangeError ? TOO_DEEP : { en: `the YAML parser failed: ${detail}`, uk: `збій розбору YAML: ${detail}` };
    findings.push(makeFinding(RULES.yamlSyntax, file, { line: 1, col: 1 }, message));
    return { value: undefined, positions, findings };
  }
  const list: Document.Parsed[] = Array.isArray(documents) ? (documents as Document.Parsed[]) : [];
  const syntaxStart = findings.length;
  for (const document of list) {
    for (const error of document.errors) {
      const rule = error.code === 'DUPLICATE_KEY' ? RULES.duplicateKey : RULES.yamlSyntax;
      const hint: Message | undefined =
        error.code === 'TAB_AS_INDENT'
          ? { en: 'indent with spaces, not tabs', uk: 'робіть відступи пробілами, а не табуляцією' }
          : error.code === 'DUPLICATE_KEY'
            ? { en: 'remove or rename one of the two entries', uk: 'видаліть або перейменуйте один із двох записів' }
            : undefined;
      const key = error.code === 'DUPLICATE_KEY' ? quoteSource(text, error.pos[0]) : undefined;
      const message: Message =
        key !== undefined
          ? { en: `the key ${key.en} appears twice in the same mapping`, uk: `ключ ${key.uk} повторюється в тому самому відображенні` }
          : /call stack/i.test(error.message)
            ? TOO_DEEP
            : yamlErrorText(error.code, sentence(error.message));
      findings.push(makeFinding(rule, file, toPosition(error.pos[0]), message, hint ?? structureHint(text, error.code, toPosition(error.pos[0]).line)));
    }
  }
  foldSyntaxErrors(findings, syntaxStart, text, file, toPosition);
  if (list.length > 1) {
    const second = list[1]!;
    findings.push(
      makeFinding(
        RULES.multipleDocuments,
        file,
        toPosition(second.range[0]),
        {
          en: `the file holds ${list.length} YAML documents; only one is allowed`,
          uk: `файл містить ${pluralUk(list.length, 'YAML-документ', 'YAML-документи', 'YAML-документів')}; дозволено лише один`,
        },
        { en: "remove the '---' separator and put each SOP in its own file", uk: 'приберіть роздільник «---» і покладіть кожну СОП в окремий файл' },
      ),
    );
  }
  const first = list[0];
  if (first === undefined || first.contents === null) {
    if (findings.length === 0) {
      const message =
        text.trim() === ''
          ? { en: 'the file is empty', uk: 'файл порожній' }
          : { en: 'the file has only comments: there is nothing to load', uk: 'у файлі лише коментарі: нема чого завантажувати' };
      findings.push(makeFinding(RULES.emptyFile, file, { line: 1, col: 1 }, message, { en: 'write the SOP, or delete the file', uk: 'напишіть СОП або видаліть файл' }));
    }
    return { value: undefined, positions, findings };
  }

  let budget = ALIAS_NODE_BUDGET + text.length;
  // Records each node on the position tape (see position-map.ts) as it builds the value.
  const tape = positions;
  const walk = (node: ParsedNode | Node | null, viaAlias: boolean): unknown => {
    if (node === null) {
      if (!viaAlias) tape.push(-1, TAPE_LEAF);
      return null;
    }
    if (viaAlias && --budget < 0) throw new AliasBombError();
    const offset = node.range ? node.range[0] : -1;
    if (isScalar(node)) {
      if (!viaAlias) tape.push(offset, TAPE_LEAF);
      const value = node.value;
      return typeof value === 'bigint' ? Number(value) : value;
    }
    if (isMap(node)) {
      let countAt = -1;
      if (!viaAlias) {
        tape.push(offset, TAPE_MAP, 0);
        countAt = tape.length - 1;
      }
      let count = 0;
      const result: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        if (!isScalar(keyNode)) {
          const at = (keyNode as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0;
          findings.push(
            makeFinding(RULES.yamlSyntax, file, toPosition(at), {
              en: 'a mapping key must be a plain word, not a list or mapping',
              uk: 'ключ відображення має бути простим словом, а не списком чи відображенням',
            }),
          );
          continue;
        }
        const name = String(keyNode.value);
        if (!viaAlias) {
          tape.push(name, keyNode.range ? keyNode.range[0] : offset);
          count++;
        }
        const value = walk(pair.value as Node | null, viaAlias);
        if (name === '__proto__') Object.defineProperty(result, name, { value, enumerable: true, writable: true, configurable: true });
        else result[name] = value;
      }
      if (countAt >= 0) tape[countAt] = count;
      return result;
    }
    if (isSeq(node)) {
      const items = node.items;
      if (!viaAlias) tape.push(offset, TAPE_SEQ, items.length);
      const result: unknown[] = new Array(items.length);
      for (let index = 0; index < items.length; index++) result[index] = walk(items[index] as Node | null, viaAlias);
      return result;
    }
    if (isAlias(node)) {
      if (!viaAlias) tape.push(offset, TAPE_LEAF);
      const target = node.resolve(first);
      if (target === undefined) {
        findings.push(
          makeFinding(
            RULES.yamlSyntax,
            file,
            toPosition(node.range?.[0] ?? 0),
            { en: `unknown alias *${node.source}`, uk: `невідомий псевдонім *${node.source}` },
            { en: `define the anchor &${node.source} before using it`, uk: `визначте якір &${node.source} до того, як його використовувати` },
          ),
        );
        return null;
      }
      return walk(target, true);
    }
    if (!viaAlias) tape.push(offset, TAPE_LEAF);
    return null;
  };

  let value: unknown;
  try {
    value = walk(first.contents, false);
  } catch (error) {
    if (error instanceof RangeError) {
      findings.push(makeFinding(RULES.yamlSyntax, file, { line: 1, col: 1 }, TOO_DEEP));
      return { value: undefined, positions, findings };
    }
    if (!(error instanceof AliasBombError)) throw error;
    findings.push(
      makeFinding(
        RULES.aliasLimit,
        file,
        toPosition(first.contents.range?.[0] ?? 0),
        {
          en: 'YAML aliases (*name) expand to far more data than the file holds; the file was not loaded',
          uk: 'псевдоніми YAML (*name) розгортаються в набагато більше даних, ніж є у файлі; файл не завантажено',
        },
        { en: 'write the repeated parts out, or use fewer nested aliases', uk: 'випишіть повторювані частини повністю або вкладайте менше псевдонімів' },
      ),
    );
    return { value: undefined, positions, findings };
  }
  return { value, positions, findings };
}

function sentence(message: string): string {
  const trimmed = message.trim();
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

/** The key written at `start`: up to the colon (or the end of the line), quoted unless cut short. */
function quoteSource(text: string, start: number): Message {
  const line = text.slice(start).split('\n', 1)[0]!;
  const match = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#]*?)\s*(:|$)/.exec(line);
  const raw = (match?.[1] ?? line).trim();
  if (raw.length > 60) return { en: `${raw.slice(0, 57)}...`, uk: `${raw.slice(0, 57)}...` };
  return { en: `'${raw}'`, uk: `«${raw}»` };
}

/** Errors of the file's structure, where the indentation (or a missing colon) is the usual cause. */
const STRUCTURE_CODES = new Set(['BAD_INDENT', 'MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY', 'UNEXPECTED_TOKEN']);

function lineText(text: string, line: number): string {
  return text.split('\n', line)[line - 1] ?? '';
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * A hint in words for a structure error, instead of only the parser's "implicit keys need to be on
 * a single line": a key without its colon, or a line indented differently from the one above it.
 */
function structureHint(text: string, code: string, line: number): Message | undefined {
  if (!STRUCTURE_CODES.has(code)) return undefined;
  const here = lineText(text, line);
  const word = here.trim();
  if (/^[\w-]+$/.test(word)) {
    return { en: `a key needs a colon after it: '${word}:'`, uk: `після ключа потрібна двокрапка: «${word}:»` };
  }
  let above = line - 1;
  while (above > 0 && /^\s*(#.*)?$/.test(lineText(text, above))) above--;
  if (above < 1 || here.trim() === '') {
    return { en: 'check the indentation: keys of one mapping start in the same column', uk: 'перевірте відступи: ключі одного відображення починаються в тому самому стовпці' };
  }
  const mine = indentOf(here);
  const theirs = indentOf(lineText(text, above));
  const spaces = (n: number): Message => ({ en: `${n} ${n === 1 ? 'space' : 'spaces'}`, uk: pluralUk(n, 'пробіл', 'пробіли', 'пробілів') });
  return {
    en: `check the indentation: line ${line} starts after ${spaces(mine).en}, line ${above} after ${spaces(theirs).en}; keys of one mapping start in the same column, and what belongs to a key is indented further, with spaces`,
    uk: `перевірте відступи: рядок ${line} починається після ${spaces(mine).uk}, рядок ${above} — після ${spaces(theirs).uk}; ключі одного відображення починаються в тому самому стовпці, а те, що належить ключу, має більший відступ (пробілами)`,
  };
}

const OPENERS: { readonly [char: string]: { readonly what: Message; readonly close: string } } = {
  '[': { what: { en: "the list opened here with '['", uk: 'список, відкритий тут дужкою «[»,' }, close: ']' },
  '{': { what: { en: "the mapping opened here with '{'", uk: 'відображення, відкрите тут дужкою «{»,' }, close: '}' },
  '"': { what: { en: 'the text opened here with "', uk: 'текст, відкритий тут лапкою ",' }, close: '"' },
  "'": { what: { en: "the text opened here with '", uk: "текст, відкритий тут лапкою ',"}, close: "'" },
};

/**
 * One YAML mistake often makes the parser report several errors, all after the line where it
 * began. The first becomes the root cause and the rest carry it as their cause (the formats fold
 * them). Where a bracket or quote was left open, the root is a finding at the line that opened it
 * ("opened here"), with the parser's first complaint in its hint. Tabs and duplicate keys are
 * problems of their own and stay as they are.
 */
function foldSyntaxErrors(findings: FindingType[], start: number, text: string, file: string, toPosition: (offset: number) => { line: number; col: number }): void {
  const foldable = (f: FindingType): boolean => f.rule === RULES.yamlSyntax.code && !/^tabs /.test(say('en', f.message));
  const syntax = findings.slice(start).filter(foldable);
  if (syntax.length === 0) return;
  const first = syntax.reduce((a, b) => (b.line < a.line || (b.line === a.line && b.col < a.col) ? b : a));
  const unclosed = findUnclosed(text);
  let root: FindingType = first;
  if (unclosed !== undefined) {
    const at = toPosition(unclosed.offset);
    if (at.line < first.line || (at.line === first.line && at.col <= first.col)) {
      const opener = OPENERS[unclosed.char]!;
      root = makeFinding(
        RULES.yamlSyntax,
        file,
        at,
        { en: `${opener.what.en} is never closed`, uk: `${opener.what.uk} не закрито` },
        {
          en: `close it with ${opener.close} where it should end (the YAML parser noticed only at line ${first.line}: ${say('en', first.message)})`,
          uk: `закрийте його символом ${opener.close} там, де воно має закінчитися (розбір YAML помітив це лише в рядку ${first.line}: ${say('uk', first.message)})`,
        },
      );
      findings.splice(start, 0, root);
    }
  }
  const cause = refOf(root);
  for (let index = start; index < findings.length; index++) {
    const finding = findings[index]!;
    if (finding !== root && foldable(finding)) findings[index] = { ...finding, cause };
  }
}
