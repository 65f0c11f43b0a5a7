/**
 * The check of the catalogues (locales/*.ftl) against each other and against the code, as
 * `sop validate` checks an SOP's translations: every key in every catalogue, no key the code
 * does not use, the same placeholders everywhere, and every msg() call naming its key literally
 * with the arguments its English text uses. Returns the problems, one line each.
 */
import { FluentResource } from '@fluent/bundle';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface CatalogueEntry {
  readonly key: string;
  readonly variables: ReadonlySet<string>;
}

/** A catalogue's messages and the variables each one uses; a line Fluent cannot read is a problem. */
export function readCatalogue(file: string, problems: string[] = []): Map<string, CatalogueEntry> {
  const text = readFileSync(file, 'utf8');
  const resource = new FluentResource(text);
  const entries = new Map<string, CatalogueEntry>();
  for (const message of resource.body) {
    if (message.id.startsWith('-')) continue; // a term: shared words, not a message
    entries.set(message.id, { key: message.id, variables: variablesOf(message.value) });
  }
  // FluentResource skips what it cannot parse; every "key =" line must have become a message.
  const written = [...text.matchAll(/^(-?[a-zA-Z][\w-]*) *=/gm)].map((match) => match[1]!).filter((id) => !id.startsWith('-'));
  for (const id of written) if (!entries.has(id)) problems.push(`${file}: '${id}' cannot be read as Fluent`);
  return entries;
}

function variablesOf(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) variablesOf(item, into);
  else if (node !== null && typeof node === 'object') {
    const record = node as { type?: string; name?: string };
    if (record.type === 'var' && typeof record.name === 'string') into.add(record.name);
    for (const value of Object.values(record)) variablesOf(value, into);
  }
  return into;
}

export interface MessageUse {
  readonly key: string | undefined;
  readonly args: readonly string[] | undefined;
  readonly where: string;
}

/** Every msg(...) call in the .ts files under `folder`: its key (undefined when not a literal) and argument names. */
export function messageUses(folder: string, root: string): MessageUse[] {
  const uses: MessageUse[] = [];
  for (const file of tsFiles(folder)) {
    const tree = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg') {
        const [keyNode, argsNode] = node.arguments;
        const where = `${relative(root, file)}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const key = keyNode !== undefined && ts.isStringLiteral(keyNode) ? keyNode.text : undefined;
        const args = argsNode === undefined ? [] : ts.isObjectLiteralExpression(argsNode) ? argsNode.properties.map((p) => p.name?.getText() ?? '?') : undefined;
        uses.push({ key, args, where });
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return uses;
}

function tsFiles(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith('.ts') ? [path] : [];
  return readdirSync(path)
    .sort()
    .flatMap((name) => tsFiles(join(path, name)));
}

/** The problems of the catalogues in `locales` against English and against the code's uses. */
export function checkCatalogues(locales: string, uses: readonly MessageUse[]): string[] {
  const problems: string[] = [];
  const languages = readdirSync(locales).filter((name) => name.endsWith('.ftl')).map((name) => name.slice(0, -4));
  const catalogues = new Map(languages.map((lang) => [lang, readCatalogue(join(locales, `${lang}.ftl`), problems)]));
  const english = catalogues.get('en');
  if (english === undefined) return [`${locales}: no en.ftl (English is every other language's fallback)`];
  const same = (a: ReadonlySet<string>, b: Iterable<string>): boolean => {
    const list = [...b];
    return a.size === new Set(list).size && list.every((name) => a.has(name));
  };
  const names = (set: Iterable<string>): string => [...set].sort().join(', ') || 'none';

  for (const [lang, catalogue] of catalogues) {
    if (lang === 'en') continue;
    for (const [key, entry] of english) {
      const translated = catalogue.get(key);
      if (translated === undefined) problems.push(`${lang}.ftl: missing key '${key}'`);
      else if (!same(entry.variables, translated.variables)) {
        problems.push(`${lang}.ftl: '${key}' has placeholders ${names(translated.variables)}, English has ${names(entry.variables)}`);
      }
    }
    for (const key of catalogue.keys()) if (!english.has(key)) problems.push(`${lang}.ftl: key '${key}' is not in en.ftl`);
  }
  const used = new Set<string>();
  for (const use of uses) {
    if (use.key === undefined) {
      problems.push(`${use.where}: msg() needs its key as a literal string, so that this check can find it`);
      continue;
    }
    used.add(use.key);
    const entry = english.get(use.key);
    if (entry === undefined) problems.push(`${use.where}: key '${use.key}' is not in en.ftl`);
    else if (use.args !== undefined && !same(entry.variables, use.args)) {
      problems.push(`${use.where}: '${use.key}' is given ${names(use.args)}, its English uses ${names(entry.variables)}`);
    }
  }
  for (const key of english.keys()) if (!used.has(key)) problems.push(`en.ftl: key '${key}' is used nowhere in the code`);
  return problems;
}
