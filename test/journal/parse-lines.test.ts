import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournalFile, parseJournalLines } from '../../src/shell/journal/parse-lines.js';
import { scanJournalBytes } from '../../src/shell/journal/scan.js';

const prev = 'ab'.repeat(32);
const good = (seq: number, text = 'héllo ✓'): string =>
  JSON.stringify({ v: 1, session: '20261129-1302-abcd', seq, at: '2026-11-29T13:02:00.000Z', ms: seq, type: 'note', step: 'a/b', text, prev });

/** What scanJournalBytes (verify's scan) says of every line: the record, or torn/damaged at its number. */
function verdicts(bytes: Buffer): { lines: unknown[]; problems: string[] } {
  const scanned = scanJournalBytes(bytes);
  return { lines: scanned.flatMap((s) => (s.line ? [s.line] : [])), problems: scanned.filter((s) => !s.line).map((s) => `${s.lineNo}:${s.problem}`) };
}

function parsed(bytes: Buffer, chunk?: number): { lines: unknown[]; problems: string[] } {
  const problems: string[] = [];
  const lines = parseJournalLines(bytes, (p) => problems.push(`${p.lineNo}:${p.problem}`), chunk);
  return { lines, problems };
}

const dir = mkdtempSync(join(tmpdir(), 'sop-parse-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The same, read from a file a block at a time (parseJournalFile). */
function parsedFile(bytes: Buffer, blockBytes?: number, chunkBytes?: number): { lines: unknown[]; problems: string[] } {
  const file = join(dir, 'journal.jsonl');
  writeFileSync(file, bytes);
  const problems: string[] = [];
  const lines = parseJournalFile(file, (p) => problems.push(`${p.lineNo}:${p.problem}`), { blockBytes, chunkBytes });
  return { lines, problems };
}

/** Records, empty lines, raw bytes (invalid UTF-8 among them) and stray characters, as bytes. */
const journalBytes = fc
  .array(
    fc.oneof(
      fc.nat(8).map((n) => good(n)),
      fc.nat(8).map((n) => good(n, 'ї'.repeat(n * 7))),
      fc.constant('\n'),
      fc.constant('\n'),
      fc.uint8Array({ maxLength: 6 }).map((a) => Buffer.from(a).toString('latin1')),
      fc.constantFrom('\u00ff', '\u00c3', '\u00e2\u0080', '{', '}', '"', '\r'),
    ),
    { maxLength: 20 },
  )
  // Latin-1 pieces put raw bytes (invalid UTF-8 among them) between UTF-8 records.
  .map((pieces) => Buffer.concat(pieces.map((p) => (p.startsWith('{"v"') || p === '\n' ? Buffer.from(p, 'utf8') : Buffer.from(p, 'latin1')))));

describe('parseJournalLines', () => {
  it('gives the records and the torn/damaged lines as scanJournalBytes does', () => {
    const text = [good(0), 'garbage', '', good(1), `${good(2)}\r`, '{"v":1}', good(3).slice(0, 30)].join('\n');
    for (const bytes of [Buffer.from(`${text}\n`), Buffer.from(text), Buffer.from(`${good(0)}\n\n`)]) {
      expect(parsed(bytes)).toEqual(verdicts(bytes));
    }
    expect(parsed(Buffer.from(`${good(0)}\ngarbage\n${good(1).slice(0, 9)}`)).problems).toEqual(['2:damaged', '3:torn']);
  });

  it('takes as prev only 64 lowercase hex digits', () => {
    const withPrev = (value: string): string => good(0).replace(`"prev":"${prev}"`, `"prev":${JSON.stringify(value)}`);
    const bad = ['AB'.repeat(32), `${'a'.repeat(63)}g`, 'a'.repeat(63), 'a'.repeat(65), `${'a'.repeat(63)}\u00e1`, `${'a'.repeat(63)}\u0661`, `${'0'.repeat(63)}/`, `${'f'.repeat(63)}:`];
    const hex = withPrev('0123456789abcdef'.repeat(4));
    const text = [hex, ...bad.map(withPrev), hex, ''].join('\n');
    expect(parsed(Buffer.from(text))).toEqual({ lines: [JSON.parse(hex), JSON.parse(hex)], problems: bad.map((_, i) => `${i + 2}:damaged`) });
  });

  it('agrees with scanJournalBytes on arbitrary bytes, whatever the chunk size (split UTF-8, bad bytes, long lines)', () => {
    fc.assert(
      fc.property(journalBytes, fc.integer({ min: 1, max: 400 }), (bytes, chunk) => {
        expect(parsed(bytes, chunk)).toEqual(verdicts(bytes));
      }),
      { seed: 20261129, numRuns: 400 },
    );
  });
});

describe('parseJournalFile', () => {
  it('agrees with scanJournalBytes whatever the block and chunk sizes (lines longer than a block, a torn or damaged last line)', () => {
    fc.assert(
      fc.property(journalBytes, fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 400 }), (bytes, block, chunk) => {
        expect(parsedFile(bytes, block, chunk)).toEqual(verdicts(bytes));
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  it('reads an empty file and a file of one torn line with the default sizes', () => {
    expect(parsedFile(Buffer.alloc(0))).toEqual({ lines: [], problems: [] });
    const torn = Buffer.from(good(0));
    expect(parsedFile(torn)).toEqual(verdicts(torn));
  });
});
