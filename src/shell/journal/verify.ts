/**
 * Walks a journal file's hash chain. Every line's `prev` must be the SHA-256 of the line before
 * it (64 zeros for the first), each session's seq must go 0, 1, 2... and the file must still
 * reach where the writer's `<file>.head` says the chain ended (or, while a purge cut short between
 * its renames waits to be finished, its pending head: journal/interrupted-purge.ts). Whatever breaks is reported with
 * its position and the most likely cause: edited, deleted, inserted, reordered or truncated.
 */
import { readAllStdinSync } from '../stdin.js';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { NO_PREV, type SessionMode } from '../../core/record/journal-line.js';
import { say, type Lang } from '../i18n.js';
import { acceptedLosses, acceptedLossesOf, describeAcceptedLoss, type AcceptedLoss } from './accepted-losses.js';
import { journalDir, listJournalFiles } from './files.js';
import { lineHash } from './hash.js';
import { headInEffect, leftoversMessage, purgeLeftovers, type Head } from './interrupted-purge.js';
import { problemNotice, scanJournalBytes, type ScannedLine } from './scan.js';
import { walkChain } from './walk-chain.js';

type BreakKind = 'edited' | 'deleted' | 'inserted' | 'reordered' | 'truncated' | 'damaged' | 'missing';

export interface ChainBreak {
  readonly file: string;
  /** 1-based line of the file where it shows (for truncated: the last line left). */
  readonly line: number;
  readonly kind: BreakKind;
  readonly message: string;
}

export interface VerifyReport {
  files: number;
  lines: number;
  readonly breaks: ChainBreak[];
  readonly notices: string[];
}

type Say = (en: string, uk: string) => string;

