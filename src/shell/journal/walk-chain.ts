/**
 * The hash chain of an intact journal file, walked as it is read: a block at a time, each line
 * hashed and parsed once and dropped, so that verifying a year of calls needs memory for one
 * block and the seq reached by each session of the file, not for the file (verify.ts's
 * verifyBytes holds every line, its hash and a hash → line map: 2 GB for 50,000 calls).
 *
 * It only says "intact": at the first thing that is not — a line that is not a record, a torn
 * last line, a `prev` that is not the hash of the line before, a seq out of turn, an end that is
 * not where the head says — it gives up (undefined), and verify reads the file whole to say what
 * broke, with the very messages it always gave. A file that passes here has no break there:
 * verifyBytes reports a break only for one of these.
 */
import { hash } from 'node:crypto';
import { NO_PREV, LOSS_ACCEPTED, type JournalLine } from '../../core/record/journal-line.js';
import type { Head } from './interrupted-purge.js';
import { CHUNK_BYTES, chunkEnd, eachBlockOfFile, parseLine, type ReadSizes } from './parse-lines.js';

interface IntactChain {
  /** Complete lines (records) in the file. */
  readonly lines: number;
  /** Bytes read. */
  readonly size: number;
  /** The lines recording an accepted loss (sop log accept-loss), with their 1-based numbers. */
  readonly losses: readonly { readonly lineNo: number; readonly line: JournalLine }[];
}

/** Gives up the walk: the file is read whole to say what breaks. */
const BROKEN = Symbol('broken');

/**
 * Walks the file at `path`: the intact chain, or undefined at its first break (see above).
 * `head`: where the writer last ended the file, when known. `sizes`: for tests.
 */
export function walkChain(path: string, head: Head | undefined, sizes: ReadSizes = {}): IntactChain | undefined {
  const chunkBytes = sizes.chunkBytes ?? CHUNK_BYTES;
  const seqOf = new Map<string, number>();
  const losses: { lineNo: number; line: JournalLine }[] = [];
  let expected = NO_PREV;
  let lines = 0;
  let size = 0;

  /** One complete line: its bytes and its text. */
  const onLine = (raw: Buffer, text: string): void => {
    const line = parseLine(text);
    if (line === undefined || line.prev !== expected) throw BROKEN;
    const before = seqOf.get(line.session);
    if (line.seq !== (before === undefined ? 0 : before + 1)) throw BROKEN;
    seqOf.set(line.session, line.seq);
    lines++;
    if (line.type === (LOSS_ACCEPTED as string)) losses.push({ lineNo: lines, line });
    expected = hash('sha256', raw, 'hex');
  };

  try {
    eachBlockOfFile(
      path,
      (bytes, atEnd) => {
        size += bytes.length;
        // A last line without its newline is torn: a notice verifyBytes words.
        if (atEnd && bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) throw BROKEN;
        eachLineIn(bytes, chunkBytes, onLine);
      },
      sizes.blockBytes,
    );
  } catch (error) {
    if (error === BROKEN) return undefined;
    throw error;
  }
  // The line that ended the file when the writer last wrote must be the last one now. (A head that
  // lags behind, after a crash between a line and its head, is for verifyBytes to judge.)
  if (head !== undefined && !(head.size === 0 && head.last === NO_PREV) && head.last !== expected) return undefined;
  return { lines, size, losses };
}

/**
 * Each line of `bytes` (whole lines, each ending at a newline), as its bytes and its text: a chunk
 * of lines is decoded at a time (one string, not one per line; see parse-lines.ts), its lines found
 * in the bytes and in the text side by side — a '\n' byte is a '\n' character and nothing else.
 */
function eachLineIn(bytes: Buffer, chunkBytes: number, onLine: (raw: Buffer, text: string) => void): void {
  const size = bytes.length;
  let offset = 0;
  while (offset < size) {
    const stop = chunkEnd(bytes, offset, chunkBytes);
    const text = bytes.toString('utf8', offset, stop);
    let at = offset;
    let start = 0;
    while (at < stop) {
      const nl = bytes.indexOf(0x0a, at);
      const end = text.indexOf('\n', start);
      onLine(bytes.subarray(at, nl), text.slice(start, end));
      at = nl + 1;
      start = end + 1;
    }
    offset = stop;
  }
}
