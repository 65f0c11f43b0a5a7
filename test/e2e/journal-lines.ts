/** Reads a data dir's live-call journal raw, line by line, and checks the hash chain and seq. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export interface RawLine {
  readonly text: string;
  readonly json: Record<string, unknown> & { type: string; seq: number; session: string; prev: string };
}

export function journalFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'journal', 'calls');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .map((n) => join(dir, n));
}

export function readLines(dataDir: string): RawLine[] {
  const files = journalFiles(dataDir);
  expect(files).toHaveLength(1);
  const text = readFileSync(files[0] as string, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => ({ text: line, json: JSON.parse(line) }));
}

/** Every line: v 1, prev = sha256 of the previous line (64 zeros first), prev the last key, seq from 0 per session. */
export function expectChain(lines: readonly RawLine[]): void {
  let prev = '0'.repeat(64);
  const seqs = new Map<string, number>();
  for (const { text, json } of lines) {
    expect(json.v).toBe(1);
    expect(json.prev).toBe(prev);
    expect(Object.keys(json).at(-1)).toBe('prev');
    const expected = seqs.get(json.session) ?? 0;
    expect(json.seq).toBe(expected);
    seqs.set(json.session, expected + 1);
    prev = createHash('sha256').update(text).digest('hex');
  }
}

export function fileMode(path: string): number {
  return statSync(path).mode & 0o777;
}
