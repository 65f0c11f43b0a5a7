/**
 * Recorded calls for replay, replay --check and test --journal, from what the user names:
 * nothing (the whole journal of the data dir), exported files (`-` = stdin), folders of them,
 * or session ids (a unique prefix is enough) looked up in the journal.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findSession } from '../../core/record/find-session.js';
import { byStart, groupSessions } from '../../core/record/group-sessions.js';
import type { JournalLine, SessionMode } from '../../core/record/journal-line.js';
import type { RecordedSession } from '../../core/record/recorded-session.js';
import { UserError } from '../exit-codes.js';
import type { Lang } from '../i18n.js';
import { readJournal, readJournalFile } from '../journal/reader.js';
import { problemNotice, scanJournalBytes } from '../journal/scan.js';

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
    notices.push(
      lang === 'uk' ? `${file}: сесія ${id} не має рядка session-start, пропущено` : `${file}: session ${id} has no session-start line; skipped`,
    );
  };
  return groupSessions(lines, orphan).map((session) => ({ ...session, file }));
}

export function readRecordedCalls(args: readonly string[], options: ReadCallsOptions): RecordedCalls {
  const { lang } = options;
  const notices: string[] = [];
  const calls: RecordedCall[] = [];
  let journal: RecordedCall[] | undefined;
  const fromJournal = (): RecordedCall[] => {
    if (!journal) {
      const contents = readJournal(options.dataDir, options.mode, { lang });
      notices.push(...contents.notices);
      journal = contents.sessions;
    }
    return journal;
  };
  if (args.length === 0) return { calls: [...fromJournal()], notices };

  for (const arg of args) {
    if (arg === '-') {
      const bytes = (options.stdin ?? (() => readFileSync(0)))();
      const lines: JournalLine[] = [];
      for (const scanned of scanJournalBytes(bytes)) {
        if (scanned.line) lines.push(scanned.line);
        else notices.push(problemNotice('-', scanned, lang));
      }
      calls.push(...sessionsOf('-', lines, notices, lang));
      continue;
    }
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      stat = undefined;
    }
    if (stat) {
      const files = stat.isDirectory() ? jsonlFiles(arg) : [arg];
      if (stat.isDirectory() && files.length === 0) {
        throw new UserError(
          lang === 'uk' ? `у теці ${arg} немає файлів .jsonl із записаними дзвінками` : `no .jsonl files of recorded calls in ${arg}`,
        );
      }
      for (const file of files) {
        const contents = readJournalFile(file, { lang });
        notices.push(...contents.notices);
        calls.push(...sessionsOf(file, contents.lines, notices, lang));
      }
      continue;
    }
    calls.push(sessionById(fromJournal(), arg, options));
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
