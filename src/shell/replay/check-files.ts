/**
 * What every thread of `sop replay --check` does with the files of a run: take the next file no
 * thread has claimed yet (one counter shared by all of them) and check its calls against the
 * library. Shared by the main thread (check-sources.ts) and the workers (check-worker.ts), whose
 * bundle holds only this and what it needs.
 */
import { checkCall } from '../../core/check/check-call.js';
import type { Library } from '../../core/model/library.js';
import { eachCallOfFile } from './each-call-of-file.js';
import type { CheckedCall } from './format-check.js';
import type { CallSource, ReadCallsOptions, RecordedCall } from './read-recorded-calls.js';

export interface CheckedSources {
  readonly checks: CheckedCall[];
  readonly notices: string[];
}

export type FileSource = Extract<CallSource, { kind: 'file' }>;

/** What a worker is given (workerData). */
export interface WorkerInput {
  readonly kind: 'sop-replay-check';
  readonly sopsDir: string;
  readonly files: readonly FileSource[];
  readonly claim: SharedArrayBuffer;
  readonly read: Omit<ReadCallsOptions, 'stdin'>;
}

/** What a worker posts: each file's result as it is checked, then that it is done. */
export type WorkerMessage = { readonly type: 'file'; readonly index: number; readonly result: CheckedSources } | { readonly type: 'done' };

/**
 * One copy of each name (step, SOP, outcome) kept for the report, for a whole run: the names come
 * from the calls' journal lines, one string per line read, and a year of calls keeps its report
 * (about 20 steps a call) until the end.
 */
const names = new Map<string, string>();
const NO_SOPS: readonly string[] = Object.freeze([]);

function shared(name: string): string {
  const known = names.get(name);
  if (known !== undefined) return known;
  names.set(name, name);
  return name;
}

export function checkOne(library: Library, call: Pick<RecordedCall, 'id' | 'start' | 'events' | 'file'>): CheckedCall {
  // The result is checkCall's own object with fields added or replaced (no copy: this runs once per call).
  const result = checkCall(library, { id: call.id, sop: call.start.sop, files: call.start.files, events: call.events }) as { -readonly [K in keyof CheckedCall]?: CheckedCall[K] };
  const oldPath = result.oldPath!.map(shared);
  result.newPath = result.newPath === result.oldPath ? oldPath : result.newPath!.map(shared);
  result.oldPath = oldPath;
  result.sop = shared(result.sop!);
  if (result.oldOutcome !== undefined) result.oldOutcome = shared(result.oldOutcome);
  if (result.changedSops!.length === 0) result.changedSops = NO_SOPS;
  result.file = call.file;
  result.startedAt = call.start.at;
  return result as CheckedCall;
}

/** A file's calls, each checked as soon as its lines are read (see eachCallOfFile). */
export function checkFile(library: Library, source: FileSource, read: Pick<ReadCallsOptions, 'lang'>): CheckedSources {
  const { results, notices } = eachCallOfFile(source.path, read.lang, (call) => checkOne(library, call));
  return { checks: results, notices };
}

/** Claims file indexes from a counter shared by every thread of the run. */
export function claimer(shared: SharedArrayBuffer, count: number): () => number | undefined {
  const counter = new Int32Array(shared);
  return () => {
    const index = Atomics.add(counter, 0, 1);
    return index < count ? index : undefined;
  };
}
