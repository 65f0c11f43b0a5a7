// A minimal VS Code extension: starts `sop lsp --stdio` for SOP, scenario and directory files.
// Not published; see docs/editors.md to run it from this folder.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration('sopRunner');
  const command = settings.get('command') || 'sop';
  const lang = settings.get('lang');
  const server = { command, args: ['lsp', '--stdio'], transport: TransportKind.stdio };
  client = new LanguageClient('sop-runner', 'sop-runner', server, {
    documentSelector: [
      { scheme: 'file', pattern: '**/*.sop.{yaml,yml}' },
      { scheme: 'file', pattern: '**/*.scenario.{yaml,yml}' },
      { scheme: 'file', pattern: '**/directory.{yaml,yml}' },
    ],
    initializationOptions: lang ? { lang } : {},
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{sop,scenario}.{yaml,yml}') },
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
