/**
 * `sop sync`: pushes every journal line of this machine that the store does not have yet.
 *
 * A line is keyed by (journal id, session, seq); the store keeps its bytes and compares lines by
 * the hash of their body (the line without its `prev`, which only `sop log purge` rewrites when it
 * re-chains a file). Sending a line twice stores it once; the same key with another body is a
 * conflict, reported and never overwritten. Lines go in batches, one transaction each, in file
 * order, each run of lines preceded by the line before it (its "anchor", already in the store),
 * so the store checks the chain as they arrive (sop_ingest, migrations.ts): a gap in a session's
 * seq or a prev that is not the hash of the line before it is refused, with the line named, and
 * nothing after it in that file is sent. A sync cut off at any moment (kill -9, a lost
 * connection) loses nothing: what was committed stays, the next run asks the store what it has.
 *
 * After a run in which a file was wholly in the store, its size and time are kept in
 * <dataDir>/sync/ (0600): the next run reads only the files that changed, and does not even
 * connect when none did (`--full` asks the store about every line again).
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SessionMode } from '../../core/record/journal-line.js';
import { DIR_MODE, FILE_MODE, listJournalFiles } from '../journal/files.js';
import { scanJournalBytes } from '../journal/scan.js';
import type { Store } from './db.js';
import { redactUrl } from './url.js';

export interface SyncOptions {
  readonly dataDir: string;
  readonly url: string;
  /** Opens the store: called only when something has to be asked or sent. */
  readonly connect: () => Promise<Store>;
  readonly dryRun?: boolean;
  /** Ask the store about every line, not only the files changed since the last sync. */
  readonly full?: boolean;
  /** Lines per batch (one transaction each). */
  readonly batchLines?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

interface LineRef {
  /** `<file>:<line>`, the journal file's path and 1-based line. */
  readonly where: string;
  readonly session: string;
  readonly seq: number;
  readonly detail?: string;
}

export interface SyncReport {
  /** Lines stored by this run (with --dry-run: that would be). */
  readonly sent: number;
  /** Lines the store had already. */
  readonly there: number;
  /** Lines of sessions purged from the store (never sent again). */
  readonly purged: number;
  readonly conflicts: readonly LineRef[];
  /** The first line refused in each file (broken chain, gap), or not readable here. */
  readonly refused: readonly LineRef[];
  /** Lines not sent because of an earlier conflict or refusal. */
  readonly held: number;
  /** True when no file changed since the last sync: the store was not asked. */
  readonly unchanged: boolean;
  readonly files: number;
}

interface LocalLine {
  readonly file: string; // calls/2026-11
  readonly path: string;
  readonly lineNo: number;
  readonly raw: Buffer;
  readonly session: string;
  readonly seq: number;
}

interface Cache {
  readonly files: Record<string, { size: number; mtimeMs: number; lines: number }>;
}

const MODES: readonly SessionMode[] = ['live', 'training'];
const PREV_SUFFIX = 75; // ,"prev":"<64 hex>"}

