// The input every floor script reads: files the bench parsed beforehand, as one JSON array, so a
// floor pays for no YAML parser, no cache lookup and no file walk.
import { readFileSync } from 'node:fs';

export interface ParsedFile {
  readonly path: string;
  readonly value: unknown;
}

export function readParsedFiles(path: string): ParsedFile[] {
  return JSON.parse(readFileSync(path, 'utf8')) as ParsedFile[];
}

export function isSopFile(path: string): boolean {
  return path.endsWith('.sop.yaml') || path.endsWith('.sop.yml');
}