/** Verifies one file's bytes. `file` names it in messages; `head` is where the writer last ended. */
export function verifyBytes(file: string, bytes: Buffer, lang: Lang, head?: Head): VerifyReport {
  const say: Say = (en, uk) => (lang === 'uk' ? uk : en);
  const breaks: ChainBreak[] = [];
  const notices: string[] = [];
  const scanned = scanJournalBytes(bytes);
  const complete: ScannedLine[] = [];
  for (const entry of scanned) {
    if (entry.problem === 'torn') notices.push(problemNotice(file, entry, lang));
    else complete.push(entry);
  }
  const hashes = complete.map((entry) => lineHash(entry.raw));
  const positionOf = new Map<string, number>();
  hashes.forEach((hash, i) => positionOf.set(hash, i));
  const lastSeq = new Map<string, number>();
  const reordered = new Set<number>();
  complete.forEach((entry, i) => {
    const at = entry.lineNo;
    const add = (kind: BreakKind, line: number, en: string, uk: string): void => {
      if (breaks.some((b) => b.kind === kind && b.line === line)) return;
      breaks.push({ file, line, kind, message: say(en, uk) });
    };
    if (!entry.line) {
      add('damaged', at, 'not a journal record: edited or corrupted', 'не запис журналу: змінено або пошкоджено');
      return;
    }
    const { session, seq, prev } = entry.line;
    const expected = i === 0 ? NO_PREV : hashes[i - 1];
    const before = lastSeq.get(session);
    const seqGap = before === undefined ? seq !== 0 : seq !== before + 1;
    lastSeq.set(session, before === undefined ? seq : Math.max(before, seq));
    if (prev !== expected) {
      const j = positionOf.get(prev);
      const next = complete[i + 1]?.line;
      if (prev === NO_PREV) {
        add('inserted', at, 'it claims to be the first line of a file: copied or inserted here', 'він позначений як перший рядок файлу: скопійовано або вставлено сюди');
      } else if (j !== undefined && j > i - 1) {
        reordered.add(i);
        add('reordered', at, `in the chain it follows line ${complete[j]!.lineNo}`, `у ланцюжку він іде після рядка ${complete[j]!.lineNo}`);
      } else if (j !== undefined && reordered.has(j)) {
        // Chains to a line that moved: this one is where it belongs.
      } else if (reordered.has(i - 1)) {
        reordered.add(i);
        add('reordered', at, `moved together with line ${complete[i - 1]!.lineNo}`, `переміщено разом із рядком ${complete[i - 1]!.lineNo}`);
      } else if (i > 0 && next !== undefined && next.prev === expected) {
        add('inserted', at, `line ${complete[i + 1]!.lineNo} chains to line ${complete[i - 1]!.lineNo}, past it`, `рядок ${complete[i + 1]!.lineNo} посилається на рядок ${complete[i - 1]!.lineNo}, оминаючи цей`);
      } else if (j !== undefined && i > 0 && j < i - 1) {
        if (Array.from({ length: i - 1 - j }, (_, k) => j + 1 + k).some((k) => reordered.has(k))) return;
        const first = complete[j + 1]!.lineNo;
        const last = complete[i - 1]!.lineNo;
        const range = first === last ? `line ${first}` : `lines ${first}-${last}`;
        const rangeUk = first === last ? `рядок ${first}` : `рядки ${first}-${last}`;
        add('inserted', first, `${range} inserted: line ${at} chains to line ${complete[j]!.lineNo}`, `${rangeUk} вставлено: рядок ${at} посилається на рядок ${complete[j]!.lineNo}`);
      } else if (i > 0 && j === undefined && !seqGap && complete[i - 1]!.line?.session === session) {
        add('edited', complete[i - 1]!.lineNo, `line ${at} does not chain to it`, `рядок ${at} не посилається на нього`);
      } else if (seqGap) {
        add('deleted', at, `a line before it was deleted (session ${session} jumps to seq ${seq})`, `перед ним видалено рядок (сесія ${session} переходить до seq ${seq})`);
      } else if (i === 0) {
        add('deleted', at, 'the file does not start a chain: lines before it were deleted', 'файл не починає ланцюжок: рядки перед цим видалено');
      } else {
        add('edited', complete[i - 1]!.lineNo, `or a line after it deleted: line ${at} does not chain to it`, `або видалено рядок після нього: рядок ${at} не посилається на нього`);
      }
    } else if (seqGap) {
      add('deleted', at, `session ${session} jumps to seq ${seq} (a line is missing)`, `сесія ${session} переходить до seq ${seq} (бракує рядка)`);
    }
  });
  // The line that ended the file when the writer last wrote must still be there.
  // (A head of an empty file, written before its first line, only lags behind: nothing to reach.)
  if (head && !(head.size === 0 && head.last === NO_PREV) && !positionOf.has(head.last)) {
    const lastEnd = complete[complete.length - 1]?.end ?? 0;
    if (lastEnd < head.size) {
      breaks.push({
        file,
        line: complete[complete.length - 1]?.lineNo ?? 0,
        kind: 'truncated',
        message: say(
          `lines after this one were cut off: the journal was ${head.size} bytes long when last written, now its lines end at byte ${lastEnd}`,
          `рядки після цього відрізано: під час останнього запису журнал мав ${head.size} байтів, тепер його рядки закінчуються на байті ${lastEnd}`,
        ),
      });
    } else {
      breaks.push({
        file,
        line: complete[complete.length - 1]?.lineNo ?? 0,
        kind: 'edited',
        message: say(
          `the line that ended the journal when last written (at byte ${head.size}) is not there any more: the end was rewritten`,
          `рядка, яким закінчувався журнал під час останнього запису (байт ${head.size}), більше немає: кінець переписано`,
        ),
      });
    }
  }
  breaks.sort((a, b) => a.line - b.line);
  return { files: 1, lines: complete.length, breaks, notices };
}

/**
 * The chain of one file, its size and the losses accepted in it. An intact file is walked as it is
 * read (walk-chain.ts); one that breaks somewhere is read whole, to say how.
 */
function checkChain(file: string, lang: Lang, head: Head | undefined): { report: VerifyReport; size: number; accepted: AcceptedLoss[] } {
  const intact = walkChain(file, head);
  if (intact) return { report: { files: 1, lines: intact.lines, breaks: [], notices: [] }, size: intact.size, accepted: acceptedLosses(intact.losses) };
  const bytes = readFileSync(file);
  return { report: verifyBytes(file, bytes, lang, head), size: bytes.length, accepted: acceptedLossesOf(bytes) };
}

