/**
 * A `sop replay --check` worker thread: loads the library, then checks the files it claims and
 * posts each file's result. Bundled on its own (scripts/build.mjs: dist/chunks/replay-check-worker.js)
 * with only what checking needs, so that it starts sooner than the whole CLI would.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import { installCatalogues } from '../catalogues.js';
import { packageRoot } from '../config/package-root.js';
import { readLibrary } from '../library/read-library.js';
import { checkFile, claimer, type WorkerInput, type WorkerMessage } from './check-files.js';

async function workerMain(input: WorkerInput): Promise<void> {
  installCatalogues(join(packageRoot(), 'locales')); // findings are sorted by their English words
  const { library } = await readLibrary([input.sopsDir]);
  const next = claimer(input.claim, input.files.length);
  for (let index = next(); index !== undefined; index = next()) {
    const result = checkFile(library, input.files[index]!, input.read);
    parentPort?.postMessage({ type: 'file', index, result } satisfies WorkerMessage);
  }
  parentPort?.postMessage({ type: 'done' } satisfies WorkerMessage);
}

if ((workerData as Partial<WorkerInput> | undefined)?.kind === 'sop-replay-check') {
  void workerMain(workerData as WorkerInput);
}
