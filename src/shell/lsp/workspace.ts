/**
 * The language server's view of the library: the files on disk under the workspace's SOP folders,
 * with every open buffer (unsaved) over its file. Each validation hands all of them to the one
 * validator `sop validate` uses (validateSources) and keeps, per file, what it found.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { LoadResult, ParsedLoaderInput } from '../../core/load/load-parsed-library.js';
import type { LoadedScenario } from '../../core/load/load-parsed-scenario.js';
import type { ParsedYaml } from '../../core/load/parse-yaml.js';
import { isUnreadable } from '../../core/load/source-file.js';
import type { Finding } from '../../core/findings/finding.js';
import type { ParseCache } from '../cache/parse-cache.js';
import { collectFiles } from '../library/collect-files.js';
import { isLibraryFile } from '../library/read-library.js';
import { isScenarioFile } from '../library/read-scenarios.js';
import { readSource, sourceFromBytes } from '../library/read-sources.js';
import { validateSources } from '../library/validate-sources.js';

export function isSopRunnerFile(path: string): boolean {
  return isLibraryFile(path) || isScenarioFile(path);
}

/** Parses kept by content hash, the newest few hundred only (memory stays flat over edits). */
function memoryCache(limit = 400): ParseCache {
  const entries = new Map<string, ParsedYaml>();
  return {
    get: (sha) => entries.get(sha),
    set: (sha, parsed) => {
      entries.delete(sha);
      entries.set(sha, parsed);
      if (entries.size > limit) entries.delete(entries.keys().next().value as string);
    },
  };
}

export interface Validation {
  readonly findingsByFile: ReadonlyMap<string, Finding[]>;
  readonly sources: ReadonlyMap<string, ParsedLoaderInput>;
  readonly load: LoadResult;
  readonly scenarios: readonly LoadedScenario[];
  /** Files whose text did not parse this time (their last good semantic findings are kept). */
  readonly broken: ReadonlySet<string>;
}

export class Workspace {
  private readonly cache = memoryCache();
  private readonly buffers = new Map<string, string>();
  private readonly disk = new Map<string, ParsedLoaderInput>();
  private diskFiles: string[] = [];
  private lastGood = new Map<string, Finding[]>();
  latest: Validation | undefined;

  constructor(readonly root: string) {}

  /** A path as findings name it: relative to the workspace root (as `sop validate` run there), else absolute. */
  nameOf(absolute: string): string {
    const shown = relative(this.root, absolute);
    return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? absolute : shown;
  }

  absoluteOf(name: string): string {
    return resolve(this.root, name);
  }

  /** The folders whose files make the library: sops/ under the root, and the folder of every open file. */
  private folders(): string[] {
    const folders = new Set<string>();
    const sops = join(this.root, 'sops');
    if (existsSync(sops)) folders.add(sops);
    for (const name of this.buffers.keys()) {
      const folder = dirname(this.absoluteOf(name));
      folders.add(basename(folder) === 'scenarios' ? dirname(folder) : folder);
    }
    // A folder that vanished (or an open file's folder never made) has nothing to read.
    return [...folders].filter((folder) => existsSync(folder));
  }

  /** Reads the files on disk again (at start, and when files are saved, created or deleted). */
  async rescan(): Promise<void> {
    const collected = await collectFiles(this.folders(), isSopRunnerFile);
    this.diskFiles = collected.files.map((file) => this.nameOf(resolve(file)));
    this.disk.clear();
    for (const name of this.diskFiles) this.disk.set(name, await readSource(this.absoluteOf(name), { cache: this.cache }).then((source) => ({ ...source, path: name }) as ParsedLoaderInput));
  }

  open(name: string, text: string): boolean {
    const known = this.buffers.has(name) || this.diskFiles.includes(name);
    this.buffers.set(name, text);
    return known;
  }

  close(name: string): void {
    this.buffers.delete(name);
  }

  bufferOf(name: string): string | undefined {
    return this.buffers.get(name);
  }

  /** The text a feature works on: the buffer, else the file as last read. */
  textOf(name: string): string | undefined {
    const buffer = this.buffers.get(name);
    if (buffer !== undefined) return buffer;
    const source = this.latest?.sources.get(name) ?? this.disk.get(name);
    return source === undefined || isUnreadable(source) ? undefined : source.text;
  }

  async validate(today: string): Promise<Validation> {
    const names = new Set([...this.diskFiles, ...[...this.buffers.keys()].filter(isSopRunnerFile)]);
    const sources: ParsedLoaderInput[] = [];
    for (const name of names) {
      const buffer = this.buffers.get(name);
      const source = buffer === undefined ? this.disk.get(name) : await sourceFromBytes(name, Buffer.from(buffer, 'utf8'), { cache: this.cache });
      if (source !== undefined) sources.push(source);
    }
    const result = validateSources(sources, { today });
    const findingsByFile = new Map<string, Finding[]>();
    for (const name of names) findingsByFile.set(name, []);
    for (const finding of result.findings) findingsByFile.get(finding.file)?.push(finding);
    const broken = new Set<string>();
    const lastGood = new Map<string, Finding[]>();
    for (const source of sources) {
      const own = findingsByFile.get(source.path) ?? [];
      const yamlFailed = isUnreadable(source) || source.parsed?.findings.some((finding) => finding.severity === 'error') === true;
      if (!yamlFailed) {
        lastGood.set(source.path, own);
        continue;
      }
      broken.add(source.path);
      const before = this.lastGood.get(source.path);
      if (before !== undefined) lastGood.set(source.path, before);
    }
    this.lastGood = lastGood;
    this.latest = { findingsByFile, sources: new Map(sources.map((source) => [source.path, source])), load: result.load, scenarios: result.scenarios, broken };
    return this.latest;
  }

  /** The semantic findings of the last version of `name` that could be read (for a file that cannot be now). */
  lastGoodOf(name: string): readonly Finding[] {
    return this.lastGood.get(name) ?? [];
  }
}
