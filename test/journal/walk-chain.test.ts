import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyBytes, verifyJournalFile } from '../../src/shell/journal/verify.js';
import { walkChain } from '../../src/shell/journal/walk-chain.js';
import { clock, startPayload, tempDir, writerFor } from './helpers.js';

const noFsync = { fs: { fsyncSync: () => {} } };

/** A journal of `sessions` calls of 6 lines each, one a long note (so some lines outgrow a small block). */
async function journal(sessions: number): Promise<{ file: string; lines: string[]; head: { size: number; last: string } }> {
  const dataDir = tempDir();
  let file = '';
  for (let i = 0; i < sessions; i++) {
    // A minute apart: session ids (by minute, with four random characters) never collide.
    const writer = await writerFor(dataDir, 'live', { ...noFsync, ...clock(new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString()) });
    writer.append('session-start', startPayload());
    writer.append('step-shown', { step: 's/greet', kind: 'say' });
    writer.append('note', { step: 's/greet', text: `call ${i}: ${'я'.repeat(i % 7 === 0 ? 300 : 3)}` });
    writer.append('answer', { step: 's/greet', answer: { kind: 'continue' }, value: null, sensitive: false });
    writer.append('step-shown', { step: 's/close', kind: 'say' });
    writer.append('session-end', { outcome: 's/done', referrals: [], durationMs: 3000 });
    writer.close();
    file = writer.file;
  }
  const head = JSON.parse(readFileSync(`${file}.head`, 'utf8')) as { size: number; last: string };
  return { file, lines: readFileSync(file, 'utf8').trimEnd().split('\n'), head };
}

describe('the streaming chain walk of sop log verify', () => {
  it('walks an intact journal whatever the block and chunk sizes: lines split across blocks and chunks, lines longer than a block', async () => {
    const { file, lines, head } = await journal(40);
    const size = readFileSync(file).length;
    for (const sizes of [{}, { blockBytes: 64, chunkBytes: 16 }, { blockBytes: 300, chunkBytes: 1000 }, { blockBytes: 4096, chunkBytes: 100 }]) {
      expect(walkChain(file, head, sizes)).toEqual({ lines: lines.length, size, losses: [] });
    }
  });

  it('gives up exactly where the whole-file verification finds a break (one deletion, edit, swap, duplicate or cut at each line)', async () => {
    const { file, lines, head } = await journal(6);
    const changes: string[][] = [];
    for (let i = 0; i < lines.length; i++) {
      changes.push(lines.filter((_, j) => j !== i));
      changes.push(lines.map((line, j) => (j === i ? line.replace('"seq":', '"seq": ') : line)));
      changes.push(lines.map((line, j) => (j === i ? line.replace('"v":1', '"v":2') : line)));
      changes.push([...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)]);
      if (i + 1 < lines.length) changes.push(lines.map((line, j) => (j === i ? lines[i + 1]! : j === i + 1 ? lines[i]! : line)));
      changes.push(lines.slice(0, i));
    }
    let intact = 0;
    for (const changed of changes) {
      const text = changed.length === 0 ? '' : `${changed.join('\n')}\n`;
      writeFileSync(file, text);
      const breaks = verifyBytes(file, Buffer.from(text), 'en', head).breaks;
      const walked = walkChain(file, head, { blockBytes: 128, chunkBytes: 64 });
      expect(walked === undefined, `${breaks.length} break(s) in:\n${text}`).toBe(breaks.length > 0);
      if (walked) intact++;
    }
    // Only the unchanged journal is intact (each change above breaks it).
    expect(intact).toBe(0);
    // A torn last line is a notice for verify, but the walk leaves it to the whole-file verification.
    writeFileSync(file, `${lines.join('\n')}`);
    expect(walkChain(file, head)).toBeUndefined();
  });

  it('reports a break after thousands of good lines, past the first block, with the line and message of the whole-file verification', async () => {
    const { file, lines } = await journal(700);
    expect(readFileSync(file).length).toBeGreaterThan(1 << 20);
    // A step shown near the end (line `at`, 1-based), followed by a line of the same call.
    const at = lines.findIndex((line, i) => i > lines.length - 60 && line.includes('"step-shown"') && line.includes('"s/greet"')) + 1;
    lines[at - 1] = lines[at - 1]!.replace('"s/greet"', '"s/other"');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const report = verifyJournalFile(file, 'en');
    expect(report.lines).toBe(lines.length);
    expect(report.breaks).toEqual([{ file, line: at, kind: 'edited', message: `line ${at + 1} does not chain to it` }]);
  });

  it('verifies a journal larger than a block as intact, counting every line', async () => {
    const { file, lines } = await journal(700);
    expect(verifyJournalFile(file, 'en')).toEqual({ files: 1, lines: lines.length, breaks: [], notices: [] });
  });
});
