/**
 * Recorded calls for replay, replay --check and test --journal, from what the user names:
 * nothing (the whole journal of the data dir), exported files (`-` = stdin), folders of them,
 * or session ids (a unique prefix is enough) looked up in the journal.
 */
import { readAllStdinSync } from '../stdin.js';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findSession } from '../../core/record/find-session.js';
import { byStart, groupSessions } from '../../core/record/group-sessions.js';
import type { JournalLine, SessionMode } from '../../core/record/journal-line.js';
import type { RecordedSession } from '../../core/record/recorded-session.js';
import { UserError } from '../exit-codes.js';
import type { Lang } from '../i18n.js';
import { listJournalFiles } from '../journal/files.js';
import { readJournal, readJournalFile } from '../journal/reader.js';
import { parseJournalLines } from '../journal/parse-lines.js';
import { orphanNotice, problemNotice } from '../journal/scan.js';

export interface RecordedCall extends RecordedSession {
  /** The file it was read from (`-` for stdin). */
  readonly file: string;
}

export interface RecordedCalls {
  readonly calls: RecordedCall[];
  readonly notices: string[];
}

export interface ReadCallsOptions {
  readonly dataDir: string;
  readonly mode: SessionMode;
  readonly lang: Lang;
  /** Reads standard input (injectable for tests). */
  readonly stdin?: () => Buffer;
}

function jsonlFiles(dir: string, seen = new Set<string>()): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (seen.has(path)) continue;
      seen.add(path);
      files.push(...jsonlFiles(path, seen));
    } else if (entry.isFile() && entry.name.endsWith('.jsonl')) {
      files.push(path);
    }
  }
  return files;
}

function sessionsOf(file: string, lines: readonly JournalLine[], notices: string[], lang: Lang): RecordedCall[] {
  const orphan = (id: string): void => {
    notices.push(orphanNotice(file, id, lang));
  };
  return groupSessions(lines, orphan).map((session) => ({ ...session, file }));
}

/** Where recorded calls come from: a journal or exported file, stdin, or a session id. */
export type CallSource =
  | { readonly kind: 'file'; readonly path: string; readonly bytes: number }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'session'; readonly id: string };

/** What the arguments name, files expanded (folders recursively), without reading any call yet. */
export function callSources(args: readonly string[], options: ReadCallsOptions): CallSource[] {
  const { lang } = options;
  const file = (path: string): CallSource => ({ kind: 'file', path, bytes: statSync(path).size });
  if (args.length === 0) return listJournalFiles(options.dataDir, options.mode).map(file);
  const sources: CallSource[] = [];
  for (const arg of args) {
    if (arg === '-') {
      sources.push({ kind: 'stdin' });
      continue;
    }
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      stat = undefined;
    }
    if (!stat) {
      sources.push({ kind: 'session', id: arg });
      continue;
    }
    const files = stat.isDirectory() ? jsonlFiles(arg) : [arg];
    if (stat.isDirectory() && files.length === 0) {
      throw new UserError(lang === 'uk' ? `у теці ${arg} немає файлів .jsonl із записаними дзвінками` : `no .jsonl files of recorded calls in ${arg}`);
    }
    sources.push(...files.map(file));
  }
  return sources;
}

/**
 * The calls of each source in turn, one batch per file (or session id): a long `replay --check`
 * handles a batch and lets it go before reading the next, so memory stays at one file's worth.
 */
export function* recordedCallBatches(sources: readonly CallSource[], options: ReadCallsOptions): Generator<RecordedCalls> {
  const { lang } = options;
  let journal: RecordedCall[] | undefined;
  for (const source of sources) {
    if (source.kind === 'file') {
      const contents = readJournalFile(source.path, { lang });
      const notices = [...contents.notices];
      yield { calls: sessionsOf(source.path, contents.lines, notices, lang), notices };
    } else if (source.kind === 'stdin') {
      const bytes = (options.stdin ?? readAllStdinSync)();
      const notices: string[] = [];
      const lines = parseJournalLines(bytes, (problem) => notices.push(problemNotice('-', problem, lang)));
      yield { calls: sessionsOf('-', lines, notices, lang), notices };
    } else {
      let notices: string[] = [];
      if (!journal) {
        const contents = readJournal(options.dataDir, options.mode, { lang });
        journal = contents.sessions;
        notices = contents.notices;
      }
      yield { calls: [sessionById(journal, source.id, options)], notices };
    }
  }
}

/** Every call named, ordered by start time. */
export function readRecordedCalls(args: readonly string[], options: ReadCallsOptions): RecordedCalls {
  const calls: RecordedCall[] = [];
  const notices: string[] = [];
  for (const batch of recordedCallBatches(callSources(args, options), options)) {
    calls.push(...batch.calls);
    notices.push(...batch.notices);
  }
  return { calls: calls.sort(byStart), notices };
}

/** A session by id, unique prefix or last four characters (core findSession); a clear error otherwise. */
function sessionById(sessions: readonly RecordedCall[], id: string, options: ReadCallsOptions): RecordedCall {
  const { lang } = options;
  const found = findSession(sessions, id);
  if (found.kind === 'found') return found.session;
  const list = (matches: readonly RecordedCall[]): string =>
    matches.slice(0, 10).map((session) => `  ${session.id}  ${session.start.sop}  ${session.start.at}`).join('\n');
  if (found.kind === 'ambiguous') {
    throw new UserError(
      lang === 'uk'
        ? `«${id}» підходить до кількох сесій; вкажіть довший ідентифікатор:\n${list(found.matches)}`
        : `"${id}" matches several sessions; give more of the id:\n${list(found.matches)}`,
    );
  }
  const close = list(found.close);
  const where = `${options.dataDir} (${options.mode === 'training' ? 'training' : 'calls'})`;
  const training = options.mode === 'training' ? ' --training' : '';
  throw new UserError(
    lang === 'uk'
      ? `«${id}» — не файл і не сесія в журналі ${where}.${close ? `\nСхожі сесії:\n${close}` : ''}\nСписок сесій: sop log list${training}`
      : `"${id}" is neither a file nor a session in the journal at ${where}.${close ? `\nSimilar sessions:\n${close}` : ''}\nList sessions with: sop log list${training}`,
  );
}
