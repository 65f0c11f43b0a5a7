/**
 * The pure library loader: file contents in, a Library and findings out. Parses each file
 * (or takes the cached parse), checks it against the JSON Schema (precompiled, see
 * scripts/gen-validators.mjs) and keeps the SOPs that passed. Cross-file checks are in
 * validateLibrary(); this only reports what one file can say about itself, plus duplicate ids.
 */
import validateDirectorySchema from '../../generated/validate-directory.js';
import validateSopSchema from '../../generated/validate-sop.js';
import type { Directory } from '../model/directory.js';
import type { Library, LoadedSop, PositionLookup } from '../model/library.js';
import type { Sop } from '../model/sop.js';
import type { Finding } from '../validate/finding.js';
import { makeFinding } from '../validate/make-finding.js';
import { RULES } from '../validate/rules.js';
import { schemaFindings } from '../validate/schema-findings.js';
import { parseYaml, type ParsedYaml } from './parse-yaml.js';
import { positionLookups, type SourcePositions } from './position-map.js';
import { isUnreadable, type LoaderInput, type SourceFile } from './source-file.js';

export interface LoadedDirectory {
  readonly directory: Directory;
  readonly file: string;
  readonly positionOf: PositionLookup;
}

export interface LoadResult {
  readonly library: Library;
  readonly findings: Finding[];
  /** SOP ids of files that were found but rejected (bad YAML or schema): not reported again as unknown. */
  readonly rejected: ReadonlySet<string>;
  /** Where the directory came from, when there is one. */
  readonly directorySource?: LoadedDirectory;
}

export const MODELINE = '# yaml-language-server: $schema=';

export function isDirectoryFile(path: string): boolean {
  return /(^|[\\/])directory\.ya?ml$/.test(path);
}

/** Parses a source (or takes its cached parse) and returns the value with its position lookups. */
export function parseSource(file: SourceFile): { parsed: ParsedYaml; lookups: SourcePositions } {
  const parsed = file.parsed ?? parseYaml(file.text, file.path);
  return { parsed, lookups: positionLookups(parsed.positions, file.text, parsed.value) };
}

export function loadLibrary(files: readonly LoaderInput[]): LoadResult {
  const findings: Finding[] = [];
  const sops = new Map<string, LoadedSop>();
  const rejected = new Set<string>();
  let directorySource: LoadedDirectory | undefined;

  for (const file of files) {
    if (isUnreadable(file)) {
      findings.push(...file.findings);
      continue;
    }
    const { parsed, lookups } = parseSource(file);
    findings.push(...parsed.findings);
    const value = parsed.value;
    const idOf = (): string | undefined => {
      const id = (value as { sop?: unknown } | null)?.sop;
      return typeof id === 'string' ? id : undefined;
    };
    if (value === undefined) continue;
    if (parsed.findings.some((f) => f.severity === 'error')) {
      const id = idOf();
      if (id !== undefined) rejected.add(id);
      continue;
    }
    if (!file.text.startsWith(MODELINE)) {
      const schema = isDirectoryFile(file.path) ? 'directory' : 'sop';
      findings.push(
        makeFinding(
          RULES.missingModeline,
          file.path,
          { line: 1, col: 1 },
          'the file does not start with the yaml-language-server modeline, so editors cannot check it as you type',
          `make the first line: ${MODELINE}<path to>/schemas/${schema}.schema.json`,
        ),
      );
    }

    if (isDirectoryFile(file.path)) {
      if (!validateDirectorySchema(value)) {
        findings.push(...schemaFindings(validateDirectorySchema.errors ?? [], file.path, lookups));
        continue;
      }
      if (directorySource !== undefined) {
        findings.push(
          makeFinding(RULES.duplicateSop, file.path, lookups.positionOf([]), `a second directory file; the library already has ${directorySource.file}`, 'keep one directory.yaml per library'),
        );
        continue;
      }
      directorySource = { directory: value as Directory, file: file.path, positionOf: lookups.positionOf };
      continue;
    }

    if (!validateSopSchema(value)) {
      findings.push(...schemaFindings(validateSopSchema.errors ?? [], file.path, lookups));
      const id = idOf();
      if (id !== undefined) rejected.add(id);
      continue;
    }
    const sop = value as Sop;
    const existing = sops.get(sop.sop);
    if (existing !== undefined) {
      findings.push(
        makeFinding(
          RULES.duplicateSop,
          file.path,
          lookups.positionOf(['sop']),
          `SOP id '${sop.sop}' is already used by ${existing.file}`,
          'give each SOP its own id',
        ),
      );
      continue;
    }
    sops.set(sop.sop, { sop, file: file.path, sha256: file.sha256, positionOf: lookups.positionOf });
  }

  const library: Library = directorySource ? { sops, directory: directorySource.directory } : { sops };
  return directorySource ? { library, findings, rejected, directorySource } : { library, findings, rejected };
}
