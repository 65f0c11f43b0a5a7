/**
 * The parse cache: each file's parse (value, compact position map, YAML findings) as JSON, keyed
 * by the SHA-256 of the file's bytes, the tool version and the schema hash. It caches the parse,
 * never the verdict: schema and cross-file checks always run. Entries live in
 * `$XDG_CACHE_HOME/sop-runner/parse/` (files 0600, folders 0700); a corrupt or unreadable entry is
 * ignored, and a failure to write is silent (the cache is only ever a speed-up).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedYaml } from '../../core/load/parse-yaml.js';
import type { Finding } from '../../core/validate/finding.js';
import { SCHEMA_HASH } from '../../generated/schemas.js';
import { cacheDir } from '../paths.js';

declare const __SOP_VERSION__: string;
const VERSION: string = typeof __SOP_VERSION__ === 'string' ? __SOP_VERSION__ : '0.0.0-dev';
const FORMAT = 1;

export interface ParseCache {
  get(sha256: string, file: string): ParsedYaml | undefined;
  set(sha256: string, parsed: ParsedYaml): void;
}

export function cacheKey(sha256: string): string {
  return createHash('sha256').update(`${FORMAT}\0${VERSION}\0${SCHEMA_HASH}\0${sha256}`).digest('hex');
}

function isParsed(value: unknown): value is ParsedYaml {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as { positions?: { v?: unknown; k?: unknown }; findings?: unknown };
  return (
    typeof candidate.positions?.v === 'object' &&
    candidate.positions.v !== null &&
    typeof candidate.positions.k === 'object' &&
    candidate.positions.k !== null &&
    Array.isArray(candidate.findings)
  );
}

export function openParseCache(directory: string = join(cacheDir(), 'parse')): ParseCache {
  let made = false;
  const pathOf = (sha256: string): string => join(directory, `${cacheKey(sha256)}.json`);
  return {
    get(sha256, file) {
      try {
        const entry: unknown = JSON.parse(readFileSync(pathOf(sha256), 'utf8'));
        if (!isParsed(entry)) return undefined;
        // Findings are stored without the file name: the same content may sit at another path.
        return { ...entry, findings: entry.findings.map((finding: Finding) => ({ ...finding, file })) };
      } catch {
        return undefined;
      }
    },
    set(sha256, parsed) {
      try {
        if (!made) {
          mkdirSync(directory, { recursive: true, mode: 0o700 });
          made = true;
        }
        const target = pathOf(sha256);
        const temporary = `${target}.${process.pid}.tmp`;
        const entry = { ...parsed, findings: parsed.findings.map((finding) => ({ ...finding, file: '' })) };
        writeFileSync(temporary, JSON.stringify(entry), { mode: 0o600 });
        renameSync(temporary, target);
      } catch {
        // The cache is only a speed-up.
      }
    },
  };
}
