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
 * replaced by U+FFFD either way. Chunks keep each string well under V8's string size limit.
 */
import type { JournalLine } from '../../core/record/journal-line.js';
import { isJournalLine } from './scan.js';

export interface LineProblem {
  /** 1-based line number in the file. */
  readonly lineNo: number;
  readonly problem: 'torn' | 'damaged';
}

/** Bytes decoded at a time (a chunk ends at a newline; a longer line is decoded whole). */
const CHUNK_BYTES = 1 << 24;

function parseLine(text: string): JournalLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isJournalLine(value) ? value : undefined;
}

/**
 * Hands each record of `bytes` to `onLine` in file order, and each line that is not one to
 * `onProblem`. `chunkBytes`: how much to decode at a time (for tests; the default suits every file).
 */
export function eachJournalLine(
  bytes: Buffer,
  onLine: (line: JournalLine) => void,
  onProblem: (problem: LineProblem) => void,
  chunkBytes = CHUNK_BYTES,
): void {
  const size = bytes.length;
  let lineNo = 0;
  let offset = 0;
  while (offset < size) {
    let stop = size;
    if (size - offset > chunkBytes) {
      const nl = bytes.lastIndexOf(0x0a, offset + chunkBytes - 1);
      const after = nl >= offset ? nl : bytes.indexOf(0x0a, offset + chunkBytes);
      stop = after === -1 ? size : after + 1;
    }
    const text = bytes.toString('utf8', offset, stop);
    const final = stop === size;
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
      if (line) onLine(line);
      else onProblem({ lineNo, problem: final && nl === length - 1 ? 'torn' : 'damaged' });
      start = nl + 1;
    }
    offset = stop;
  }
}

/** Every record of `bytes`, in file order (see eachJournalLine). */
export function parseJournalLines(bytes: Buffer, onProblem: (problem: LineProblem) => void, chunkBytes = CHUNK_BYTES): JournalLine[] {
  const lines: JournalLine[] = [];
  eachJournalLine(bytes, (line) => lines.push(line), onProblem, chunkBytes);
  return lines;
}