/** This data dir's journal id: random, made once (a race between two first syncs has one winner). */
function journalId(dataDir: string): string {
  const file = join(dataDir, 'sync', 'journal-id');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true, mode: DIR_MODE });
  chmodSync(dirname(file), DIR_MODE);
  try {
    writeFileSync(file, `${randomBytes(16).toString('hex')}\n`, { flag: 'wx', mode: FILE_MODE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

function cacheFile(dataDir: string, url: string): string {
  const id = createHash('sha256').update(redactUrl(url)).digest('hex').slice(0, 16);
  return join(dataDir, 'sync', `synced-${id}.json`);
}

function readCache(file: string): Cache {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Cache;
    return typeof value.files === 'object' && value.files !== null ? value : { files: {} };
  } catch {
    return { files: {} };
  }
}

function writeCache(file: string, cache: Cache): void {
  mkdirSync(dirname(file), { recursive: true, mode: DIR_MODE });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(cache), { mode: FILE_MODE });
  renameSync(tmp, file);
}

function bodyHash(raw: Buffer): string {
  return createHash('sha256').update(raw.subarray(0, raw.length - PREV_SUFFIX)).digest('hex');
}

export async function sync(options: SyncOptions): Promise<SyncReport> {
  const journal = journalId(options.dataDir);
  const cachePath = cacheFile(options.dataDir, options.url);
  const cache = options.full ? { files: {} } : readCache(cachePath);
  const files = MODES.flatMap((mode) =>
    listJournalFiles(options.dataDir, mode).map((path) => ({ path, file: `${mode === 'live' ? 'calls' : 'training'}/${basename(path, '.jsonl')}` })),
  );
  const stats = new Map(files.map(({ file, path }) => [file, statSync(path)] as const));
  const changed = files.filter(({ file }) => {
    const known = cache.files[file];
    const stat = stats.get(file)!;
    return known === undefined || known.size !== stat.size || known.mtimeMs !== stat.mtimeMs;
  });
  const empty = { sent: 0, there: 0, purged: 0, conflicts: [], refused: [], held: 0, files: files.length };
  if (changed.length === 0) return { ...empty, there: files.reduce((sum, { file }) => sum + (cache.files[file]?.lines ?? 0), 0), unchanged: true };

  // Read the changed files: every complete line up to a damaged one (not sent, nor what follows).
  const refused: LineRef[] = [];
  const perFile = new Map<string, LocalLine[]>();
  for (const { file, path } of changed) {
    const lines: LocalLine[] = [];
    for (const scanned of scanJournalBytes(readFileSync(path))) {
      if (scanned.problem === 'torn') break;
      if (scanned.problem === 'damaged' || !scanned.line) {
        refused.push({ where: `${path}:${scanned.lineNo}`, session: '', seq: -1, detail: 'damaged line (not a journal record): check it with sop log verify' });
        break;
      }
      lines.push({ file, path, lineNo: scanned.lineNo, raw: scanned.raw, session: scanned.line.session, seq: scanned.line.seq });
    }
    perFile.set(file, lines);
  }

  const store = await options.connect();
  try {
    const state = new Map<string, { lines: number; lastSeq: number; digest: string }>();
    for (const row of await store.query<{ session: string; lines: number; last_seq: number; digest: string }>('select * from sop_state($1)', [journal])) {
      state.set(row.session, { lines: row.lines, lastSeq: row.last_seq, digest: row.digest });
    }
    // Per session: which of its lines go. Lines the store has (same count, same digest of bodies) stay here.
    const bySession = new Map<string, LocalLine[]>();
    for (const lines of perFile.values()) for (const line of lines) {
      const list = bySession.get(line.session) ?? [];
      list.push(line);
      bySession.set(line.session, list);
    }
    const send = new Set<LocalLine>();
    let there = 0;
    let purged = 0;
    for (const [session, lines] of bySession) {
      const known = state.get(session);
      if (known === undefined) {
        for (const line of lines) send.add(line);
        continue;
      }
      if (known.lines === -1) {
        purged += lines.length;
        continue;
      }
      const old = lines.filter((line) => line.seq <= known.lastSeq).sort((a, b) => a.seq - b.seq);
      const digest = createHash('md5').update(old.map((line) => bodyHash(line.raw)).join('')).digest('hex');
      const same = old.length === known.lines && digest === known.digest;
      for (const line of lines) {
        if (line.seq > known.lastSeq || !same) send.add(line);
        else there++;
      }
    }

    const total = send.size;
    const batchLines = options.batchLines ?? 5000;
    const conflicts: LineRef[] = [];
    const conflicted = new Set<string>();
    let sent = 0;
    let held = 0;
    let done = 0;
    const stopped = new Set<string>();
    const complete = new Set<string>(perFile.keys());
    options.onProgress?.(0, total);

    type Item = { line: LocalLine; anchor: boolean };
    let batch: Item[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const items = batch;
      batch = [];
      const where = new Map(items.map((item) => [`${item.line.session}\u0000${item.line.seq}`, item.line] as const));
      const ref = (session: string, seq: number, detail?: string): LineRef => {
        const line = where.get(`${session}\u0000${seq}`);
        return { where: line ? `${line.path}:${line.lineNo}` : '?', session, seq, ...(detail ? { detail } : {}) };
      };
      await store.query('begin');
      let rows: { kind: string; file: string | null; session: string | null; seq: number | null; detail: string | null }[];
      try {
        rows = await store.query('select * from sop_ingest($1, $2, $3, $4, $5, $6)', [
          journal,
          items.map((item) => item.line.file),
          items.map((item) => item.line.session),
          items.map((item) => item.line.seq),
          items.map((item) => item.line.raw.toString('utf8')),
          items.map((item) => item.anchor),
        ]);
        await store.query(options.dryRun ? 'rollback' : 'commit');
      } catch (error) {
        await store.query('rollback').catch(() => undefined);
        throw error;
      }
      const lines = items.filter((item) => !item.anchor).length;
      let accounted = 0;
      for (const row of rows) {
        if (row.kind === 'stored') {
          sent += Number(row.detail);
          accounted += Number(row.detail);
        } else if (row.kind === 'there') {
          there += Number(row.detail);
          accounted += Number(row.detail);
        } else if (row.kind === 'purged') {
          purged += Number(row.detail);
          accounted += Number(row.detail);
        } else if (row.kind === 'conflict') {
          conflicts.push(ref(row.session!, row.seq!));
          conflicted.add(row.session!);
          complete.delete(row.file!);
          accounted++;
        } else if (row.kind === 'refused') {
          refused.push(ref(row.session!, row.seq!, row.detail ?? undefined));
          stopped.add(row.file!);
          complete.delete(row.file!);
        }
      }
      held += lines - accounted;
      done += lines;
      options.onProgress?.(done, total);
    };

    for (const [file, lines] of perFile) {
      let last: LocalLine | undefined;
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        if (!send.has(line)) continue;
        if (stopped.has(file) || conflicted.has(line.session)) {
          held++;
          done++;
          complete.delete(file);
          continue;
        }
        if (i > 0 && last !== lines[i - 1]) batch.push({ line: lines[i - 1]!, anchor: true });
        batch.push({ line, anchor: false });
        last = line;
        if (batch.length >= batchLines) {
          await flush();
          last = undefined;
        }
      }
      if (refused.some((r) => r.where.startsWith(`${lines[0]?.path ?? '\u0000'}:`))) complete.delete(file);
    }
    await flush();

    if (!options.dryRun) {
      const next: Cache = { files: { ...cache.files } };
      for (const file of perFile.keys()) {
        const stat = stats.get(file)!;
        if (complete.has(file) && held === 0) next.files[file] = { size: stat.size, mtimeMs: stat.mtimeMs, lines: perFile.get(file)!.length };
        else delete next.files[file];
      }
      writeCache(cachePath, next);
    }
    return { sent, there, purged, conflicts, refused, held, unchanged: false, files: files.length };
  } finally {
    await store.close();
  }
}
