/**
 * The loop of `sop replay --check`: each source's calls re-run against the library, one file at a
 * time. Large runs share the files out over worker threads (one per idle core besides this one):
 * workers are started first, so each loads the library itself while this thread loads its own,
 * then every thread takes the next unclaimed file from one shared counter — a thread that started
 * late or drew larger files simply takes fewer. Workers post plain results per file; results and
 * notices are put back in source order, so the report is the same with or without workers.
 * Workers are used only from the built bundle (a worker runs this same module file).
 */
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkCall } from '../../core/check/check-call.js';
import type { Library } from '../../core/model/library.js';
import { readLibrary } from '../library/read-library.js';
import type { CheckedCall } from './format-check.js';
import { eachCallOfFile } from './each-call-of-file.js';
import { recordedCallBatches, type CallSource, type ReadCallsOptions, type RecordedCall, type RecordedCalls } from './read-recorded-calls.js';

export interface CheckProgress {
  /** Bytes of the sources handled so far (files only). */
  readonly bytes: number;
  readonly calls: number;
}

export interface CheckedSources {
  readonly checks: CheckedCall[];
  readonly notices: string[];
}

type FileSource = Extract<CallSource, { kind: 'file' }>;

/** Below this many bytes of recorded calls, starting workers costs more than it saves. */
const PARALLEL_FROM_BYTES = 8_000_000;

function checkOne(library: Library, call: RecordedCall): CheckedCall {
  const result = checkCall(library, { id: call.id, sop: call.start.sop, files: call.start.files, events: call.events });
  return { ...result, file: call.file, startedAt: call.start.at };
}

function checkBatch(library: Library, batch: RecordedCalls): CheckedSources {
  return { checks: batch.calls.map((call) => checkOne(library, call)), notices: [...batch.notices] };
}

/** A file's calls, each checked as soon as its lines are read (see eachCallOfFile). */
function checkFile(library: Library, source: FileSource, read: ReadCallsOptions): CheckedSources {
  const { results, notices } = eachCallOfFile(source.path, read.lang, (call) => checkOne(library, call));
  return { checks: results, notices };
}

/**
 * Cores nobody else kept busy over the last minute (by the load average), at most all but this
 * thread's. A worker on a core that is already taken only competes with this thread and adds its
 * own start-up (loading the code and the library again): measured slower on a loaded machine.
 */
function idleCores(): number {
  const cores = availableParallelism();
  return Math.max(0, Math.min(cores - 1, Math.floor(cores - loadavg()[0]!)));
}

/** Claims file indexes from a counter shared by every thread of the run. */
function claimer(shared: SharedArrayBuffer, count: number): () => number | undefined {
  const counter = new Int32Array(shared);
  return () => {
    const index = Atomics.add(counter, 0, 1);
    return index < count ? index : undefined;
  };
}

interface WorkerInput {
  readonly kind: 'sop-replay-check';
  readonly sopsDir: string;
  readonly files: readonly FileSource[];
  readonly claim: SharedArrayBuffer;
  readonly read: Omit<ReadCallsOptions, 'stdin'>;
}

type WorkerMessage = { readonly type: 'file'; readonly index: number; readonly result: CheckedSources } | { readonly type: 'done' };

/** A `replay --check` run whose workers (if any) are already loading the library. */
export interface PreparedCheck {
  /** Checks every source against `library` (this thread's), with the workers' help. */
  run(library: Library, onProgress?: (done: CheckProgress) => void): Promise<CheckedSources>;
  /** Stops workers still running (when the run could not go ahead). */
  close(): void;
}

/** Starts the workers a run of `sources` is worth (SOP_REPLAY_WORKERS=N: N extra threads, 0 none). */
export function prepareCheck(sopsDir: string, sources: readonly CallSource[], read: ReadCallsOptions): PreparedCheck {
  const files = sources.filter((source): source is FileSource => source.kind === 'file');
  const others = sources.filter((source) => source.kind !== 'file');
  const totalBytes = files.reduce((sum, source) => sum + source.bytes, 0);
  const setting = Number(process.env['SOP_REPLAY_WORKERS'] ?? NaN);
  const threads = Number.isInteger(setting) && setting >= 0 ? setting + 1 : totalBytes >= PARALLEL_FROM_BYTES ? idleCores() + 1 : 1;
  const self = import.meta.url;
  const extra = self.endsWith('.js') ? Math.min(threads, 8, files.length) - 1 : 0;

  const claim = new SharedArrayBuffer(4);
  const results: (CheckedSources | undefined)[] = files.map(() => undefined);
  const { stdin: _stdin, ...plain } = read;
  const workers = Array.from({ length: Math.max(0, extra) }, () => {
    const input: WorkerInput = { kind: 'sop-replay-check', sopsDir, files, claim, read: plain };
    return new Worker(fileURLToPath(self), { workerData: input });
  });
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

async function workerMain(input: WorkerInput): Promise<void> {
  const { library } = await readLibrary([input.sopsDir]);
  const next = claimer(input.claim, input.files.length);
  for (let index = next(); index !== undefined; index = next()) {
    const result = checkFile(library, input.files[index]!, input.read);
    parentPort?.postMessage({ type: 'file', index, result } satisfies WorkerMessage);
  }
  parentPort?.postMessage({ type: 'done' } satisfies WorkerMessage);
}

if (!isMainThread && (workerData as Partial<WorkerInput> | undefined)?.kind === 'sop-replay-check') {
  void workerMain(workerData as WorkerInput);
}
