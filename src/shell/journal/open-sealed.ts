/**
 * A recorded session with its sealed content opened by the supervisor's private key (`sop log
 * show --key`, `sop replay --key`). Errors name the file, line, session and seq.
 */
import { readFileSync } from 'node:fs';
import { groupSessions } from '../../core/record/group-sessions.js';
import type { JournalLine } from '../../core/record/journal-line.js';
import type { RecordedSession } from '../../core/record/recorded-session.js';
import { say, type Lang } from '../i18n.js';
import { scanJournalBytes } from './scan.js';
import { readPrivateKey } from '../crypto/keys.js';
import { createOpener, type Opener } from '../crypto/unseal.js';

/** Line numbers of a journal file's lines by session and seq (for messages); empty when unreadable. */
function lineNumbers(file: string): Map<string, number> {
  const numbers = new Map<string, number>();
  if (file === '-') return numbers;
  try {
    for (const entry of scanJournalBytes(readFileSync(file))) if (entry.line) numbers.set(`${entry.line.session}\n${entry.line.seq}`, entry.lineNo);
  } catch {
    // Messages then name the session and seq only.
  }
  return numbers;
}

export function isSealed(session: RecordedSession): boolean {
  return session.lines.some((line) => 'sealed' in line || 'seal' in line);
}

/** Opens every sealed line of `session` (read from `file`); throws WrongKeyError / SealDamagedError. */
export function openSession<S extends RecordedSession & { readonly file: string }>(session: S, opener: Opener): S {
  if (!isSealed(session)) return session;
  const numbers = lineNumbers(session.file);
  const opened: JournalLine[] = session.lines.map((line) =>
    opener.open(line, { file: session.file, ...(numbers.has(`${line.session}\n${line.seq}`) ? { line: numbers.get(`${line.session}\n${line.seq}`)! } : {}) }),
  );
  const [regrouped] = groupSessions(opened);
  return { ...session, ...regrouped };
}

/** The opener for a private key file given with --key. */
export function openerFor(keyPath: string, lang: Lang): Opener {
  return createOpener(readPrivateKey(keyPath, lang), lang);
}

/** What to tell the supervisor when --key was given for a session that has nothing sealed. */
export function nothingSealedNotice(session: RecordedSession, lang: Lang): string {
  return say(lang, {
    en: `session ${session.id} has nothing sealed (recorded without a public key configured): its sensitive answers and notes were only redacted and cannot be recovered`,
    uk: `сесія ${session.id} не має зашифрованого вмісту (записана без налаштованого публічного ключа): її чутливі відповіді й нотатки лише відредаговано, відновити їх неможливо`,
  });
}
