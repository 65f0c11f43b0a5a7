/**
 * `sop lsp`: the completions and hover lsp.test.ts does not reach — goto targets, names inside a
 * condition, step kinds, step keys, a text's languages, and an outcome's hover.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, Hover } from 'vscode-languageserver-protocol';
import { startLsp, workspaceCopy, type Lsp } from './client.js';

const FILE = 'sops/possible-victim.sop.yaml';
let lsp: Lsp;
let uri: string;
let text: string;

beforeAll(async () => {
  lsp = await startLsp(workspaceCopy());
  text = readFileSync(join(lsp.root, FILE), 'utf8');
  uri = lsp.uri(FILE);
  await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
}, 60_000);

afterAll(() => {
  lsp.child.kill();
  rmSync(lsp.root, { recursive: true, force: true });
});

function at(needle: string, shift: number): { line: number; character: number } {
  const offset = text.indexOf(needle);
  expect(offset, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset + shift).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

async function labels(position: { line: number; character: number }): Promise<string[]> {
  const items = (await lsp.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionItem[];
  return items.map((item) => item.label);
}

describe('sop lsp: more completions', () => {
  it('step ids after goto:', async () => {
    expect(await labels(at('goto: name-concern', 'goto: '.length))).toEqual(expect.arrayContaining(['not-trafficking-still-help', 'safety-now']));
  });

  it('the SOP\'s variables and outcomes inside a condition', async () => {
    expect(await labels(at('when: size(indicators)', 'when: size('.length))).toEqual(expect.arrayContaining(['indicators', 'abroad', 'supported']));
  });

  it('step kinds after kind:', async () => {
    expect(await labels(at('kind: checklist', 'kind: '.length))).toEqual(expect.arrayContaining(['say', 'ask', 'checklist', 'input', 'decide', 'call', 'end']));
  });

  it('a step\'s keys from the schema, and a text\'s declared languages', async () => {
    const kindLine = at('    kind: checklist', 0);
    expect(await labels({ line: kindLine.line, character: 4 })).toEqual(expect.arrayContaining(['guidance', 'source', 'options']));
    const textLine = at('    text:\n      en:', '    text:\n'.length);
    expect(await labels({ line: textLine.line, character: 6 })).toEqual(expect.arrayContaining(['en', 'uk']));
  });

  it('hover on an outcome shows its label and category', async () => {
    const hover = (await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at('outcome: supported', 'outcome: '.length + 2) })) as Hover;
    expect(JSON.stringify(hover.contents)).toMatch(/referred/);
  });
});
