/**
 * The journal records of a file's bytes, for readers (replay, replay --check, log, stats, train):
 * the same verdicts as scanJournalBytes — a line that is not a record is skipped and reported,
 * torn when it is the file's last line, damaged elsewhere — without what only verify needs (each
 * line's bytes and end offset). One string per chunk of whole lines instead of one Buffer view and
 * one decode per line: reading a 13 MB file of 45,000 lines allocated 90,000 short-lived objects
 * that lived as long as the file's lines, which showed up as garbage collection.
 *
 * Decoding a chunk of whole lines gives each line the same text as decoding its bytes alone: a
 * '\n' byte is never part of a multi-byte UTF-8 sequence, and an incomplete sequence before it is
 * replaced by U+FFFD either way.
 *
 * Memory that is new to the process is expensive to touch (a page fault per 4 KB: a third of the
 * time of reading 128 MB went to the kernel on a VM), so a file is read a block at a time into one
 * buffer, and decoded in chunks small enough to be ordinary heap objects (a string over about
 * 128 KB gets pages of its own, mapped and unmapped for every chunk).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { JournalLine } from '../../core/record/journal-line.js';
import { isJournalLine } from './scan.js';

export interface LineProblem {
  /** 1-based line number in the file. */
  readonly lineNo: number;
  readonly problem: 'torn' | 'damaged';
}

export interface ReadSizes {
  /** Bytes read from a file at a time (a longer line gets a larger buffer). */
  readonly blockBytes?: number;
  /** Bytes decoded at a time (a chunk ends at a newline; a longer line is decoded whole). */
  readonly chunkBytes?: number;
}

/** At most 64 K UTF-16 units: under V8's 128 KB limit for an ordinary heap object, even for text that is not ASCII. */
export const CHUNK_BYTES = 1 << 16;
const BLOCK_BYTES = 1 << 20;

/** The record a line's text holds, when it holds one (JSON, with the shape of a journal line). */
export function parseLine(text: string): JournalLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isJournalLine(value) ? value : undefined;
}

/**
 * Where the chunk of `bytes` to decode from `offset` ends: just past the last newline within
 * `chunkBytes`, else past the first one after (a longer line is decoded whole), else at the end.
 */
export function chunkEnd(bytes: Buffer, offset: number, chunkBytes: number): number {
  const size = bytes.length;
  if (size - offset <= chunkBytes) return size;
  const nl = bytes.lastIndexOf(0x0a, offset + chunkBytes - 1);
  const after = nl >= offset ? nl : bytes.indexOf(0x0a, offset + chunkBytes);
  return after === -1 ? size : after + 1;
}

/**
 * The lines of `bytes` (whole lines: it ends at a newline unless `atEnd`, the end of the file),
 * numbered after `lineNo`; returns the number of the last one.
 */
function eachLineOf(
  bytes: Buffer,
  atEnd: boolean,
  lineNo: number,
  onLine: (line: JournalLine, lineNo: number) => void,
  onProblem: (problem: LineProblem) => void,
  chunkBytes: number,
): number {
  const size = bytes.length;
  let offset = 0;
  while (offset < size) {
    const stop = chunkEnd(bytes, offset, chunkBytes);
    const text = bytes.toString('utf8', offset, stop);
    const final = atEnd && stop === size;
    const length = text.length;
    let start = 0;
    while (start < length) {
      const nl = text.indexOf('\n', start);
      lineNo++;
      if (nl === -1) {
        // Only the file's last line can lack its newline: a write cut short, even if it parses.
        onProblem({ lineNo, problem: 'torn' });
        break;
      }
      const line = parseLine(text.slice(start, nl));
      if (line) onLine(line, lineNo);
      else onProblem({ lineNo, problem: final && nl === length - 1 ? 'torn' : 'damaged' });
      start = nl + 1;
    }
    offset = stop;
  }
  return lineNo;
}

/**
 * Hands each record of `bytes` to `onLine` in file order (with its 1-based line number), and each line that is not one to
 * `onProblem`. `chunkBytes`: how much to decode at a time (for tests; the default suits every file).
 */
function eachJournalLine(
  bytes: Buffer,
  onLine: (line: JournalLine, lineNo: number) => void,
  onProblem: (problem: LineProblem) => void,
  chunkBytes = CHUNK_BYTES,
): void {
  eachLineOf(bytes, true, 0, onLine, onProblem, chunkBytes);
}

/** Every record of `bytes`, in file order (see eachJournalLine). */
export function parseJournalLines(bytes: Buffer, onProblem: (problem: LineProblem) => void, chunkBytes = CHUNK_BYTES): JournalLine[] {
  const lines: JournalLine[] = [];
  eachJournalLine(bytes, (line) => lines.push(line), onProblem, chunkBytes);
  return lines;
}

/** The block buffer, kept from file to file (a larger one, for a long line, is not kept). */
let kept: Buffer | undefined;

/**
 * Hands `onLines` the file at `path` a block at a time, each block cut after its last newline (the
 * rest is carried to the next): whole lines, but for the last block (`atEnd`), which holds what
 * follows the file's last newline too. Reads what readFileSync would: the size the file had when
 * opened (to its end when the size is unknown, as for a pipe). The buffer handed on is reused:
 * `onLines` must not keep it. `blockBytes`: for tests.
 */
export function eachBlockOfFile(path: string, onLines: (bytes: Buffer, atEnd: boolean) => void, blockBytes = BLOCK_BYTES): void {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let buffer = kept !== undefined && kept.length === blockBytes ? kept : Buffer.allocUnsafe(blockBytes);
    if (buffer.length === BLOCK_BYTES) kept = buffer;
    let filled = 0;
    let total = 0;
    for (let atEnd = false; !atEnd; ) {
      if (filled === buffer.length) {
        // A line longer than the buffer: read on into a larger copy.
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const wanted = size > 0 ? Math.min(buffer.length - filled, size - total) : buffer.length - filled;
      const read = wanted > 0 ? readSync(fd, buffer, filled, wanted, null) : 0;
      filled += read;
      total += read;
      atEnd = read === 0 || (size > 0 && total === size);
      const end = atEnd ? filled : buffer.lastIndexOf(0x0a, filled - 1) + 1;
      if (end > 0 || atEnd) onLines(buffer.subarray(0, end), atEnd);
      buffer.copy(buffer, 0, end, filled);
      filled -= end;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Each record of the file at `path`, as eachJournalLine gives those of its bytes, read a block at
 * a time (eachBlockOfFile). `sizes`: for tests.
 */
export function eachJournalLineOfFile(
  path: string,
  onLine: (line: JournalLine, lineNo: number) => void,
  onProblem: (problem: LineProblem) => void,
  sizes: ReadSizes = {},
): void {
  const chunkBytes = sizes.chunkBytes ?? CHUNK_BYTES;
  let lineNo = 0;
  eachBlockOfFile(
    path,
    (bytes, atEnd) => {
      if (bytes.length > 0) lineNo = eachLineOf(bytes, atEnd, lineNo, onLine, onProblem, chunkBytes);
    },
    sizes.blockBytes,
  );
}

/** Every record of the file at `path`, in file order (see eachJournalLineOfFile). */
export function parseJournalFile(path: string, onProblem: (problem: LineProblem) => void, sizes: ReadSizes = {}): JournalLine[] {
  const lines: JournalLine[] = [];
  eachJournalLineOfFile(path, (line) => lines.push(line), onProblem, sizes);
  return lines;
}
