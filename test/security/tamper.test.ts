/**
 * Tamper test: 1,200 seeded random mutations of a real journal (written by the writer, several
 * sessions, sealed and redacted lines, its .head) — single-byte flips, deleted lines, swapped
 * lines, duplicated lines — are ALL detected by verify, each with a position.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyBytes } from '../../src/shell/journal/verify.js';
import { clock, keyFiles, random, tempDir, writeSensitiveSession } from './helpers.js';


function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let nl = bytes.indexOf(0x0a); nl !== -1; nl = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, nl + 1));
    start = nl + 1;
  }
  return lines;
}

describe('tamper test: verify detects every mutation', () => {
  it('1,200 seeded mutations (byte flips, deleted, swapped and duplicated lines, truncations) are all reported', async () => {
    const keys = keyFiles();
    const dir = tempDir();
    let file = '';
    for (let day = 1; day <= 4; day++) {
      ({ file } = await writeSensitiveSession(dir, `s${day}`, { ...(day % 2 ? { pub: keys.pub } : {}), extra: clock(`2026-11-0${day}T10:00:00.000Z`) }));
    }
    const bytes = readFileSync(file);
    const head = JSON.parse(readFileSync(`${file}.head`, 'utf8')) as { size: number; last: string };
    expect(verifyBytes(file, bytes, 'en', head).breaks).toEqual([]);
    const lines = splitLines(bytes);
    const rand = random(1129);
    const pick = (n: number): number => Math.floor(rand() * n);
    const mutations: { kind: string; bytes: Buffer; near: number[] }[] = [];
    const lineOf = (offset: number): number => bytes.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1;
    for (let i = 0; i < 400; i++) {
      const copy = Buffer.from(bytes);
      const at = pick(copy.length);
      copy[at] = copy[at]! ^ (1 + pick(255));
      mutations.push({ kind: `flip byte ${at}`, bytes: copy, near: [lineOf(at)] });
    }
    for (let i = 0; i < 300; i++) {
      const at = pick(lines.length);
      mutations.push({ kind: `delete line ${at + 1}`, bytes: Buffer.concat(lines.filter((_, j) => j !== at)), near: [at + 1] });
    }
    for (let i = 0; i < 300; i++) {
      const a = pick(lines.length);
      let b = pick(lines.length - 1);
      if (b >= a) b++;
      const swapped = [...lines];
      [swapped[a], swapped[b]] = [swapped[b]!, swapped[a]!];
      mutations.push({ kind: `swap lines ${a + 1} and ${b + 1}`, bytes: Buffer.concat(swapped), near: [Math.min(a, b) + 1] });
    }
    for (let i = 0; i < 100; i++) {
      const at = pick(lines.length);
      const to = pick(lines.length + 1);
      const copy = [...lines];
      copy.splice(to, 0, lines[at]!);
      mutations.push({ kind: `copy line ${at + 1} to ${to + 1}`, bytes: Buffer.concat(copy), near: [to + 1, at + 1] }); // identical lines: either copy may be named
    }
    for (let i = 0; i < 100; i++) {
      // Cut off the end, at a line boundary or anywhere (leaving a torn last line).
      const at = i % 2 === 0 ? Buffer.concat(lines.slice(0, pick(lines.length))).length : pick(bytes.length);
      mutations.push({ kind: `truncate at byte ${at}`, bytes: bytes.subarray(0, at), near: [lineOf(at) - 1, lineOf(at)] });
    }
    const missed: string[] = [];
    for (const mutation of mutations) {
      const report = verifyBytes(file, mutation.bytes, 'en', head);
      if (report.breaks.length === 0) missed.push(mutation.kind);
      // Reported where it happened: the first break is within two lines of the mutation.
      else if (mutation.near.every((line) => Math.abs(report.breaks[0]!.line - line) > 2)) missed.push(`${mutation.kind}: reported at line ${report.breaks[0]!.line}`);
    }
    expect(missed).toEqual([]);
    expect(mutations.length).toBeGreaterThanOrEqual(1000);
  });
});
