/**
 * `sop lsp`: a Language Server Protocol server on stdio. It keeps serving whatever comes: a
 * malformed message is answered with an error by the protocol library, a handler that fails
 * answers with an error, a file that vanishes or cannot be read becomes a diagnostic. It never
 * writes to the user's files; edits go back to the editor as WorkspaceEdits.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Connection, type Diagnostic } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveLang, type Lang } from '../i18n.js';
import { quickFixes } from './code-actions.js';
import { complete } from './completion.js';
import { toDiagnostic } from './diagnostics.js';
import { hoverFor } from './hover.js';
import { definitionOf, referencesOf, renameEdit } from './navigation.js';
import { codeLenses, documentSymbols } from './outline.js';
import { SymbolIndex } from './symbols-index.js';
import { isSopRunnerFile, Workspace } from './workspace.js';

export interface LspOptions {
  readonly lang: Lang;
  /** Milliseconds between the last change and the validation it starts. */
  readonly debounceMs?: number;
}

function langOf(locale: unknown, fallback: Lang): Lang {
  return resolveLang(locale) ?? fallback;
}

export function startServer(options: LspOptions): Connection {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  let lang: Lang = options.lang;
  let workspace = new Workspace(process.cwd());
  let index: SymbolIndex | undefined;
  const published = new Set<string>();
  const debounce = options.debounceMs ?? 15;

  const nameOfUri = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return workspace.nameOf(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  };
  const uriOf = (name: string): string => pathToFileURL(workspace.absoluteOf(name)).href;

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const publish = async (): Promise<void> => {
    const validation = await workspace.validate(new Date().toISOString().slice(0, 10));
    // The index is built when a feature first asks for it, not on the way to the diagnostics.
    index = undefined;
    const now = new Set<string>();
    for (const [file, findings] of validation.findingsByFile) {
      const text = workspace.textOf(file);
      const diagnostics: Diagnostic[] = findings.map((finding) => toDiagnostic(finding, text, lang));
      if (validation.broken.has(file)) {
        const lines = text === undefined ? 0 : text.split('\n').length;
        for (const finding of workspace.lastGoodOf(file)) if (finding.line <= lines) diagnostics.push(toDiagnostic(finding, text, lang, true));
      }
      const uri = uriOf(file);
      if (diagnostics.length === 0 && !published.has(uri)) continue;
      now.add(uri);
      if (diagnostics.length > 0) published.add(uri);
      else published.delete(uri);
      await connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of [...published]) {
      if (!now.has(uri)) {
        published.delete(uri);
        await connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
  };
  let wanted: { rescan: boolean; done: Promise<void>; resolve: () => void } | undefined;
  const schedule = (rescan = false): void => {
    clearTimeout(timer);
    if (wanted === undefined) {
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      wanted = { rescan, done, resolve };
    } else wanted.rescan ||= rescan;
    timer = setTimeout(() => {
      const current = wanted!;
      wanted = undefined;
      running = running
        .then(async () => {
          if (current.rescan) await workspace.rescan().catch((error: unknown) => connection.console.error(`sop lsp: ${String((error as Error)?.message ?? error)}`));
          await publish();
        })
        .catch((error: unknown) => connection.console.error(`sop lsp: ${String((error as Error)?.message ?? error)}`))
        .finally(current.resolve);
    }, debounce);
  };
  /** Features wait for the validation asked for or under way, then work on its index. */
  const ready = async (): Promise<SymbolIndex | undefined> => {
    if (wanted !== undefined) await wanted.done;
    await running;
    if (index === undefined && workspace.latest !== undefined) index = new SymbolIndex(workspace.latest, (file) => workspace.textOf(file));
    return index;
  };

  connection.onInitialize((params) => {
    lang = langOf((params.initializationOptions as { lang?: unknown } | undefined)?.lang ?? params.locale, options.lang);
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (typeof folder === 'string' && folder.startsWith('file:')) workspace = new Workspace(fileURLToPath(folder));
    else if (typeof params.rootPath === 'string') workspace = new Workspace(params.rootPath);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '[', ',', '/'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
      },
      serverInfo: { name: 'sop lsp' },
    };
  });
  connection.onInitialized(() => schedule(true));

  documents.onDidOpen(({ document }) => {
    const name = nameOfUri(document.uri);
    if (name === undefined) return;
    const known = workspace.open(name, document.getText());
    schedule(!known);
  });
  documents.onDidChangeContent(({ document }) => {
    const name = nameOfUri(document.uri);
    if (name === undefined) return;
    workspace.open(name, document.getText());
    schedule();
  });
  documents.onDidClose(({ document }) => {
    const name = nameOfUri(document.uri);
    if (name === undefined) return;
    workspace.close(name);
    schedule(true);
  });
  documents.onDidSave(() => schedule(true));
  connection.onDidChangeWatchedFiles(() => schedule(true));

  const occurrenceAt = async (uri: string, line: number, character: number) => {
    const name = nameOfUri(uri);
    const current = await ready();
    return name === undefined || current === undefined ? undefined : current.at(name, line, character);
  };

  connection.onCompletion(async ({ textDocument, position }) => {
    await ready();
    const name = nameOfUri(textDocument.uri);
    const text = documents.get(textDocument.uri)?.getText();
    if (name === undefined || text === undefined || workspace.latest === undefined || !isSopRunnerFile(name)) return [];
    return complete(workspace.latest, name, text, position, lang);
  });
  connection.onHover(async ({ textDocument, position }) => {
    const occurrence = await occurrenceAt(textDocument.uri, position.line, position.character);
    return occurrence === undefined || workspace.latest === undefined ? null : (hoverFor(workspace.latest, occurrence, lang) ?? null);
  });
  connection.onDefinition(async ({ textDocument, position }) => {
    const occurrence = await occurrenceAt(textDocument.uri, position.line, position.character);
    return occurrence === undefined || index === undefined ? [] : definitionOf(index, occurrence, uriOf);
  });
  connection.onReferences(async ({ textDocument, position, context }) => {
    const occurrence = await occurrenceAt(textDocument.uri, position.line, position.character);
    return occurrence === undefined || index === undefined ? [] : referencesOf(index, occurrence, context.includeDeclaration, uriOf);
  });
  connection.onPrepareRename(async ({ textDocument, position }) => {
    const occurrence = await occurrenceAt(textDocument.uri, position.line, position.character);
    return occurrence === undefined || occurrence.kind === 'outcome' ? null : { range: occurrence.range, placeholder: occurrence.id };
  });
  connection.onRenameRequest(async ({ textDocument, position, newName }) => {
    const occurrence = await occurrenceAt(textDocument.uri, position.line, position.character);
    if (occurrence === undefined || index === undefined) return null;
    return renameEdit(index, occurrence, newName, lang, uriOf);
  });
  connection.onDocumentSymbol(async ({ textDocument }) => {
    const current = await ready();
    const name = nameOfUri(textDocument.uri);
    return name === undefined || current === undefined || workspace.latest === undefined ? [] : documentSymbols(workspace.latest, current, name);
  });
  connection.onCodeLens(async ({ textDocument }) => {
    const current = await ready();
    const name = nameOfUri(textDocument.uri);
    return name === undefined || current === undefined || workspace.latest === undefined ? [] : codeLenses(workspace.latest, current, name, lang);
  });
  connection.onCodeAction(async ({ textDocument, context }) => {
    await ready();
    const text = documents.get(textDocument.uri)?.getText();
    return text === undefined ? [] : quickFixes(textDocument.uri, text, context.diagnostics, lang);
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
