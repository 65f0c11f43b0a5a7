import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyJournal, verifyJournalFile } from '../../src/shell/journal/verify.js';
import { startPayload, tempDir, writerFor } from './helpers.js';

/** A journal with two complete sessions of four lines each; returns its file and lines. */
async function journal(): Promise<{ dataDir: string; file: string; lines: string[] }> {
  const dataDir = tempDir();
  let file = '';
  for (let i = 0; i < 2; i++) {
    const writer = await writerFor(dataDir);
    writer.append('session-start', startPayload());
    writer.append('step-shown', { step: 's/greet', kind: 'say' });
    writer.append('answer', { step: 's/greet', answer: { kind: 'continue' }, value: null, sensitive: false });
    writer.append('session-end', { outcome: 's/done', referrals: [], durationMs: 3000 });
    writer.close();
    file = writer.file;
  }
  return { dataDir, file, lines: readFileSync(file, 'utf8').trimEnd().split('\n') };
}

function rewrite(file: string, lines: string[]): void {
  writeFileSync(file, `${lines.join('\n')}\n`);
}

describe('sop log verify (verifyJournalFile)', () => {
  it('accepts an untouched journal', async () => {
    const { dataDir, file } = await journal();
    const report = verifyJournalFile(file, 'en');
    expect(report).toMatchObject({ lines: 8, breaks: [], notices: [] });
    expect(verifyJournal(dataDir, 'en')).toMatchObject({ files: 1, lines: 8, breaks: [] });
  });

  it('finds an edited line', async () => {
    const { file, lines } = await journal();
    lines[2] = lines[2]!.replace('"continue"', '"option","option":"x"');
    rewrite(file, lines);
    const { breaks } = verifyJournalFile(file, 'en');
    expect(breaks).toEqual([expect.objectContaining({ line: 3, kind: 'edited' })]);
  });

  it('finds a deleted line', async () => {
    const { file, lines } = await journal();
    lines.splice(5, 1);
    rewrite(file, lines);
    const { breaks } = verifyJournalFile(file, 'en');
    expect(breaks).toEqual([expect.objectContaining({ line: 6, kind: 'deleted' })]);
  });

  it('finds an inserted line', async () => {
    const { file, lines } = await journal();
    lines.splice(4, 0, lines[1]!.replace('greet', 'other'));
    rewrite(file, lines);
    const { breaks } = verifyJournalFile(file, 'en');
    expect(breaks).toEqual([expect.objectContaining({ line: 5, kind: 'inserted' })]);
  });

  it('finds reordered lines', async () => {
    const { file, lines } = await journal();
    [lines[1], lines[2]] = [lines[2]!, lines[1]!];
    rewrite(file, lines);
    const { breaks } = verifyJournalFile(file, 'en');
    expect(breaks.map((b) => [b.line, b.kind])).toEqual([
      [2, 'reordered'],
      [3, 'reordered'],
    ]);
  });

  it('finds lines cut off the end (truncation) through the head', async () => {
    const { file, lines } = await journal();
    rewrite(file, lines.slice(0, 6));
    const { breaks } = verifyJournalFile(file, 'en');
    expect(breaks).toEqual([expect.objectContaining({ line: 6, kind: 'truncated' })]);
  });

  it('keeps evidence of a truncation even after a new session was appended', async () => {
    const { dataDir, file, lines } = await journal();
    rewrite(file, lines.slice(0, 6));
    const writer = await writerFor(dataDir);
    writer.append('session-start', startPayload());
    writer.close();
    const { breaks } = verifyJournalFile(file, 'en');
    expect(breaks.map((b) => b.kind)).toEqual(['truncated']);
  });

  it('reports a damaged middle line with its position', async () => {
    const { file, lines } = await journal();
    lines[3] = '{"v":1,"sess';
    rewrite(file, lines);
    const { breaks } = verifyJournalFile(file, 'en');
    expect(breaks).toContainEqual(expect.objectContaining({ line: 4, kind: 'damaged' }));
  });

  it('reports a torn last line as a notice, not a break', async () => {
    const { file } = await journal();
    appendFileSync(file, '{"v":1,"session":"x"');
    const report = verifyJournalFile(file, 'uk');
    expect(report.breaks).toEqual([]);
    expect(report.notices).toEqual([expect.stringMatching(/:9: останній рядок обірваний/)]);
  });

  it('reports a deleted journal file whose head is left', async () => {
    const { dataDir, file } = await journal();
    writeFileSync(file, '');
    const { rmSync } = await import('node:fs');
    rmSync(file);
    expect(verifyJournal(dataDir, 'en').breaks).toEqual([expect.objectContaining({ kind: 'missing' })]);
  });
});

describe('sop log verify never misses a single change (property)', () => {
  it('finds any one deletion, edit, insertion, swap or cut at the end', async () => {
    const fc = await import('fast-check');
    const { verifyBytes } = await import('../../src/shell/journal/verify.js');
    const { file, lines } = await journal();
    const head = JSON.parse(readFileSync(`${file}.head`, 'utf8')) as { size: number; last: string };
    const n = lines.length;
    const check = (changed: string[]): number => verifyBytes('j', Buffer.from(`${changed.join('\n')}\n`), 'en', head).breaks.length;
    expect(check(lines)).toBe(0);
    const change = fc.oneof(
      fc.record({ op: fc.constant('delete' as const), i: fc.nat(n - 1), j: fc.constant(0) }),
      fc.record({ op: fc.constant('edit' as const), i: fc.nat(n - 1), j: fc.nat(1000) }),
      fc.record({ op: fc.constant('insert' as const), i: fc.nat(n), j: fc.nat(n - 1) }),
      fc.record({ op: fc.constant('swap' as const), i: fc.nat(n - 2), j: fc.constant(0) }),
      fc.record({ op: fc.constant('cut' as const), i: fc.integer({ min: 1, max: n - 1 }), j: fc.constant(0) }),
    );
    fc.assert(
      fc.property(change, ({ op, i, j }) => {
        const changed = [...lines];
        if (op === 'delete') changed.splice(i, 1);
        if (op === 'edit') changed[i] = changed[i]!.replace(/"ms":\d+/, `"ms":${1_000_000 + j}`);
        if (op === 'insert') changed.splice(i, 0, lines[j]!);
        if (op === 'swap') [changed[i], changed[i + 1]] = [changed[i + 1]!, changed[i]!];
        if (op === 'cut') changed.splice(n - i);
        return check(changed) > 0;
      }),
      { numRuns: 1000 },
    );
  });
});
