/**
 * `sop log export SESSION --redact [-o FILE]`: one recorded call as a shareable fixture. The lines
 * keep the journal format, with a fresh hash chain of their own; sensitive values stay redacted
 * (protect() is applied again), every note's text is "[redacted]", the operator and trainee names
 * become "redacted", absolute SOP file paths keep only the file name. The result is a regression
 * test: `sop replay --check FILE`.
 */
import { writeFileSync, chmodSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import { refuseOutputInJournal } from '../journal/files.js';
import { NO_PREV, type JournalEvent, type JournalLine } from '../../core/record/journal-line.js';
import type { RecordedSession } from '../../core/record/recorded-session.js';
import { EXIT, UserError } from '../exit-codes.js';
import { say } from '../i18n.js';
import { lineHash } from '../journal/hash.js';
import { protect } from '../journal/protect.js';
import { safeJson } from '../text/safe-json.js';
import { readRecordedCalls } from '../replay/read-recorded-calls.js';
import { checkSettings } from '../replay/settings.js';

export interface ExportOptions {
  readonly redact?: boolean;
  readonly output?: string;
  readonly dataDir?: string;
  readonly training?: boolean;
  readonly lang?: string;
}

/** The name that replaces the operator's and trainee's. */
const REDACTED_NAME = 'redacted';

const ENVELOPE = new Set(['v', 'session', 'seq', 'at', 'ms', 'prev', 'redacted']);

/** One line, anonymised: names out, sensitive values and notes redacted (idempotent). */
export function anonymiseLine(line: JournalLine): Omit<JournalLine, 'prev'> {
  const { prev: _prev, ...rest } = line;
  if (rest.type === 'session-start') {
    // An absolute path can name the counsellor's home folder: keep only the file name (the
    // version is pinned by the sha256, not the path).
    const files = rest.files.map((ref) => (isAbsolute(ref.file) ? { ...ref, file: basename(ref.file) } : ref));
    return { ...rest, operator: REDACTED_NAME, ...(rest.trainee !== undefined ? { trainee: REDACTED_NAME } : {}), files } as Omit<JournalLine, 'prev'>;
  }
  const event = Object.fromEntries(Object.entries(rest).filter(([key]) => !ENVELOPE.has(key))) as JournalEvent;
  const protectedEvent = protect(event);
  if (protectedEvent === event) return rest;
  const envelope = { v: rest.v, session: rest.session, seq: rest.seq, at: rest.at, ms: rest.ms };
  return { ...envelope, ...protectedEvent, redacted: true } as Omit<JournalLine, 'prev'>;
}

/** The session's lines as JSON Lines with their own hash chain (the first `prev` is 64 zeros). */
export function exportSession(session: RecordedSession): string {
  let prev = NO_PREV;
  let text = '';
  for (const line of session.lines) {
    const serialised = safeJson(JSON.stringify({ ...anonymiseLine(line), prev }));
    prev = lineHash(serialised);
    text += `${serialised}\n`;
  }
  return text;
}

export async function runExport(session: string, options: ExportOptions): Promise<number> {
  const settings = await checkSettings(options);
  const { lang } = settings;
  if (!options.redact) {
    throw new UserError(
      say(lang, {
        en:
          'refusing to export without --redact.\n' +
          '  An exported call leaves the protected journal: it is shared, committed to git, attached to tickets.\n' +
          '  --redact removes what could identify the caller or the counsellor (operator name, notes, sensitive answers).\n' +
          `  Run: sop log export ${session} --redact -o call.jsonl`,
        uk:
          'експорт без --redact заборонено.\n' +
          '  Експортований дзвінок залишає захищений журнал: його поширюють, комітять у git, додають до звернень.\n' +
          '  --redact прибирає все, що може ідентифікувати абонента чи консультанта (ім’я оператора, нотатки, чутливі відповіді).\n' +
          `  Виконайте: sop log export ${session} --redact -o call.jsonl`,
      }),
      EXIT.usage,
    );
  }
  const { calls, notices } = readRecordedCalls([session], {
    dataDir: settings.dataDir,
    mode: options.training ? 'training' : 'live',
    lang,
  });
  for (const notice of notices) process.stderr.write(`sop: ${notice}\n`);
  if (calls.length !== 1 || !calls[0]) {
    throw new UserError(
      say(lang, {
        en: `"${session}" holds ${calls.length} calls; export takes exactly one session (give its id)`,
        uk: `«${session}» містить дзвінків: ${calls.length}; експортується рівно одна сесія (вкажіть її ідентифікатор)`,
      }),
    );
  }
  if (options.output !== undefined && options.output !== '-') refuseOutputInJournal(options.output, settings.dataDir, lang, 'call.jsonl');
  const text = exportSession(calls[0]);
  if (options.output === undefined || options.output === '-') {
    process.stdout.write(text);
  } else {
    writeFileSync(options.output, text, { mode: 0o600 });
    chmodSync(options.output, 0o600);
    process.stderr.write(
      say(lang, {
        en: `sop: exported ${calls[0].id} (${calls[0].lines.length} lines, redacted) to ${options.output}\n`,
        uk: `sop: сесію ${calls[0].id} (${calls[0].lines.length} рядків, знеособлено) експортовано до ${options.output}\n`,
      }),
    );
  }
  return EXIT.ok;
}
