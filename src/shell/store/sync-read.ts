/**
 * `sop sync`'s reading of a journal file: its complete lines, scanned a run at a time, so a sync
 * can send the first lines while it reads the next (src/shell/store/sync.ts). A line is read up
 * to a damaged one (refused, named; nothing after it is read) or a torn last line (still being
 * written, or cut short: left for the next sync).
 */
import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { scanJournalBytes } from '../journal/scan.js';

export interface LocalLine {
  readonly file: string; // calls/2026-11
  readonly path: string;
  readonly lineNo: number;
  readonly raw: Buffer;
  readonly session: string;
  readonly seq: number;
  /** SHA-256 of the line without its prev: see bodyHash(). */
  body?: string;
}

export interface LineRef {
  /** `<file>:<line>`, the journal file's path and 1-based line. */
  readonly where: string;
  readonly session: string;
  readonly seq: number;
  readonly detail?: string;
}

const PREV_SUFFIX = 75; // ,"prev":"<64 hex>"}

/**
 * The line's body hash, computed once, when first needed (the server hashes the whole line, for
 * the chain). crypto.hash, one call per line, takes a third of createHash()'s time on short lines.
 */
export function bodyHash(line: LocalLine): string {
  line.body ??= hash('sha256', line.raw.subarray(0, line.raw.length - PREV_SUFFIX), 'hex');
  return line.body;
}

export class JournalFile {
  readonly lines: LocalLine[] = [];
  /** The file's lines are all read (or it stopped at a damaged or torn one). */
  done = false;
  private bytes: Buffer | undefined;
  private offset = 0;
  private lineNo = 0;

  constructor(
    readonly file: string,
    readonly path: string,
    private readonly refused: LineRef[],
  ) {}

  /** Lines in the file (newlines counted, not yet read): what a progress bar counts to. */
  countLines(): number {
    const bytes = this.load();
    let n = 0;
    for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) n++;
    return n;
  }

  /** Reads up to `count` more lines. */
  readMore(count: number): void {
    if (this.done) return;
    const bytes = this.load();
    let end = this.offset;
    for (let n = 0; n < count && end < bytes.length; n++) {
      const nl = bytes.indexOf(0x0a, end);
      end = nl === -1 ? bytes.length : nl + 1;
    }
    const atEnd = end === bytes.length;
    for (const scanned of scanJournalBytes(bytes.subarray(this.offset, end))) {
      const lineNo = this.lineNo + scanned.lineNo;
      // A run ends at a newline: a line it calls torn is only torn at the end of the file.
      if (scanned.problem === 'torn' && atEnd) return this.stop();
      if (scanned.problem !== undefined || !scanned.line) {
        this.refused.push({ where: `${this.path}:${lineNo}`, session: '', seq: -1, detail: 'damaged line (not a journal record): check it with sop log verify' });
        return this.stop();
      }
      if (!isUtf8(scanned.raw)) {
        // The store keeps a line as text: bytes that are not UTF-8 could not arrive as they are.
        this.refused.push({ where: `${this.path}:${lineNo}`, session: scanned.line.session, seq: scanned.line.seq, detail: 'not valid UTF-8: check it with sop log verify' });
        return this.stop();
      }
      this.lines.push({ file: this.file, path: this.path, lineNo, raw: scanned.raw, session: scanned.line.session, seq: scanned.line.seq });
    }
    this.lineNo = this.lines.length;
    this.offset = end;
    if (atEnd) this.stop();
  }

  private load(): Buffer {
    this.bytes ??= readFileSync(this.path);
    return this.bytes;
  }

  private stop(): void {
    this.done = true;
    this.bytes = undefined;
  }
}
