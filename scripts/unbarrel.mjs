// One-off codemod (kept for the record, see the commit): rewrites every import through a
// folder's index.ts into imports from the files that declare the names, so the code imports
// one way only (deep paths). Run: node scripts/unbarrel.mjs
import ts from 'typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const config = ts.getParsedCommandLineOfConfigFile(resolve(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const files = ts.sys.readDirectory(root, ['.ts'], ['node_modules', 'dist'], ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts']);
const program = ts.createProgram(files, { ...config.options, noEmit: true });
const checker = program.getTypeChecker();

function declaringFile(symbol) {
  // Follow re-exports only through index files: the first other file that exports the name
  // (possibly itself a re-export under another name) is where the import now points.
  let current = checker.getImmediateAliasedSymbol(symbol) ?? symbol;
  for (;;) {
    const file = current.declarations?.[0]?.getSourceFile().fileName;
    if (!file?.endsWith('/index.ts') || !(current.flags & ts.SymbolFlags.Alias)) return fileOfExport(current, file);
    current = checker.getImmediateAliasedSymbol(current) ?? current;
  }
}

/** The file an export specifier lives in (for `export { a } from './x.js'` in index.ts: ./x.ts). */
function fileOfExport(symbol, file) {
  const declaration = symbol.declarations?.[0];
  if (declaration && ts.isExportSpecifier(declaration) && file?.endsWith('/index.ts')) {
    const target = checker.getImmediateAliasedSymbol(symbol);
    return target?.declarations?.[0]?.getSourceFile().fileName ?? file;
  }
  return file;
}

function specifierFor(fromFile, targetFile) {
  let path = relative(dirname(fromFile), targetFile).replace(/\.ts$/, '.js');
  if (!path.startsWith('.')) path = `./${path}`;
  return path;
}

let rewritten = 0;
for (const source of program.getSourceFiles()) {
  if (source.isDeclarationFile || source.fileName.includes('node_modules') || !files.includes(source.fileName)) continue;
  const edits = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const moduleName = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
    if (!moduleName || !/(^|\/)index\.js$/.test(moduleName) || !moduleName.startsWith('.')) continue;
    if (source.fileName.endsWith('/index.ts')) continue;
    const isExport = ts.isExportDeclaration(statement);
    const typeOnlyWhole = isExport ? statement.isTypeOnly : statement.importClause?.isTypeOnly === true;
    const elements = isExport
      ? statement.exportClause && ts.isNamedExports(statement.exportClause) ? statement.exportClause.elements : undefined
      : statement.importClause?.namedBindings && ts.isNamedImports(statement.importClause.namedBindings) ? statement.importClause.namedBindings.elements : undefined;
    if (!elements || (!isExport && statement.importClause?.name)) throw new Error(`${source.fileName}: cannot rewrite ${statement.getText()}`);
    const byFile = new Map();
    for (const element of elements) {
      const symbol = checker.getSymbolAtLocation(element.propertyName ?? element.name);
      const target = symbol && declaringFile(symbol);
      if (!target) throw new Error(`${source.fileName}: no declaration for ${element.getText()}`);
      const list = byFile.get(target) ?? [];
      list.push((typeOnlyWhole ? '' : element.isTypeOnly ? 'type ' : '') + (element.propertyName ? `${element.propertyName.text} as ${element.name.text}` : element.name.text));
      byFile.set(target, list);
    }
    const keyword = isExport ? 'export' : 'import';
    const lines = [...byFile].map(([target, names]) => {
      const allTypes = !typeOnlyWhole && names.every((name) => name.startsWith('type '));
      const shown = allTypes ? names.map((name) => name.slice(5)) : names;
      return `${keyword} ${typeOnlyWhole || allTypes ? 'type ' : ''}{ ${shown.join(', ')} } from '${specifierFor(source.fileName, target)}';`;
    });
    edits.push({ start: statement.getStart(), end: statement.getEnd(), text: lines.join('\n') });
  }
  if (edits.length === 0) continue;
  let text = source.getFullText();
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  writeFileSync(source.fileName, text);
  rewritten += edits.length;
}
console.log(`rewrote ${rewritten} imports`);