/** Verifies one journal file (its head too, when there is one); `-` reads standard input. */
export function verifyJournalFile(file: string, lang: Lang): VerifyReport {
  if (file === '-') return verifyBytes('<stdin>', readAllStdinSync(), lang);
  // A purge interrupted between its renames: the journal is checked against its pending head.
  const leftovers = purgeLeftovers({ readFileSync, readdirSync, existsSync }, file);
  const head = headInEffect({ readFileSync }, file, leftovers);
  const { report, size, accepted } = checkChain(file, lang, head === 'unreadable' ? undefined : head);
  if (leftovers) report.notices.push(say(lang, leftoversMessage(leftovers, 'pending')));
  // A non-empty journal must have a readable head: without one, lines cut off its end (and the
  // head deleted to hide it) would pass. That is a break, never a notice.
  // (A journal's month file, that is: an export has no head, its chain is all there is.)
  const monthFile = /^\d{4}-\d{2}\.jsonl$/.test(basename(file));
  if (monthFile && size > 0 && (head === 'unreadable' || (head === undefined && leftovers?.state !== 'finished'))) {
    report.breaks.push({
      file,
      line: 0,
      kind: 'truncated',
      message:
        head === 'unreadable'
          ? lang === 'uk'
            ? `${basename(file)}.head не вдається прочитати: чи не відрізано рядки в кінці файлу, перевірити не можна`
            : `${basename(file)}.head cannot be read: whether lines were cut off the end of the file cannot be checked`
          : lang === 'uk'
            ? `${basename(file)}.head немає, хоча журнал має рядки: чи не відрізано рядки в кінці файлу, перевірити не можна`
            : `${basename(file)}.head is missing though the journal has lines: whether lines were cut off the end of the file cannot be checked`,
    });
  }
  // Losses accepted on record (sop log accept-loss) stay visible as notices, for good; the markers
  // they name are covered. A marker left after the acceptance is a new loss: a break.
  const covered = new Set(accepted.flatMap((a) => a.loss.markers));
  for (const a of accepted) report.notices.push(describeAcceptedLoss(file, a, lang));
  for (const name of readdirSync(dirname(file)).filter((n) => n.startsWith(`${basename(file)}.head-mismatch-`) && !covered.has(n))) {
    report.breaks.push({
      file,
      line: 0,
      kind: 'truncated',
      message:
        lang === 'uk'
          ? `коли sop наступного разу відкрив файл, він був коротшим або іншим, ніж після останнього запису (див. ${name})`
          : `when sop next opened the file it was shorter than, or different from, what was last written (see ${name})`,
    });
  }
  const torn = readdirSync(dirname(file)).filter((name) => name.startsWith(`${basename(file)}.torn-`));
  for (const name of torn) {
    report.notices.push(
      lang === 'uk'
        ? `${join(dirname(file), name)}: збережені байти обірваного рядка (після збою)`
        : `${join(dirname(file), name)}: bytes of a torn line kept after a crash`,
    );
  }
  return report;
}

/** Verifies every journal file of both modes, and notices journal files that disappeared. */
export function verifyJournal(dataDir: string, lang: Lang): VerifyReport {
  const total: VerifyReport = { files: 0, lines: 0, breaks: [], notices: [] };
  for (const mode of ['live', 'training'] as SessionMode[]) {
    for (const file of listJournalFiles(dataDir, mode)) {
      const report = verifyJournalFile(file, lang);
      total.breaks.push(...report.breaks);
      total.notices.push(...report.notices);
      total.lines += report.lines;
      total.files += 1;
    }
    const dir = journalDir(dataDir, mode);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => /^\d{4}-\d{2}\.jsonl\.head$/.test(n))) {
      const file = join(dir, name.slice(0, -'.head'.length));
      if (existsSync(file)) continue;
      total.breaks.push({
        file,
        line: 0,
        kind: 'missing',
        message: lang === 'uk' ? 'файл журналу видалено (лишився лише його .head)' : 'the journal file was deleted (only its .head is left)',
      });
    }
  }
  if (total.files === 0) {
    total.notices.push(
      lang === 'uk' ? `у ${join(dataDir, 'journal')} немає файлів журналу: нічого перевіряти` : `no journal files in ${join(dataDir, 'journal')}: nothing to verify`,
    );
  }
  return total;
}
