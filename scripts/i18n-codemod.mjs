#!/usr/bin/env node
// Moves the tool's inline words, `{ en: '…', uk: '…' }` pairs in src/, into the catalogues
// (locales/en.ftl, locales/uk.ftl) and puts `msg('key', { args })` in their place.
//
//   node scripts/i18n-codemod.mjs [files or folders...]     (default: the SLICE below)
//   node scripts/i18n-codemod.mjs --check [files...]         (lists what it would move; writes nothing)
//
// Rerunnable: a pair already moved is no longer inline, and a pair whose words a catalogue already
// has under a key gets that key again, so a rerun after merging main moves only what main added.
// What it leaves inline, and says so: pairs whose two sides do not interpolate the same values
// (a plural written out in code, a nested message chosen by language) and texts that are not
// plain strings or templates. Those are moved by hand (docs/translating.md).
//
// Keys: <area>-<name>. The area is the file's folder and name (tui-render-step), or for a words
// file its area alone (tui/words.ts: tui, training-words.ts: training); the name is the property
// the pair is the value of (WORDS.noteSaved: tui-note-saved), else the first English words.
import ts from 'typescript';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOCALES = join(ROOT, 'locales');
const MESSAGE_MODULE = join(ROOT, 'src/core/model/message.js');

/** The files moved so far: the call screen, training, and the run, resume and train commands. */
export const SLICE = [
  'src/shell/tui',
  'src/core/training',
  'src/core/render/words.ts',
  'src/core/render/reference-words.ts',
  'src/shell/commands/run.ts',
  'src/shell/commands/train.ts',
  'src/shell/commands/resume.ts',
  'src/shell/cli/define-resume.ts',
  'src/shell/cli/define-run.ts',
  'src/shell/cli/define-train.ts',
  'src/shell/cli/texts.ts',
];

const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const targets = args.filter((arg) => arg !== '--check');
const files = (targets.length ? targets : SLICE).flatMap((target) => tsFiles(join(ROOT, target)));

const catalogues = { en: readCatalogue('en'), uk: readCatalogue('uk') };
const known = new Map(); // "en\0uk" (encoded) -> key
for (const [key, en] of catalogues.en.entries) {
  const uk = catalogues.uk.entries.get(key);
  if (uk !== undefined) known.set(`${en}\0${uk}`, key);
}
const taken = new Set([...catalogues.en.entries.keys(), ...catalogues.uk.entries.keys()]);

let moved = 0;
const leftInline = [];
for (const file of files) {
  const result = moveFile(file);
  moved += result.moved;
  leftInline.push(...result.left);
}
if (!checkOnly) {
  writeCatalogue('en', catalogues.en);
  writeCatalogue('uk', catalogues.uk);
}
console.log(`${checkOnly ? 'would move' : 'moved'} ${moved} message(s) from ${files.length} file(s); ${leftInline.length} left inline`);
for (const line of leftInline) console.log(`  inline: ${line}`);

function tsFiles(path) {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  return readdirSync(path)
    .sort()
    .flatMap((name) => tsFiles(join(path, name)));
}

// ---- catalogues: entries keyed in file order, each entry's Fluent text as written -----------

function readCatalogue(lang) {
  const file = join(LOCALES, `${lang}.ftl`);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const entries = new Map();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([a-zA-Z][\w-]*) =(.*)$/.exec(lines[i]);
    if (!match) continue;
    const body = [match[2]];
    while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1])) body.push(lines[++i]);
    entries.set(match[1], body.join('\n'));
  }
  return { file, text, entries, added: [] };
}

function writeCatalogue(lang, catalogue) {
  if (catalogue.added.length === 0) return;
  let text = catalogue.text;
  let section;
  for (const { key, body, from } of catalogue.added) {
    if (from !== section) {
      text += `${text === '' || text.endsWith('\n\n') ? '' : '\n'}## ${from}\n\n`;
      section = from;
    }
    text += `${key} =${body}\n`;
  }
  writeFileSync(catalogue.file, text);
}

// ---- one file ------------------------------------------------------------------------------

