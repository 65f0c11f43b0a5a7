// `sop lsp`: the time from a didChange to its publishDiagnostics for a shipped SOP (debounce
// included), p50 and p95 over 120 edits, and the server's memory (RSS) after 1,000 edits against
// after 10. Drives the built binary over stdio with vscode-jsonrpc, as an editor does.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const workspace = mkdtempSync(join(tmpdir(), 'sop-lsp-bench-'));
cpSync(join(root, 'sops'), join(workspace, 'sops'), { recursive: true });
const file = join(workspace, 'sops', 'first-contact.sop.yaml');
const uri = pathToFileURL(file).href;
const good = readFileSync(file, 'utf8');
const target = /next: ([a-z-]+)/.exec(good);
const bad = good.replace(target[0], `next: ${target[1]}x`);

const child = spawn(process.execPath, [join(root, 'bin', 'sop.cjs'), 'lsp', '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
let waiting;
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  if (params.uri === uri && waiting) {
    const resolve = waiting;
    waiting = undefined;
    resolve(performance.now());
  }
});
connection.listen();
await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {} });
await connection.sendNotification('initialized', {});
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: good } });
await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });

let version = 1;
async function edit() {
  version++;
  const published = new Promise((resolve) => (waiting = resolve));
  const start = performance.now();
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: version % 2 === 0 ? bad : good }] });
  return (await published) - start;
}
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

for (let i = 0; i < 10; i++) await edit();
await settle();
const after10 = rss();
const times = [];
for (let i = 0; i < 120; i++) times.push(await edit());
for (let i = 130; i < 1000; i++) await edit();
await settle();
const after1000 = rss();
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
console.log(`lsp: didChange -> publishDiagnostics, sops/first-contact.sop.yaml with the whole shipped library (${times.length} edits, debounce 15 ms included)`);
console.log(`  p50 ${at(0.5).toFixed(1)} ms   p95 ${at(0.95).toFixed(1)} ms   max ${times[times.length - 1].toFixed(1)} ms   (target p95 <= 100 ms)`);
console.log(`  RSS after 10 edits ${after10.toFixed(1)} MB, after 1,000 edits ${after1000.toFixed(1)} MB (${(((after1000 - after10) / after10) * 100).toFixed(1)} %)`);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
await new Promise((resolve) => child.on('exit', resolve));
rmSync(workspace, { recursive: true, force: true });
if (at(0.95) > 100) process.exitCode = 1;
