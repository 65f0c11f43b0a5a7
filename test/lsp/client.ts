/** Starts the BUILT `sop lsp --stdio` and talks to it as an editor does (vscode-jsonrpc over stdio). */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from '../cli-test/run-sop.js';

export interface Lsp {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  readonly root: string;
  uri(file: string): string;
  /** The next publishDiagnostics for `uri` that satisfies `until` (default: any). */
  diagnostics(uri: string, until?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  exited: Promise<number | null>;
}

/** A copy of the shipped library in a temporary workspace (the server never writes; a copy keeps the test honest if it did). */
export function workspaceCopy(withSops = true): string {
  const root = mkdtempSync(join(tmpdir(), 'sop-lsp-'));
  if (withSops) cpSync(join(ROOT, 'sops'), join(root, 'sops'), { recursive: true });
  return root;
}

export async function startLsp(root: string, initializationOptions: Record<string, unknown> = {}): Promise<Lsp> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/sop.cjs'), 'lsp', '--stdio'], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'C' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d: Buffer) => process.env['SOP_LSP_DEBUG'] && process.stderr.write(d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: { uri: string; until: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    for (const wait of [...waiting]) {
      if (wait.uri === params.uri && wait.until(params)) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve(params);
      }
    }
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions });
  await connection.sendNotification('initialized', {});
  return {
    child,
    connection,
    root,
    exited,
    uri: (file) => pathToFileURL(join(root, file)).href,
    diagnostics: (uri, until = () => true) => new Promise((resolve) => waiting.push({ uri, until, resolve })),
  };
}
