/**
 * The loop of `sop replay --check`: each source's calls re-run against the library, one file at a
 * time. Large runs share the files out over worker threads (one per core besides this one):
 * workers are started first, so each loads the library itself while this thread loads its own,
 * then every thread takes the next unclaimed file from one shared counter — a thread that started
 * late, drew larger files or shares its core with other programs simply takes fewer. Workers post
 * plain results per file; results and notices are put back in source order, so the report is the
 * same with or without workers. Workers run their own small bundle (check-worker.ts), so they
 * are used only from the built CLI.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Library } from '../../core/model/library.js';
import { checkFile, checkOne, claimer, type CheckedSources, type FileSource, type WorkerInput, type WorkerMessage } from './check-files.js';
import type { CheckedCall } from './format-check.js';
import { recordedCallBatches, type CallSource, type ReadCallsOptions, type RecordedCalls } from './read-recorded-calls.js';

export type { CheckedSources } from './check-files.js';

export interface CheckProgress {
  /** Bytes of the sources handled so far (files only). */
  readonly bytes: number;
  readonly calls: number;
}

/** Below this many bytes of recorded calls, starting workers costs more than it saves. */
const PARALLEL_FROM_BYTES = 8_000_000;

/** At most this many worker threads, whatever the machine. */
const MAX_WORKERS = 7;

/**
 * The workers' bundle, built next to the chunk this module is bundled in (dist/chunks): found
 * through import.meta.url in an ES module, __dirname in a CommonJS bundle (where import.meta is
 * empty). Absent when run from the sources: then no workers.
 */
function workerFile(): string | undefined {
  const url: unknown = import.meta.url;
  const folder = typeof url === 'string' && url.startsWith('file:') ? dirname(fileURLToPath(url)) : typeof __dirname === 'string' ? __dirname : undefined;
  const file = folder === undefined ? undefined : join(folder, 'replay-check-worker.js');
  return file !== undefined && existsSync(file) ? file : undefined;
}

export interface ThreadsInput {
  /** Bytes of the files to check. */
  readonly bytes: number;
  /** How many files (a worker needs one to take). */
  readonly files: number;
  /** Cores this process may use (availableParallelism). */
  readonly cores: number;
  /** SOP_REPLAY_WORKERS, when set. */
  readonly setting?: string | undefined;
}

/**
 * Worker threads to start besides this one: SOP_REPLAY_WORKERS=N forces N (0: none); otherwise one
 * per other core when there is enough to read. Not fewer when the machine is busy: a worker that
 * gets less of a core than this thread just claims fewer files, and the load average that used to
 * decide this is a minute old (the previous run of a script still counts in it).
 */
export function workerThreads({ bytes, files, cores, setting }: ThreadsInput): number {
  const forced = Number(setting ?? NaN);
  const wanted = Number.isInteger(forced) && forced >= 0 ? forced : bytes >= PARALLEL_FROM_BYTES ? cores - 1 : 0;
  return Math.max(0, Math.min(wanted, MAX_WORKERS, files - 1));
}

function checkBatch(library: Library, batch: RecordedCalls): CheckedSources {
  return { checks: batch.calls.map((call) => checkOne(library, call)), notices: [...batch.notices] };
}

/** A `replay --check` run whose workers (if any) are already loading the library. */
export interface PreparedCheck {
  /** Checks every source against `library` (this thread's), with the workers' help. */
  run(library: Library, onProgress?: (done: CheckProgress) => void): Promise<CheckedSources>;
  /** Stops workers still running (when the run could not go ahead). */
  close(): void;
}

function startWorkers(count: number, input: WorkerInput, results: (CheckedSources | undefined)[]): { workers: Worker[]; finished: Promise<void>[] } {
  const path = count > 0 ? workerFile() : undefined;
  const workers = path === undefined ? [] : Array.from({ length: count }, () => new Worker(path, { workerData: input }));
  const finished = workers.map(
    (worker) =>
      new Promise<void>((resolve) => {
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'file') results[message.index] = message.result;
          else resolve();
        });
        // A worker that fails leaves its files unchecked: this thread checks them afterwards.
        worker.on('error', () => resolve());
        worker.on('exit', () => resolve());
      }),
  );
  return { workers, finished };
}

/** Starts the workers a run of `sources` is worth (see workerThreads). */
export function prepareCheck(sopsDir: string, sources: readonly CallSource[], read: ReadCallsOptions): PreparedCheck {
  const files = sources.filter((source): source is FileSource => source.kind === 'file');
  const others = sources.filter((source) => source.kind !== 'file');
  const totalBytes = files.reduce((sum, source) => sum + source.bytes, 0);
  const count = workerThreads({ bytes: totalBytes, files: files.length, cores: availableParallelism(), setting: process.env['SOP_REPLAY_WORKERS'] });

  const claim = new SharedArrayBuffer(4);
  const results: (CheckedSources | undefined)[] = files.map(() => undefined);
  const { stdin: _stdin, ...plain } = read;
  const { workers, finished } = startWorkers(count, { kind: 'sop-replay-check', sopsDir, files, claim, read: plain }, results);

  return {
    async run(library, onProgress) {
      let bytes = 0;
      let calls = 0;
      const next = claimer(claim, files.length);
      for (let index = next(); index !== undefined; index = next()) {
        const result = checkFile(library, files[index]!, read);
        results[index] = result;
        bytes += files[index]!.bytes;
        calls += result.checks.length;
        onProgress?.({ bytes, calls });
      }
      await Promise.all(finished);
      const otherResults = [...recordedCallBatches(others, read)].map((batch) => checkBatch(library, batch));
      const checks: CheckedCall[] = [];
      const notices: string[] = [];
      let fileIndex = 0;
      let otherIndex = 0;
      for (const source of sources) {
        const result = source.kind === 'file' ? (results[fileIndex] ?? checkFile(library, files[fileIndex]!, read)) : otherResults[otherIndex++];
        if (source.kind === 'file') fileIndex++;
        if (!result) continue;
        for (const check of result.checks) checks.push(check);
        for (const notice of result.notices) notices.push(notice);
      }
      onProgress?.({ bytes: totalBytes, calls: checks.length });
      return { checks, notices };
    },
    close() {
      for (const worker of workers) void worker.terminate();
    },
  };
}
