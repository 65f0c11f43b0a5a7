/** Journal failures the terminal UI must explain to a counsellor, in both languages. */
import { EXIT, UserError } from '../exit-codes.js';
// Still inline { en, uk } pairs, composed from one another (not yet in the catalogues).
import type { InlineMessage as Message } from '../../core/model/message.js';

function both(message: Message): string {
  return `${message.en}\n${message.uk}`;
}

/** A write's system error code in words: full disk, read-only, no permission, or the code itself. */
export function whyWriteFailed(code: string): Message {
  return code === 'ENOSPC' || code === 'EDQUOT'
    ? { en: 'the disk is full', uk: 'диск заповнений' }
    : code === 'EROFS'
      ? { en: 'the disk is read-only', uk: 'диск доступний лише для читання' }
      : code === 'EACCES' || code === 'EPERM'
        ? { en: 'no permission to write there', uk: 'немає дозволу на запис' }
        : { en: `the system said ${code}`, uk: `система повідомила ${code}` };
}

/**
 * Writing the journal failed (disk full, read-only, no permission...). The line was NOT
 * recorded: the UI must tell the counsellor to note the call on paper.
 */
export class JournalWriteError extends UserError {
  constructor(
    readonly file: string,
    /** The system error code: ENOSPC, EROFS, EACCES... */
    readonly code: string,
    readonly messages: Message,
  ) {
    super(both(messages), EXIT.usage);
    this.name = 'JournalWriteError';
  }

  static from(error: unknown, file: string): JournalWriteError {
    if (error instanceof JournalWriteError) return error;
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'EUNKNOWN';
    const paper = { en: 'Note this call on paper and tell your supervisor.', uk: 'Запишіть цю розмову на папері й повідомте керівника.' };
    const why = whyWriteFailed(code);
    return new JournalWriteError(file, code, {
      en: `Cannot write the journal ${file}: ${why.en}. ${paper.en}`,
      uk: `Не вдається записати журнал ${file}: ${why.uk}. ${paper.uk}`,
    });
  }
}

/** Another live process is recording into the same journal file. */
export class JournalLockedError extends UserError {
  constructor(
    readonly file: string,
    readonly pid: number | undefined,
    readonly messages: Message = {
      en: `Another sop session${pid ? ` (process ${pid})` : ''} is recording into ${file}. Finish it first, or use another --data-dir.`,
      uk: `Інша сесія sop${pid ? ` (процес ${pid})` : ''} уже записує в ${file}. Спершу завершіть її або вкажіть інший --data-dir.`,
    },
  ) {
    super(both(messages), EXIT.usage);
    this.name = 'JournalLockedError';
  }
}
