/**
 * The loop of `sop replay --check`: each source's calls re-run against the library, one file at a
 * time. Large runs are split over worker threads (one per core, the first share in this thread):
 * each worker loads the library itself, checks its files and posts plain results back. Workers
 * are used only from the built bundle (a worker runs this same module file), for enough bytes.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkCall } from '../../core/check/check-call.js';
import type { Library } from '../../core/model/library.js';
import { readLibrary } from '../library/read-library.js';
import type { CheckedCall } from './format-check.js';
import { recordedCallBatches, type CallSource, type ReadCallsOptions } from './read-recorded-calls.js';

export interface CheckProgress {
  /** Bytes of the sources handled so far (files only). */
  readonly bytes: number;
  readonly calls: number;
}

export interface CheckedSources {
  readonly checks: CheckedCall[];
  readonly notices: string[];
}

/** Below this many bytes of recorded calls, starting workers costs more than it saves. */
const PARALLEL_FROM_BYTES = 8_000_000;

function checkInThisThread(library: Library, sources: readonly CallSource[], read: ReadCallsOptions, onProgress?: (done: CheckProgress) => void): CheckedSources {
  const checks: CheckedCall[] = [];
  const notices: string[] = [];
  let bytes = 0;
  const batches = recordedCallBatches(sources, read);
  for (const source of sources) {
    const batch = batches.next();
    if (batch.done) break;
    notices.push(...batch.value.notices);
    for (const call of batch.value.calls) {
      const result = checkCall(library, { id: call.id, sop: call.start.sop, files: call.start.files, events: call.events });
      checks.push({ ...result, file: call.file, startedAt: call.start.at });
    }
    bytes += source.kind === 'file' ? source.bytes : 0;
    onProgress?.({ bytes, calls: checks.length });
  }
  return { checks, notices };
}

/** Splits sources into `parts` groups of about equal bytes (files only; others stay in the first). */
function split(sources: readonly CallSource[], parts: number): CallSource[][] {
  const groups: { sources: CallSource[]; bytes: number }[] = Array.from({ length: parts }, () => ({ sources: [], bytes: 0 }));
  const sized = [...sources].sort((a, b) => (b.kind === 'file' ? b.bytes : 0) - (a.kind === 'file' ? a.bytes : 0));
  for (const source of sized) {
    const target = source.kind === 'file' ? groups.reduce((min, group) => (group.bytes < min.bytes ? group : min)) : groups[0]!;
    target.sources.push(source);
    target.bytes += source.kind === 'file' ? source.bytes : 0;
  }
  return groups.map((group) => group.sources).filter((group) => group.length > 0);
}

interface WorkerInput {
  readonly kind: 'sop-replay-check';
  readonly sopsDir: string;
  readonly sources: readonly CallSource[];
  readonly read: Omit<ReadCallsOptions, 'stdin'>;
}

type WorkerMessage = { readonly type: 'progress'; readonly done: CheckProgress } | { readonly type: 'done'; readonly result: CheckedSources };

export async function checkSources(
  library: Library,
  sopsDir: string,
  sources: readonly CallSource[],
  read: ReadCallsOptions,
  onProgress?: (done: CheckProgress) => void,
): Promise<CheckedSources> {
  const totalBytes = sources.reduce((sum, source) => sum + (source.kind === 'file' ? source.bytes : 0), 0);
  const setting = Number(process.env['SOP_REPLAY_WORKERS'] ?? NaN);
  const threads = Number.isInteger(setting) && setting >= 0 ? setting + 1 : totalBytes >= PARALLEL_FROM_BYTES ? availableParallelism() : 1;
  const self = import.meta.url;
  const groups = self.endsWith('.js') && threads > 1 ? split(sources, Math.min(threads, 8)) : [[...sources]];
  if (groups.length <= 1) return checkInThisThread(library, sources, read, onProgress);

  const progress = groups.map(() => ({ bytes: 0, calls: 0 }));
  const report = (index: number, done: CheckProgress): void => {
    progress[index] = done;
    onProgress?.(progress.reduce((sum, part) => ({ bytes: sum.bytes + part.bytes, calls: sum.calls + part.calls }), { bytes: 0, calls: 0 }));
  };
  const { stdin: _stdin, ...plain } = read;
  const inWorkers = groups.slice(1).map(
    (group, offset) =>
      new Promise<CheckedSources>((resolve, reject) => {
        const input: WorkerInput = { kind: 'sop-replay-check', sopsDir, sources: group, read: plain };
        const worker = new Worker(fileURLToPath(self), { workerData: input });
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'progress') report(offset + 1, message.done);
          else resolve(message.result);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`replay --check worker exited with code ${code}`));
        });
      }),
  );
  const mine = checkInThisThread(library, groups[0]!, read, (done) => report(0, done));
  const results = [mine, ...(await Promise.all(inWorkers))];
  return { checks: results.flatMap((result) => result.checks), notices: results.flatMap((result) => result.notices) };
}

async function workerMain(input: WorkerInput): Promise<void> {
  const { library } = await readLibrary([input.sopsDir]);
  const result = checkInThisThread(library, input.sources, input.read, (done) => parentPort?.postMessage({ type: 'progress', done } satisfies WorkerMessage));
  parentPort?.postMessage({ type: 'done', result } satisfies WorkerMessage);
}

if (!isMainThread && (workerData as Partial<WorkerInput> | undefined)?.kind === 'sop-replay-check') {
  void workerMain(workerData as WorkerInput);
}
