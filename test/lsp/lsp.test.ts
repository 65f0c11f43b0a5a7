/** `sop lsp` driven through the built binary by a real LSP client over stdio. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompletionItem, Hover, Location, WorkspaceEdit, CodeAction, CodeLens, DocumentSymbol } from 'vscode-languageserver-protocol';
import { startLsp, workspaceCopy, type Lsp } from './client.js';

const FILE = 'sops/closing.sop.yaml';
let lsp: Lsp | undefined;

afterEach(() => {
  lsp?.child.kill();
  if (lsp !== undefined) rmSync(lsp.root, { recursive: true, force: true });
  lsp = undefined;
});

async function open(server: Lsp, file: string, text = readFileSync(join(server.root, file), 'utf8'), version = 1): Promise<string> {
  const uri = server.uri(file);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  return uri;
}

async function change(server: Lsp, uri: string, text: string, version: number): Promise<void> {
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
}

function positionOf(text: string, needle: string, shift = 0): { line: number; character: number } {
  const offset = text.indexOf(needle) + shift;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe('sop lsp', () => {
  it('publishes the validator findings of the unsaved buffer at the right range, and clears them when fixed', async () => {
    const root = workspaceCopy();
    lsp = await startLsp(root);
    const original = readFileSync(join(root, FILE), 'utf8');
    const uri = await open(lsp, FILE);
    const broken = original.replace('next: safety-reminder', 'next: safety-remnder');
    const found = lsp.diagnostics(uri, (p) => p.diagnostics.some((d) => String(d.code).startsWith('SOP104')));
    await change(lsp, uri, broken, 2);
    const { diagnostics } = await found;
    const unknown = diagnostics.find((d) => String(d.code) === 'SOP104 unknown-step')!;
    const at = positionOf(broken, 'safety-remnder');
    expect(unknown.range).toEqual({ start: at, end: { line: at.line, character: at.character + 'safety-remnder'.length } });
    expect(unknown.severity).toBe(1);
    expect(unknown.message).toContain("did you mean 'safety-reminder'?");
    // The quick fix is the did-you-mean.
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown] } })) as CodeAction[];
    expect(actions[0]!.edit!.changes![uri]).toEqual([{ range: unknown.range, newText: 'safety-reminder' }]);
    const cleared = lsp.diagnostics(uri, (p) => !p.diagnostics.some((d) => String(d.code).startsWith('SOP104')));
    await change(lsp, uri, original, 3);
    await cleared;
    // The file on disk was never written.
    expect(readFileSync(join(root, FILE), 'utf8')).toBe(original);
  }, 60_000);

  it('reports a YAML syntax error at its line and keeps the last good semantic findings', async () => {
    const root = workspaceCopy();
    lsp = await startLsp(root, { lang: 'uk' });
    const original = readFileSync(join(root, FILE), 'utf8');
    const uri = await open(lsp, FILE);
    const semantic = original.replace('next: goodbye', 'next: goodbyee');
    const first = lsp.diagnostics(uri, (p) => p.diagnostics.some((d) => String(d.code).startsWith('SOP104')));
    await change(lsp, uri, semantic, 2);
    const before = await first;
    expect(before.diagnostics.find((d) => String(d.code).startsWith('SOP104'))!.message).toContain('такого кроку');
    const syntax = semantic.replace('start: summary', 'start: [summary');
    const second = lsp.diagnostics(uri, (p) => p.diagnostics.some((d) => String(d.code).startsWith('SOP001')));
    await change(lsp, uri, syntax, 3);
    const after = await second;
    expect(after.diagnostics.find((d) => String(d.code).startsWith('SOP001'))!.range.start.line).toBeGreaterThanOrEqual(positionOf(syntax, 'start: [').line);
    expect(after.diagnostics.some((d) => String(d.code).startsWith('SOP104'))).toBe(true);
  }, 60_000);

  it('completes, hovers, navigates and renames step, SOP and contact ids', async () => {
    const root = workspaceCopy();
    lsp = await startLsp(root);
    const text = readFileSync(join(root, FILE), 'utf8');
    const uri = await open(lsp, FILE);
    const nextAt = positionOf(text, 'next: safety-reminder', 'next: '.length);
    const completion = (await lsp.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: nextAt })) as CompletionItem[];
    expect(completion.map((item) => item.label)).toContain('goodbye');

    const hover = (await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { ...nextAt, character: nextAt.character + 2 } })) as Hover;
    expect(JSON.stringify(hover.contents)).toContain('closing/safety-reminder');

    const definition = (await lsp.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: nextAt })) as Location[];
    expect(definition).toEqual([{ uri, range: { start: positionOf(text, '\n  safety-reminder:', 3), end: { line: positionOf(text, '\n  safety-reminder:', 3).line, character: 2 + 'safety-reminder'.length } } }]);

    const references = (await lsp.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: nextAt, context: { includeDeclaration: false } })) as Location[];
    expect(references.length).toBeGreaterThanOrEqual(1);

    // SOP ids across the library: `sop: closing` is called from other SOPs and scenarios.
    const sopAt = positionOf(text, 'sop: closing', 'sop: '.length);
    const sopRefs = (await lsp.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: sopAt, context: { includeDeclaration: false } })) as Location[];
    expect(new Set(sopRefs.map((r) => r.uri)).size).toBeGreaterThan(2);

    const rename = (await lsp.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: nextAt, newName: 'stay-safe' })) as WorkspaceEdit;
    const edits = Object.values(rename.changes!).flat();
    expect(edits.length).toBe(references.length + 1);
    expect(edits.every((edit) => edit.newText === 'stay-safe')).toBe(true);
    await expect(lsp.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: nextAt, newName: 'goodbye' })).rejects.toThrow(/already exists/);

    const symbols = (await lsp.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    expect(symbols.map((s) => s.name)).toContain('summary');
    const lenses = (await lsp.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    expect(lenses.some((lens) => /\d+ references? · reached by [1-9]\d* scenarios?/.test(lens.command!.title))).toBe(true);
  }, 60_000);

  it('completes and hovers directory ids and SOP ids, and renames a contact across the library', async () => {
    const root = workspaceCopy();
    lsp = await startLsp(root);
    const file = 'sops/child-involved.sop.yaml';
    const text = readFileSync(join(root, file), 'utf8');
    const uri = await open(lsp, file);
    const referAt = positionOf(text, 'refer: [police-102', 'refer: ['.length);
    const hover = (await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: referAt })) as Hover;
    expect(JSON.stringify(hover.contents)).toMatch(/102[\s\S]*last_verified/);
    const contacts = (await lsp.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: referAt })) as CompletionItem[];
    expect(contacts.map((item) => item.label)).toContain('child-line');
    const definition = (await lsp.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: referAt })) as Location[];
    expect(definition[0]!.uri).toBe(lsp.uri('sops/directory.yaml'));
    const rename = (await lsp.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: referAt, newName: 'police' })) as WorkspaceEdit;
    expect(Object.keys(rename.changes!)).toContain(lsp.uri('sops/directory.yaml'));
    const other = 'sops/first-contact.sop.yaml';
    const otherText = readFileSync(join(root, other), 'utf8');
    const otherUri = await open(lsp, other);
    const callAt = positionOf(otherText, '    sop: job-offer-abroad', '    sop: '.length);
    const sops = (await lsp.connection.sendRequest('textDocument/completion', { textDocument: { uri: otherUri }, position: callAt })) as CompletionItem[];
    expect(sops.map((item) => item.label)).toEqual(expect.arrayContaining(['closing', 'referral', 'emergency']));
  }, 60_000);

  it('offers a stub for a missing translation', async () => {
    const root = workspaceCopy();
    lsp = await startLsp(root);
    const original = readFileSync(join(root, FILE), 'utf8');
    const uri = await open(lsp, FILE);
    const missing = original.replace('      uk: Про який наступний крок ви домовилися з абонентом?\n', '');
    const found = lsp.diagnostics(uri, (p) => p.diagnostics.some((d) => String(d.code).startsWith('SOP401')));
    await change(lsp, uri, missing, 2);
    const diagnostic = (await found).diagnostics.find((d) => String(d.code).startsWith('SOP401'))!;
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const [edit] = actions[0]!.edit!.changes![uri]!;
    const line = positionOf(missing, '      en: What is the next step').line;
    const end = missing.split('\n')[line]!.length;
    expect(edit).toEqual({ range: { start: { line, character: end }, end: { line, character: end } }, newText: '\n      uk: "TODO: What is the next step the caller has agreed to?"' });
  }, 60_000);

  it('keeps serving after bad input, then shuts down and exits with 0', async () => {
    const root = workspaceCopy(false);
    lsp = await startLsp(root);
    // A malformed message: a header with a body that is not JSON.
    lsp.child.stdin!.write('Content-Length: 9\r\n\r\n{not json');
    // Binary content and a 50 MB buffer.
    const binary = lsp.uri('sops/bin.sop.yaml');
    const got = lsp.diagnostics(binary, (p) => p.diagnostics.some((d) => String(d.code).startsWith('SOP006')));
    await open(lsp, 'sops/bin.sop.yaml', 'sop: x\n\u0000\u0001');
    await got;
    const huge = lsp.uri('sops/huge.sop.yaml');
    const big = lsp.diagnostics(huge, (p) => p.diagnostics.some((d) => String(d.code).startsWith('SOP004')));
    await open(lsp, 'sops/huge.sop.yaml', `# ${'x'.repeat(50 * 1024 * 1024)}\n`);
    await big;
    // A file that vanishes while open.
    writeFileSync(join(root, 'gone.sop.yaml'), 'sop: gone\n');
    await open(lsp, 'gone.sop.yaml');
    rmSync(join(root, 'gone.sop.yaml'));
    await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lsp.uri('gone.sop.yaml'), type: 3 }] });
    const hover = await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: lsp.uri('gone.sop.yaml') }, position: { line: 0, character: 6 } });
    expect(hover).toBeDefined();
    await lsp.connection.sendRequest('shutdown');
    await lsp.connection.sendNotification('exit');
    expect(await lsp.exited).toBe(0);
  }, 60_000);
});
