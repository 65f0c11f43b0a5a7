/**
 * Turns a file's bytes into text, or into a finding when they are not text: NUL bytes (a binary
 * file) or bytes that are not UTF-8. Pure: the shell reads the bytes.
 */
import type { Finding } from '../findings/finding.js';
import { makeFinding } from '../findings/make-finding.js';
import { RULES } from '../findings/rules.js';

/** Offset of the first byte that is not part of valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) [need, min] = [1, 0x80];
    else if (byte >= 0xe0 && byte <= 0xef) [need, min] = [2, 0x800];
    else if (byte >= 0xf0 && byte <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = byte & (0x3f >> need);
    for (let j = 1; j <= need; j++) {
      const next = bytes[i + j];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in bytes) of a byte offset. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function decodeSource(path: string, bytes: Uint8Array): { text: string } | { findings: Finding[] } {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      findings: [
        makeFinding(
          RULES.binaryFile,
          path,
          bytePosition(bytes, nul),
          { en: 'the file contains NUL bytes: it is a binary file, not YAML text', uk: 'файл містить нульові байти: це двійковий файл, а не текст YAML' },
          { en: 'check that you named the right file', uk: 'перевірте, чи вказано правильний файл' },
        ),
      ],
    };
  }
  let text: string | undefined;
  try {
    text = strict.decode(bytes);
  } catch {
    text = undefined;
  }
  const bad = text === undefined ? firstInvalidUtf8(bytes) : -1;
  if (bad !== -1) {
    return {
      findings: [
        makeFinding(
          RULES.notUtf8,
          path,
          bytePosition(bytes, bad),
          {
            en: `byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} is not valid UTF-8 (column counted in bytes)`,
            uk: `байт 0x${bytes[bad]!.toString(16).padStart(2, '0')} не є правильним UTF-8 (стовпець рахується в байтах)`,
          },
          { en: 'save the file as UTF-8 (most editors: "Save with encoding")', uk: 'збережіть файл у кодуванні UTF-8 (у більшості редакторів: «Зберегти з кодуванням»)' },
        ),
      ],
    };
  }
  return { text: text ?? decoder.decode(bytes) };
}
