/**
 * What every command that records a call (run, train, resume) sets up the same way: the journal
 * writer's clock and sealer, and the session-start line. Written once so a new field in the
 * session start, or a new source of the sealing key, reaches all three.
 */
import { performance } from 'node:perf_hooks';
import type { Library } from '../../core/model/library.js';
import type { SessionMode, SessionStartPayload } from '../../core/record/journal-line.js';
import type { Config } from '../config/load-config.js';
import { sessionSealer } from '../crypto/configured-key.js';
import type { SessionWriterOptions } from '../journal/writer.js';
import { VERSION } from '../version.js';
import type { PreCallNotices } from './pre-call-notices.js';
import { reachableSopFiles } from './reachable-sops.js';

/** Options of the call's writer: wall clock for times, monotonic clock for `ms`, the config's sealer. */
export function callWriterOptions(config: Config, mode: SessionMode, preCall: PreCallNotices): SessionWriterOptions {
  return { dataDir: config.dataDir, mode, notice: preCall.notice, now: () => new Date(), monotonic: () => performance.now(), sealer: sessionSealer(config, preCall.warn) };
}

/** The session-start line of a call under `sop`: what was run, by whom, with which files and tool. */
export function sessionStart(library: Library, sop: string, config: Config, mode: SessionMode, training?: { scenario: string; trainee: string }): SessionStartPayload {
  return {
    sop,
    version: library.sops.get(sop)?.sop.version ?? '',
    files: reachableSopFiles(library, sop),
    operator: config.operator,
    lang: config.lang,
    tool: VERSION,
    mode,
    ...training,
  };
}
