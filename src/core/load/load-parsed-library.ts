/**
 * The library loader over files already parsed (by parseYaml, or from the parse cache): checks
 * each against the JSON Schema (precompiled, see scripts/gen-validators.mjs) and keeps the SOPs
 * that passed. It does not import the YAML parser, so a run served from the cache never loads it.
 * Cross-file checks are in validateLibrary(); this only reports what one file can say about
 * itself, plus duplicate ids.
 */
import validateDirectorySchema from '../../generated/validate-directory.js';
import validateSopSchema from '../../generated/validate-sop.js';
import type { Directory } from '../model/directory.js';
import type { Library, LoadedSop, PositionLookup } from '../model/library.js';
import type { Sop } from '../model/sop.js';
import type { Finding } from '../findings/finding.js';
import { checkModeline } from './check-modeline.js';
import { makeFinding } from '../findings/make-finding.js';
import { RULES } from '../findings/rules.js';
import { schemaFindings } from './schema-findings.js';
import type { ParsedYaml } from './parse-yaml.js';
import { orderTexts } from './order-texts.js';
import { positionLookups, type SourcePositions } from './position-map.js';
import { rememberText } from './source-text.js';
import { isUnreadable, type SourceFile, type UnreadableFile } from './source-file.js';

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
  /** Files with YAML or schema errors: the semantic rules (validateLibrary) did not see them. */
  readonly notChecked?: ReadonlySet<string>;
}


export function isDirectoryFile(path: string): boolean {
  return /(^|[\\/])directory\.ya?ml$/.test(path);
}

/** A source file with its parse. */
export type ParsedSourceFile = SourceFile & { readonly parsed: ParsedYaml };
export type ParsedLoaderInput = ParsedSourceFile | UnreadableFile;

/** The parse's value with its position lookups (which remember the text, for carets). */
export function lookupsOf(file: ParsedSourceFile): { parsed: ParsedYaml; lookups: SourcePositions } {
  const parsed = file.parsed;
  const lookups = positionLookups(parsed.positions, file.text, parsed.value);
  rememberText(lookups.positionOf, file.text, lookups.keyPositionOf);
  return { parsed, lookups };
}

export function loadParsedLibrary(files: readonly ParsedLoaderInput[]): LoadResult {
  const findings: Finding[] = [];
  const sops = new Map<string, LoadedSop>();
  const rejected = new Set<string>();
  let directorySource: LoadedDirectory | undefined;
  const notChecked = new Set<string>();

  for (const file of files) {
    if (isUnreadable(file)) {
      findings.push(...file.findings);
      continue;
    }
    const { parsed, lookups } = lookupsOf(file);
    findings.push(...parsed.findings);
    const value = parsed.value;
    const idOf = (): string | undefined => {
      const id = (value as { sop?: unknown } | null)?.sop;
      return typeof id === 'string' ? id : undefined;
    };
    if (value === undefined) {
      if (parsed.findings.some((f) => f.severity === 'error')) notChecked.add(file.path);
      continue;
    }
    if (parsed.findings.some((f) => f.severity === 'error')) {
      notChecked.add(file.path);
      const id = idOf();
      if (id !== undefined) rejected.add(id);
      continue;
    }
    findings.push(...checkModeline(file.text, file.path, isDirectoryFile(file.path) ? 'directory' : 'sop'));

    if (isDirectoryFile(file.path)) {
      if (!validateDirectorySchema(value)) {
        notChecked.add(file.path);
        findings.push(...schemaFindings(validateDirectorySchema.errors ?? [], file.path, lookups));
        continue;
      }
      if (directorySource !== undefined) {
        findings.push(
          makeFinding(
            RULES.duplicateDirectory,
            file.path,
            lookups.positionOf(['directory']),
            {
              en: `a second directory file: the library already has ${directorySource.file}; this one is ignored`,
              uk: `другий файл довідника: бібліотека вже має ${directorySource.file}; цей пропущено`,
            },
            { en: 'keep one directory.yaml per library, or validate the libraries one at a time', uk: 'тримайте один directory.yaml на бібліотеку або перевіряйте бібліотеки по одній' },
          ),
        );
        continue;
      }
      directorySource = { directory: value as Directory, file: file.path, positionOf: lookups.positionOf };
      continue;
    }

    if (!validateSopSchema(value)) {
      notChecked.add(file.path);
      findings.push(...schemaFindings(validateSopSchema.errors ?? [], file.path, lookups));
      const id = idOf();
      if (id !== undefined) rejected.add(id);
      continue;
    }
    const sop = orderTexts(value as Sop);
    const existing = sops.get(sop.sop);
    if (existing !== undefined) {
      findings.push(
        makeFinding(
          RULES.duplicateSop,
          file.path,
          lookups.positionOf(['sop']),
          { en: `SOP id '${sop.sop}' is already used by ${existing.file}`, uk: `ідентифікатор СОП «${sop.sop}» уже використано в ${existing.file}` },
          { en: 'give each SOP its own id', uk: 'дайте кожній СОП власний ідентифікатор' },
        ),
      );
      continue;
    }
    sops.set(sop.sop, { sop, file: file.path, sha256: file.sha256, positionOf: lookups.positionOf });
  }

  const library: Library = directorySource ? { sops, directory: directorySource.directory } : { sops };
  return directorySource ? { library, findings, rejected, directorySource, notChecked } : { library, findings, rejected, notChecked };
}
