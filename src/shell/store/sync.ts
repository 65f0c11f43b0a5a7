/**
 * `sop sync`: pushes every journal line of this machine that the store does not have yet.
 *
 * A line is keyed by (journal id, session, seq); the store keeps its bytes and compares lines by
 * the hash of their body (the line without its `prev`, which only `sop log purge` rewrites when it
 * re-chains a file). Sending a line twice stores it once; the same key with another body is a
 * conflict, reported and never overwritten. Lines go in batches, one transaction each, in file
 * order, each run of lines preceded by the line before it (its "anchor", already in the store):
 * COPYed into the connection's staging table (or inserted as arrays where COPY is not served),
 * then checked together by the store as they arrive (sop_ingest, migrations.ts): a gap in a session's
 * seq or a prev that is not the hash of the line before it is refused, with the line named, and
 * nothing after it in that file is sent. A sync cut off at any moment (kill -9, a lost
 * connection) loses nothing: what was committed stays, the next run asks the store what it has.
 *
 * After a run in which a file was wholly in the store, its size and time are kept in
 * <dataDir>/sync/ (0600): the next run reads only the files that changed, and does not even
 * connect when none did (`--full` asks the store about every line again).
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SessionMode } from '../../core/record/journal-line.js';
import { DIR_MODE, FILE_MODE, listJournalFiles } from '../journal/files.js';
import type { Store } from './db.js';
import { JournalFile, bodyHash, type LineRef, type LocalLine } from './sync-read.js';
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
  /**
   * How lines reach the staging table: COPY (the default, where the server speaks it) or, with
   * false, a batched insert of arrays (what the embedded PGlite gets: its socket does not serve COPY).
   */
  readonly copy?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
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

interface IngestRow extends Record<string, unknown> {
  kind: string;
  file: string | null;
  session: string | null;
  seq: number | null;
  detail: string | null;
}

type Staged = { readonly line: LocalLine; readonly anchor: boolean };

interface Cache {
  readonly files: Record<string, { size: number; mtimeMs: number; lines: number }>;
}

const MODES: readonly SessionMode[] = ['live', 'training'];

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
  // Written whole, then linked into place: a sync starting at the same moment never reads the
  // file created but not yet written (an empty id, a journal of its own).
  const id = `${randomBytes(16).toString('hex')}\n`;
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, id, { mode: FILE_MODE });
  try {
    linkSync(tmp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A file system without hard links: created and written in two steps, as best it can.
    if (code !== 'EEXIST') writeNew(file, id);
  } finally {
    rmSync(tmp, { force: true });
  }
  return readFileSync(file, 'utf8').trim();
}

