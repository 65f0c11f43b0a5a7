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
import type { PositionTape } from '../../core/load/position-map.js';
import type { Finding } from '../../core/findings/finding.js';
import { SCHEMA_HASH } from '../../generated/schemas.js';
import { cacheDir } from '../paths.js';
import { VERSION } from '../version.js';

// 4: findings carry their message and hint as { en, uk }.
const FORMAT = 5;

export interface ParseCache {
  get(sha256: string, file: string): ParsedYaml | undefined;
  set(sha256: string, parsed: ParsedYaml): void;
}

function cacheKey(sha256: string): string {
  return createHash('sha256').update(`${FORMAT}\0${VERSION}\0${SCHEMA_HASH}\0${sha256}`).digest('hex');
}

/**
 * An entry is two lines: `{"value":...,"findings":[...]}` and the position tape. The second line
 * is decoded only when a finding needs a position, so a warm run on a clean library skips it.
 */
function decode(text: string, file: string): ParsedYaml | undefined {
  const newline = text.indexOf('\n');
  if (newline === -1) return undefined;
  const head: unknown = JSON.parse(text.slice(0, newline));
  const candidate = head as { value?: unknown; findings?: unknown } | null;
  if (candidate === null || typeof candidate !== 'object' || !Array.isArray(candidate.findings)) return undefined;
  const rest = text.slice(newline + 1);
  const positions = (): PositionTape => {
    try {
      const tape: unknown = JSON.parse(rest);
      return Array.isArray(tape) ? (tape as PositionTape) : [];
    } catch {
      return [];
    }
  };
  // Findings are stored without the file name: the same content may sit at another path.
  const findings = (candidate.findings as Finding[]).map((finding) => ({ ...finding, file }));
  // An empty or unparseable file has no value: the key is then absent.
  return { value: 'value' in candidate ? candidate.value : undefined, findings, positions };
}

export function openParseCache(directory: string = join(cacheDir(), 'parse')): ParseCache {
  let made = false;
  const pathOf = (sha256: string): string => join(directory, `${cacheKey(sha256)}.json`);
  return {
    get(sha256, file) {
      try {
        return decode(readFileSync(pathOf(sha256), 'utf8'), file);
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
        const positions = typeof parsed.positions === 'function' ? parsed.positions() : parsed.positions;
        const head = JSON.stringify({ value: parsed.value, findings: parsed.findings.map((finding) => ({ ...finding, file: '' })) });
        writeFileSync(temporary, `${head}\n${JSON.stringify(positions)}`, { mode: 0o600 });
        renameSync(temporary, target);
      } catch {
        // The cache is only a speed-up.
      }
    },
  };
}