function moveFile(file) {
  const source = readFileSync(file, 'utf8');
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const left = [];
  const from = relative(ROOT, file);
  const area = areaOf(from);
  const visit = (node) => {
    const pair = ts.isObjectLiteralExpression(node) ? inlinePair(node) : undefined;
    if (pair === undefined) return ts.forEachChild(node, visit);
    const where = `${from}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const message = fluentPair(pair.en, pair.uk);
    if (typeof message === 'string') {
      left.push(`${where}: ${message}`);
      return;
    }
    const key = keyFor(node, area, message, pair, from);
    const call = message.args.length === 0 ? `msg('${key}')` : `msg('${key}', { ${message.args.map(({ name, code }) => (name === code ? name : `${name}: ${code}`)).join(', ')} })`;
    edits.push({ start: node.getStart(), end: node.getEnd(), text: call });
  };
  visit(tree);
  if (edits.length > 0 && !checkOnly) {
    let text = source;
    for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    writeFileSync(file, withMsgImport(text, file));
  }
  return { moved: edits.length, left };
}

/** `{ en: <text>, uk: <text> }` and nothing else, or undefined. */
function inlinePair(node) {
  if (node.properties.length !== 2) return undefined;
  const sides = {};
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property)) return undefined;
    const name = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
    if (name !== 'en' && name !== 'uk') return undefined;
    sides[name] = property.initializer;
  }
  return sides.en && sides.uk ? sides : undefined;
}

/**
 * Both sides as Fluent text with the same arguments, or why not (a string). An argument is each
 * `${expression}`; `${x.en}` beside `${x.uk}` is one argument x, a message said in the language.
 */
function fluentPair(en, uk) {
  const a = parts(en);
  const b = parts(uk);
  if (typeof a === 'string') return a;
  if (typeof b === 'string') return b;
  const codeOf = (expression, lang) => expression.replace(new RegExp(`\\.${lang}$`), '');
  const aCodes = a.filter((p) => p.code !== undefined).map((p) => codeOf(p.code, 'en'));
  const bCodes = b.filter((p) => p.code !== undefined).map((p) => codeOf(p.code, 'uk'));
  if ([...aCodes].sort().join('\n') !== [...bCodes].sort().join('\n')) return 'the two sides interpolate different values';
  const args = [];
  const nameOf = new Map();
  for (const code of aCodes) {
    if (nameOf.has(code)) continue;
    let name = argName(code);
    for (let n = 2; args.some((arg) => arg.name === name); n++) name = `${argName(code)}${n}`;
    nameOf.set(code, name);
    args.push({ name, code });
  }
  const text = (list, lang) => encode(list.map((p) => (p.code === undefined ? { text: p.text } : { arg: nameOf.get(codeOf(p.code, lang)) })));
  return { en: text(a, 'en'), uk: text(b, 'uk'), args };
}

/** A side's literal text and interpolated expressions, in order; a string says why it cannot move. */
function parts(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [{ text: node.text }];
  if (!ts.isTemplateExpression(node)) return `not a plain text (${ts.SyntaxKind[node.kind]})`;
  const list = [{ text: node.head.text }];
  for (const span of node.templateSpans) {
    if (containsText(span.expression)) return 'an interpolation holds words of its own';
    list.push({ code: span.expression.getText() }, { text: span.literal.text });
  }
  return list;
}

/** An expression with a string or template inside (a condition choosing words) is not moved blindly. */
function containsText(node) {
  if (ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  if (ts.isStringLiteral(node)) return /\p{L}{2,}/u.test(node.text) && !ts.isCallExpression(node.parent);
  return ts.forEachChild(node, containsText) === true;
}

/**
 * The argument's name in the catalogue and in the call, a JS and a Fluent identifier alike:
 * found.file -> file, safeLine(found.file) -> file, KEYS.join(', ') -> keys,
 * lines.length -> linesCount, from + 1 -> from.
 */
function argName(code) {
  const unwrapped = /^[A-Za-z_$][\w$]*\(([^(),]+)\)$/.exec(code);
  if (unwrapped) return argName(unwrapped[1].trim());
  const length = /([A-Za-z_$][\w$]*)\.length$/.exec(code);
  if (length) return `${camel(length[1])}Count`;
  const method = /^([A-Za-z_$][\w$.]*?)\.[A-Za-z_$][\w$]*\([^]*\)$/.exec(code);
  if (method) return argName(method[1]);
  const path = /^[A-Za-z_$][\w$]*(?:[?!]?\.[A-Za-z_$][\w$]*)*[!]?$/.exec(code);
  if (path) return camel(/([A-Za-z_$][\w$]*)[!]?$/.exec(code)[1]);
  const first = /[A-Za-z_][\w]*/.exec(code);
  return first ? camel(first[0]) : 'value';
}

/** KEYS -> keys, max_visits -> maxVisits: an identifier that starts with a letter. */
function camel(name) {
  const words = name.replace(/^[^A-Za-z]+/, '').split(/[_$]+/).filter(Boolean);
  if (words.length === 0) return 'value';
  const [head, ...rest] = words;
  const lower = head === head.toUpperCase() ? head.toLowerCase() : head;
  return lower + rest.map((word) => word[0].toUpperCase() + word.slice(1).toLowerCase()).join('');
}

// ---- Fluent text -----------------------------------------------------------------------------

function literal(text) {
  return `{ "${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\u0009')}" }`;
}

/**
 * Fluent text for a list of pieces: braces escaped, arguments as { $name }, and the whitespace
 * Fluent would trim (at the ends, or a line's indentation) kept as a string literal. A text of
 * several lines is written as Fluent's indented block.
 */
function encode(pieces) {
  let raw = '';
  for (const piece of pieces) raw += piece.arg !== undefined ? `\u0000${piece.arg}\u0001` : piece.text.replace(/[{}]/g, (c) => `\u0002${c}\u0003`);
  const finish = (line) =>
    line
      .replace(/\u0000([\w-]+)\u0001/g, '{ $$$1 }')
      .replace(/\u0002(.)\u0003/g, (_, c) => literal(c));
  const all = raw.split('\n');
  // Fluent removes the indentation the lines of a block share: one line is kept at the block's
  // own indentation (its spaces written as a literal) so the others keep theirs.
  const indented = all.length > 1 && all.every((line) => line.trim() === '' || /^\s/.test(line));
  const firstText = all.findIndex((line) => line.trim() !== '');
  const lines = all.map((line, index) => {
    let out = line;
    if (all.length === 1 || (indented && index === firstText)) out = out.replace(/^(\s+)/, (space) => literal(space));
    out = out.replace(/(\S)(\s+)$/, (_, last, space) => `${last}${literal(space)}`);
    out = out.replace(/^(\s*)([[*.])/, (_, space, mark) => `${space}${literal(mark)}`);
    if (out.trim() === '' && (index === 0 || index === all.length - 1) && all.length > 1) out = literal('');
    return finish(out);
  });
  return lines.length === 1 ? (lines[0] === '' ? ` ${literal('')}` : ` ${lines[0]}`) : `\n${lines.map((line) => (line === '' ? '' : `    ${line}`)).join('\n')}`;
}

// ---- keys ------------------------------------------------------------------------------------

function areaOf(path) {
  const stem = basename(path, '.ts');
  const folder = basename(dirname(path));
  if (stem === 'words') return folder;
  if (stem.endsWith('-words')) return stem.slice(0, -'-words'.length);
  return `${folder}-${stem}`;
}

function keyFor(node, area, message, pair, from) {
  const reuse = known.get(`${message.en}\0${message.uk}`);
  if (reuse !== undefined) return reuse;
  const path = propertyPath(node);
  const base = `${area}-${path.length ? path.map(kebab).join('-') : slug(pair.en.getText())}`;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  known.set(`${message.en}\0${message.uk}`, key);
  catalogues.en.added.push({ key, body: message.en, from });
  catalogues.uk.added.push({ key, body: message.uk, from });
  return key;
}

/**
 * WORDS.category.emergency -> [category, emergency]; a pair returned by a property's function
 * counts as that property; `const SENSITIVE = { en, uk }` -> [SENSITIVE].
 */
function propertyPath(node) {
  const path = [];
  for (let at = node.parent; at; at = at.parent) {
    if (ts.isPropertyAssignment(at)) path.unshift(propertyName(at.name));
    else if (ts.isArrowFunction(at) || ts.isParenthesizedExpression(at) || ts.isObjectLiteralExpression(at) || ts.isSatisfiesExpression(at) || ts.isAsExpression(at)) continue;
    else if (ts.isVariableDeclaration(at)) return path.length === 0 && ts.isIdentifier(at.name) ? [at.name.text] : path;
    else break;
  }
  return [];
}

function propertyName(name) {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText();
}

function kebab(name) {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

function slug(code) {
  const words = code
    .replace(/\$\{[^}]*\}/g, ' ')
    .toLowerCase()
    .match(/[a-z0-9]+/g) ?? ['text'];
  return words.slice(0, 5).join('-');
}

function withMsgImport(text, file) {
  if (/import \{[^}]*\bmsg\b[^}]*\} from/.test(text)) return text;
  let path = relative(dirname(file), MESSAGE_MODULE);
  if (!path.startsWith('.')) path = `./${path}`;
  const line = `import { msg } from '${path}';`;
  const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imports = tree.statements.filter((statement) => ts.isImportDeclaration(statement));
  const at = imports.length ? imports.at(-1).getEnd() : 0;
  return `${text.slice(0, at)}${at ? '\n' : ''}${line}${at ? '' : '\n'}${text.slice(at)}`;
}