function writeNew(file: string, text: string): void {
  try {
    writeFileSync(file, text, { flag: 'wx', mode: FILE_MODE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
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

/**
 * A batch: up to 20,000 lines or 6 MB of them, whichever comes first, so that the staging table
 * stays in PostgreSQL's temp_buffers (8 MB by default) and is not written out. Measured on
 * 80,000 lines: 20,000 a batch took 1.45-1.51x a bare COPY, 10,000 1.8x, 40,000 (which spills)
 * 1.84x.
 */
const BATCH_LINES = 20_000;
const BATCH_BYTES = 6 << 20;

const STAGE_COLUMNS = 'pg_temp.sop_stage (ord, file, anchor, body_hash, raw)';
const BACKSLASH = 0x5c;
const COPY_ESCAPES: Record<number, number> = { 0x5c: BACKSLASH, 0x09: 0x74, 0x0a: 0x6e, 0x0d: 0x72 }; // \\ \t \n \r

/**
 * A line's bytes as a field of COPY's text format: backslash, tab, newline and carriage return
 * escaped, every other byte as it is (a journal line is UTF-8 JSON, which has none of the last
 * three raw, but a line is never trusted to be what the writer wrote).
 */
function copyField(bytes: Buffer): Buffer {
  if (bytes.indexOf(BACKSLASH) === -1 && bytes.indexOf(0x09) === -1 && bytes.indexOf(0x0a) === -1 && bytes.indexOf(0x0d) === -1) return bytes;
  const out = Buffer.allocUnsafe(bytes.length * 2);
  let n = 0;
  for (const byte of bytes) {
    const escaped = COPY_ESCAPES[byte];
    if (escaped === undefined) out[n++] = byte;
    else {
      out[n++] = BACKSLASH;
      out[n++] = escaped;
    }
  }
  return out.subarray(0, n);
}

/** A file's name as a COPY text field (the same escapes as copyField). */
function copyText(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => `\\${String.fromCharCode(COPY_ESCAPES[c.charCodeAt(0)]!)}`);
}

/** A batch as COPY text rows of the staging table, written straight into one buffer (no buffer per field: less to collect). */
function copyRows(items: readonly Staged[]): Buffer {
  const raws = items.map(({ line }) => copyField(line.raw));
  const files = new Map(items.map(({ line }) => [line.file, copyText(line.file)] as const));
  let size = 0;
  items.forEach(({ line }, ord) => (size += raws[ord]!.length + Buffer.byteLength(files.get(line.file)!) + 90));
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  items.forEach(({ line, anchor }, ord) => {
    at += out.write(`${ord}\t${files.get(line.file)!}\t${anchor ? 't' : 'f'}\t${bodyHash(line)}\t`, at, 'utf8');
    at += raws[ord]!.copy(out, at);
    out[at++] = 0x0a;
  });
  return out.subarray(0, at);
}

/** A batch staged on the connection, in a transaction begun here: COPY, or arrays where COPY is not served. */
async function stage(store: Store, batch: Batch): Promise<void> {
  await store.query('begin');
  await store.query('select sop_stage_open()');
  if (batch.copyText) {
    await store.copyFrom(`copy ${STAGE_COLUMNS} from stdin`, [batch.copyText]);
    return;
  }
  const { items } = batch;
  await store.query(`insert into ${STAGE_COLUMNS} select * from unnest($1::integer[], $2::text[], $3::boolean[], $4::text[], $5::text[])`, [
    items.map((_, ord) => ord),
    items.map((item) => item.line.file),
    items.map((item) => item.anchor),
    items.map((item) => bodyHash(item.line)),
    items.map((item) => item.line.raw.toString('utf8')),
  ]);
}

/** COPY unless told otherwise or the server is PGlite, whose socket cannot serve COPY FROM STDIN. */
async function speaksCopy(store: Store, wanted: boolean | undefined): Promise<boolean> {
  if (wanted === false) return false;
  const [row] = await store.query<{ version: string }>('select version()');
  return !/PGlite/i.test(row?.version ?? '');
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
  if (changed.length === 0) {
    const there = files.reduce((sum, { file }) => sum + (cache.files[file]?.lines ?? 0), 0);
    return { sent: 0, there, purged: 0, conflicts: [], refused: [], held: 0, files: files.length, unchanged: true };
  }

  // Connecting, and asking the store what it has of this journal, while the first lines are read.
  const opening = openAndAsk(options, journal);
  opening.catch(() => undefined);
  const readRefused: LineRef[] = [];
  const journalFiles = changed.map(({ file, path }) => new JournalFile(file, path, readRefused));
  const batchLines = options.batchLines ?? BATCH_LINES;
  try {
    journalFiles[0]?.readMore(batchLines);
  } catch (error) {
    void opening.then(({ store }) => store.close(), () => undefined);
    throw error;
  }
  const { store, copy, state } = await opening;
  try {
    // A store with nothing of this journal (its first sync: the big one) takes every line, so
    // the files are read as they are sent. Otherwise each session's lines are first compared.
    const fresh = state.size === 0;
    let toSend: Sending;
    if (fresh) toSend = { goes: () => true, total: journalFiles.reduce((sum, f) => sum + f.countLines(), 0), there: 0, purged: 0 };
    else {
      for (const f of journalFiles) f.readMore(Infinity);
      const { send, there, purged } = whatToSend(journalFiles, state);
      toSend = { goes: (line) => send.has(line), total: send.size, there, purged };
    }
    const pushed = await push(store, journal, journalFiles, toSend, copy, { ...options, batchLines });
    const refused = [...readRefused, ...pushed.refused];
    for (const { path, file } of changed) if (readRefused.some((r) => r.where.startsWith(`${path}:`))) pushed.complete.delete(file);
    if (!options.dryRun) writeCache(cachePath, nextCache(cache, journalFiles, stats, pushed));
    return {
      sent: pushed.sent,
      there: toSend.there + pushed.there,
      purged: toSend.purged + pushed.purged,
      conflicts: pushed.conflicts,
      refused,
      held: pushed.held,
      unchanged: false,
      files: files.length,
    };
  } finally {
    await store.close();
  }
}

/** The files wholly in the store now (and nothing held back) are skipped next time while their size and time stay. */
function nextCache(cache: Cache, files: readonly JournalFile[], stats: ReadonlyMap<string, { size: number; mtimeMs: number }>, pushed: Pushed): Cache {
  const next: Cache = { files: { ...cache.files } };
  for (const { file, lines } of files) {
    const stat = stats.get(file)!;
    if (pushed.complete.has(file) && pushed.held === 0) next.files[file] = { size: stat.size, mtimeMs: stat.mtimeMs, lines: lines.length };
    else delete next.files[file];
  }
  return next;
}

/** Which lines go, how many (for the progress bar), and those that stay: in the store already, or purged there. */
interface Sending {
  readonly goes: (line: LocalLine) => boolean;
  readonly total: number;
  readonly there: number;
  readonly purged: number;
}

type StoreState = Map<string, { lines: number; lastSeq: number; digest: string }>;

async function openAndAsk(options: SyncOptions, journal: string): Promise<{ store: Store; copy: boolean; state: StoreState }> {
  const store = await options.connect();
  try {
    const copy = await speaksCopy(store, options.copy);
    const state: StoreState = new Map();
    for (const row of await store.query<{ session: string; lines: number; last_seq: number; digest: string }>('select * from sop_state($1)', [journal])) {
      state.set(row.session, { lines: row.lines, lastSeq: row.last_seq, digest: row.digest });
    }
    return { store, copy, state };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Per session, which lines go: those of a session the store has (same count, same digest of bodies) stay here. */
function whatToSend(files: readonly JournalFile[], state: StoreState): { send: Set<LocalLine>; there: number; purged: number } {
  const bySession = new Map<string, LocalLine[]>();
  for (const { lines } of files) {
    for (const line of lines) {
      const list = bySession.get(line.session);
      if (list) list.push(line);
      else bySession.set(line.session, [line]);
    }
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
    const digest = createHash('md5').update(old.map(bodyHash).join('')).digest('hex');
    const same = old.length === known.lines && digest === known.digest;
    for (const line of lines) {
      if (line.seq > known.lastSeq || !same) send.add(line);
      else there++;
    }
  }
  return { send, there, purged };
}

interface Cursor {
  readonly file: number;
  readonly line: number;
}

interface Batch {
  /** In file order; each run of lines after a line not sent with it starts with that line as its anchor. */
  readonly items: readonly Staged[];
  /** The batch as COPY text, when the store takes COPY. */
  readonly copyText?: Buffer;
  /** Lines not sent: their file stopped at a refusal, or their session has a conflict. */
  readonly held: number;
  readonly heldFiles: ReadonlySet<string>;
  readonly next: Cursor;
}

interface Pushed {
  sent: number;
  there: number;
  purged: number;
  held: number;
  readonly conflicts: LineRef[];
  readonly refused: LineRef[];
  /** The files every line of which is in the store now. */
  readonly complete: Set<string>;
}

/**
 * The lines to send, batch after batch, one transaction each. While the server checks a batch,
 * the next one is planned and written as COPY text; if the batch reports a conflict or a refusal,
 * the next one is planned again with it known (it holds back what follows a refusal).
 */
async function push(store: Store, journal: string, files: readonly JournalFile[], toSend: Sending, copy: boolean, options: SyncOptions & { batchLines: number }): Promise<Pushed> {
  const { total, goes } = toSend;
  const { batchLines } = options;
  const pushed: Pushed = { sent: 0, there: 0, purged: 0, held: 0, conflicts: [], refused: [], complete: new Set(files.map(({ file }) => file)) };
  const stopped = new Set<string>();
  const conflicted = new Set<string>();
  let done = 0;
  options.onProgress?.(0, total);

  const plan = (from: Cursor): Batch => {
    const items: Staged[] = [];
    let sending = 0;
    let bytes = 0;
    let held = 0;
    const heldFiles = new Set<string>();
    let last: LocalLine | undefined;
    let f = from.file;
    let i = from.line;
    const full = (): boolean => sending >= batchLines || bytes >= BATCH_BYTES;
    for (; f < files.length && !full(); f++, i = 0) {
      const journalFile = files[f]!;
      const { file, lines } = journalFile;
      for (; !full() && (i < lines.length || readOn(journalFile, batchLines - sending)); i++) {
        const line = lines[i]!;
        if (!goes(line)) continue;
        if (stopped.has(file) || conflicted.has(line.session)) {
          held++;
          heldFiles.add(file);
          continue;
        }
        if (i > 0 && last !== lines[i - 1]) items.push({ line: lines[i - 1]!, anchor: true });
        items.push({ line, anchor: false });
        sending++;
        bytes += line.raw.length;
        last = line;
      }
      if (full()) break;
    }
    return { items, held, heldFiles, next: { file: f, line: i }, ...(copy && items.length > 0 ? { copyText: copyRows(items) } : {}) };
  };

  let batch = plan({ file: 0, line: 0 });
  while (batch.items.length > 0 || batch.held > 0) {
    pushed.held += batch.held;
    done += batch.held;
    for (const file of batch.heldFiles) pushed.complete.delete(file);
    if (batch.items.length === 0) {
      batch = plan(batch.next);
      continue;
    }
    let next: Batch;
    let rows: IngestRow[];
    try {
      await stage(store, batch);
      const checking = store.query<IngestRow>('select * from sop_ingest($1)', [journal]);
      next = plan(batch.next); // the server is checking the batch meanwhile
      rows = await checking;
      await store.query(options.dryRun ? 'rollback' : 'commit');
    } catch (error) {
      await store.query('rollback').catch(() => undefined);
      throw error;
    }
    const lines = batch.items.filter((item) => !item.anchor).length;
    const eventful = account(rows, batch.items, pushed, stopped, conflicted);
    pushed.held += lines - eventful.accounted;
    done += lines;
    options.onProgress?.(done, total);
    batch = eventful.changedPlan ? plan(batch.next) : next;
  }
  if (done !== total) options.onProgress?.(done, done); // stopped short of the count (a damaged line)
  return pushed;
}

/** More lines of a file read as they are needed: false when it has no more. */
function readOn(file: JournalFile, count: number): boolean {
  const had = file.lines.length;
  file.readMore(count);
  return file.lines.length > had;
}

/** What sop_ingest said of a batch, added up; changedPlan when a conflict or refusal holds lines back. */
function account(rows: readonly IngestRow[], items: readonly Staged[], pushed: Pushed, stopped: Set<string>, conflicted: Set<string>): { accounted: number; changedPlan: boolean } {
  const where = new Map(items.map((item) => [`${item.line.session}\u0000${item.line.seq}`, item.line] as const));
  const ref = (session: string, seq: number, detail?: string): LineRef => {
    const line = where.get(`${session}\u0000${seq}`);
    return { where: line ? `${line.path}:${line.lineNo}` : '?', session, seq, ...(detail ? { detail } : {}) };
  };
  let accounted = 0;
  let changedPlan = false;
  for (const row of rows) {
    if (row.kind === 'stored' || row.kind === 'there' || row.kind === 'purged') {
      const n = Number(row.detail);
      if (row.kind === 'stored') pushed.sent += n;
      else if (row.kind === 'there') pushed.there += n;
      else pushed.purged += n;
      accounted += n;
    } else if (row.kind === 'conflict') {
      pushed.conflicts.push(ref(row.session!, row.seq!));
      conflicted.add(row.session!);
      pushed.complete.delete(row.file!);
      accounted++;
      changedPlan = true;
    } else if (row.kind === 'refused') {
      pushed.refused.push(ref(row.session!, row.seq!, row.detail ?? undefined));
      stopped.add(row.file!);
      pushed.complete.delete(row.file!);
      changedPlan = true;
    }
  }
  return { accounted, changedPlan };
}
