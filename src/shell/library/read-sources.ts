/**
 * Reads and parses files for the pure loader: size checked before reading (stat first), bytes
 * hashed, the text decoded (binary and non-UTF-8 files become findings), the parse taken from the
 * cache when the content is unchanged. The YAML parser is imported only on a cache miss, so a
 * warm run never loads it. `-` reads stdin.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { decodeSource } from '../../core/load/decode-source.js';
import type { ParsedLoaderInput } from '../../core/load/load-parsed-library.js';
import type { ParsedYaml } from '../../core/load/parse-yaml.js';
import { makeFinding } from '../../core/findings/make-finding.js';
import { RULES } from '../../core/findings/rules.js';
import type { ParseCache } from '../cache/parse-cache.js';

/** Files larger than this are reported, not read. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ReadOptions {
  readonly cache?: ParseCache | undefined;
  readonly maxBytes?: number;
  /** What `-` reads (tests pass bytes); default: process.stdin. */
  readonly stdin?: () => Promise<Uint8Array>;
  /** The name stdin gets in findings. */
  readonly stdinName?: string;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let parser: Promise<(text: string, file: string) => ParsedYaml> | undefined;
function parse(text: string, file: string): Promise<ParsedYaml> {
  parser ??= import('../../core/load/parse-yaml.js').then((module) => module.parseYaml);
  return parser.then((parseYaml) => parseYaml(text, file));
}

export async function readSource(path: string, options: ReadOptions = {}): Promise<ParsedLoaderInput> {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const name = path === '-' ? (options.stdinName ?? '<stdin>') : path;
  let bytes: Uint8Array;
  try {
    if (path === '-') {
      bytes = await (options.stdin ?? readStdin)();
    } else {
      const info = await stat(path);
      if (info.size > maxBytes) {
        return {
          path,
          findings: [
            makeFinding(
              RULES.fileTooLarge,
              path,
              undefined,
              {
                en: `the file is ${(info.size / 1024 / 1024).toFixed(1)} MB; files over ${(maxBytes / 1024 / 1024).toFixed(0)} MB are not read`,
                uk: `файл має ${(info.size / 1024 / 1024).toFixed(1).replace('.', ',')} МБ; файли понад ${(maxBytes / 1024 / 1024).toFixed(0)} МБ не читаються`,
              },
              { en: 'split the SOP into smaller SOPs joined with call steps', uk: 'розділіть СОП на менші, зʼєднані кроками call' },
            ),
          ],
        };
      }
      bytes = await readFile(path);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const message = { en: `cannot read the file (${code})`, uk: `не вдається прочитати файл (${code})` };
    return { path: name, findings: [makeFinding(RULES.unreadable, name, undefined, message, { en: 'check the path and its permissions', uk: 'перевірте шлях і права доступу' })] };
  }
  return sourceFromBytes(name, bytes, options);
}

/**
 * The part of reading that starts from the bytes: the size limit, decoding, the hash and the
 * parse (from the cache when the content is unchanged). `sop lsp` hands it an editor's buffer.
 */
export async function sourceFromBytes(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<ParsedLoaderInput> {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  if (bytes.length > maxBytes) {
    const limit = (maxBytes / 1024 / 1024).toFixed(0);
    const message = { en: `the input is over ${limit} MB and was not read`, uk: `вхідні дані більші за ${limit} МБ, їх не прочитано` };
    return { path: name, findings: [makeFinding(RULES.fileTooLarge, name, undefined, message)] };
  }
  const decoded = decodeSource(name, bytes);
  if ('findings' in decoded) return { path: name, findings: decoded.findings };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const cache = options.cache;
  const cached = cache?.get(sha256, name);
  if (cached) return { path: name, text: decoded.text, sha256, parsed: cached };
  const parsed = await parse(decoded.text, name);
  cache?.set(sha256, parsed);
  return { path: name, text: decoded.text, sha256, parsed };
}

/** Reads files with limited concurrency, keeping their order. */
export async function readSources(paths: readonly string[], options: ReadOptions = {}): Promise<ParsedLoaderInput[]> {
  const results: ParsedLoaderInput[] = new Array(paths.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const index = next++;
      results[index] = await readSource(paths[index]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, paths.length) }, worker));
  return results;
}
