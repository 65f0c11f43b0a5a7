/**
 * The loop of `sop replay --check`: each source's calls re-run against the library, one file at a
 * time. Large runs share the files out over worker threads, one per core that nothing else is
 * using: every thread takes the next unclaimed file from one shared counter — a thread that started
 * late, drew larger files or shares its core simply takes fewer. Workers post plain results per
 * file; results and notices are put back in source order, so the report is the same with or
 * without workers. Workers run their own small bundle (check-worker.ts), so they are used only
 * from the built CLI.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Library } from '../../core/model/library.js';
import { checkFile, checkOne, claimer, type CheckedSources, type FileSource, type WorkerInput, type WorkerMessage } from './check-files.js';
import type { CheckedCall } from './format-check.js';
import { recordedCallBatches, type CallSource, type ReadCallsOptions, type RecordedCalls } from './read-recorded-calls.js';


interface CheckProgress {
  /** Bytes of the sources handled so far (files only). */
  readonly bytes: number;
  readonly calls: number;
}

/** Below this many bytes of recorded calls, starting workers costs more than it saves. */
const PARALLEL_FROM_BYTES = 8_000_000;

/**
 * The share of the time a core must have been idle to count as free. Measured while this thread
 * loaded the library (30-45 ms): an idle core gave 0.5-1.0 (the counters tick every 10 ms, and
 * this process's own compiler and GC threads use some of it), a core another program kept busy
 * 0-0.33.
 */
const IDLE_ENOUGH = 0.4;

/** At most this many worker threads, whatever the machine. */
const MAX_WORKERS = 7;

/**
 * The workers' bundle, built next to the bundle this module is in (dist/chunks; the build gives
 * the CommonJS bundle an import.meta.url). Absent when run from the sources: then no workers.
 */
function workerFile(): string | undefined {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'replay-check-worker.js');
  return existsSync(file) ? file : undefined;
}

export interface ThreadsInput {
  /** Bytes of the files to check. */
  readonly bytes: number;
  /** How many files (a worker needs one to take). */
  readonly files: number;
  /** Cores this process may use (availableParallelism). */
  readonly cores: number;
  /** Cores found idle just now, on average (see idleCoresSince); undefined when unknown. */
  readonly idle?: number | undefined;
  /** SOP_REPLAY_WORKERS, when set. */
  readonly setting?: string | undefined;
}

/**
 * Worker threads to start besides this one: SOP_REPLAY_WORKERS=N forces N (0: none); otherwise,
 * when there is enough to read, one per other core that was idle while this thread loaded the
 * library. A worker on a core another program keeps busy only competes with this thread and adds
 * its own start-up: measured 45 % slower with one other busy process on 2 cores, 30-40 % faster
 * without. (The load average, which decided this before, is a minute old: a script's previous
 * run still counted in it.)
 */
export function workerThreads({ bytes, files, cores, idle, setting }: ThreadsInput): number {
  const free = idle === undefined ? cores - 1 : freeCores(idle);
  const wanted = forcedWorkers(setting) ?? (bytes >= PARALLEL_FROM_BYTES ? Math.min(cores - 1, free) : 0);
  return Math.max(0, Math.min(wanted, MAX_WORKERS, files - 1));
}

/** Whole cores in `idle`, and one more for a remainder of at least IDLE_ENOUGH. */
function freeCores(idle: number): number {
  const whole = Math.floor(idle);
  return whole + (idle - whole >= IDLE_ENOUGH ? 1 : 0);
}

/** SOP_REPLAY_WORKERS as a number of workers, when it is one. */
function forcedWorkers(setting: string | undefined): number | undefined {
  const forced = Number(setting ?? NaN);
  return Number.isInteger(forced) && forced >= 0 ? forced : undefined;
}

/** All cores' idle time so far (ms) and when it was read; undefined where the system does not say. */
interface IdleSample {
  readonly idleMs: number;
  readonly at: number;
}

function idleSample(): IdleSample | undefined {
  const list = cpus();
  if (list.length === 0) return undefined;
  let idleMs = 0;
  for (const cpu of list) idleMs += cpu.times.idle;
  return { idleMs, at: performance.now() };
}

/** The idle counters tick every 10 ms: over a shorter time an idle core may not have ticked yet. */
const SHORTEST_SAMPLE_MS = 10;

/**
 * How many cores were idle on average since `before` (this thread was busy meanwhile, so: cores
 * no program used); undefined when too little time has passed to tell.
 */
function idleCoresSince(before: IdleSample | undefined): number | undefined {
  const after = idleSample();
  if (before === undefined || after === undefined || after.at - before.at < SHORTEST_SAMPLE_MS) return undefined;
  return (after.idleMs - before.idleMs) / (after.at - before.at);
}

function checkBatch(library: Library, batch: RecordedCalls): CheckedSources {
  return { checks: batch.calls.map((call) => checkOne(library, call)), notices: [...batch.notices] };
}

/** A `replay --check` run, prepared before this thread loads the library. */
export interface PreparedCheck {
  /** Checks every source against `library` (this thread's), with the workers' help. */
  run(library: Library, onProgress?: (done: CheckProgress) => void): Promise<CheckedSources>;
  /** Stops workers still running (when the run could not go ahead). */
  close(): void;
}

/** Worker threads checking files of one run, and when each has finished (or failed). */
class Workers {
  readonly threads: Worker[] = [];
  readonly finished: Promise<void>[] = [];

  constructor(private readonly input: WorkerInput, private readonly results: (CheckedSources | undefined)[]) {}

  start(count: number): void {
    const path = count > 0 ? workerFile() : undefined;
    if (path === undefined) return;
    for (let index = 0; index < count; index++) {
      const worker = new Worker(path, { workerData: this.input });
      this.threads.push(worker);
      this.finished.push(
        new Promise<void>((resolve) => {
          worker.on('message', (message: WorkerMessage) => {
            if (message.type === 'file') this.results[message.index] = message.result;
            else resolve();
          });
          // A worker that fails leaves its files unchecked: this thread checks them afterwards.
          worker.on('error', () => resolve());
          worker.on('exit', () => resolve());
        }),
      );
    }
  }

  close(): void {
    for (const worker of this.threads) void worker.terminate();
  }
}

/**
 * Prepares a run of `sources`: SOP_REPLAY_WORKERS=N starts N workers at once (each loads the
 * library while this thread loads its own); otherwise how many is decided once this thread has
 * loaded the library, by how idle the other cores were meanwhile (see workerThreads).
 */
export function prepareCheck(sopsDir: string, sources: readonly CallSource[], read: ReadCallsOptions): PreparedCheck {
  const files = sources.filter((source): source is FileSource => source.kind === 'file');
  const others = sources.filter((source) => source.kind !== 'file');
  const totalBytes = files.reduce((sum, source) => sum + source.bytes, 0);
  const threads = { bytes: totalBytes, files: files.length, cores: availableParallelism(), setting: process.env['SOP_REPLAY_WORKERS'] };
  const claim = new SharedArrayBuffer(4);
  const results: (CheckedSources | undefined)[] = files.map(() => undefined);
  const { stdin: _stdin, ...plain } = read;
  const workers = new Workers({ kind: 'sop-replay-check', sopsDir, files, claim, read: plain }, results);
  const decideLater = forcedWorkers(threads.setting) === undefined && workerThreads(threads) > 0;
  const before = decideLater ? idleSample() : undefined;
  if (!decideLater) workers.start(workerThreads(threads));

  return {
    async run(library, onProgress) {
      if (decideLater) workers.start(workerThreads({ ...threads, idle: idleCoresSince(before) }));
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
      await Promise.all(workers.finished);
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
      workers.close();
    },
  };
}
