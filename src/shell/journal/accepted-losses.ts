/**
 * Reading the losses `sop log accept-loss` recorded (journal/accept-loss.ts writes them): verify
 * reports each as a notice, the readers (log list, show...) mention them.
 */
import { LOSS_ACCEPTED, NO_PREV } from '../../core/record/journal-line.js';
import type { Lang } from '../i18n.js';
import { scanJournalBytes, type ScannedLine } from './scan.js';

/** What verify found, as the acceptance line records it. */
export interface LossRecord {
  /** The head when the loss was accepted: where the writer last ended the file, or why it is not known. */
  readonly head: { readonly size: number; readonly last: string } | 'missing' | 'unreadable';
  /** The `.head-mismatch-*` markers this acceptance covers (file names beside the journal). */
  readonly markers: readonly string[];
  /** The file's size on disk (its complete lines) when accepted. */
  readonly size: number;
  /** The last intact line: its 1-based number (0: none), hash and session. */
  readonly lastLine: number;
  readonly lastHash: string;
  readonly lastSession?: string;
  /** Verify's messages for the accepted breaks (English). */
  readonly found: readonly string[];
}

export interface AcceptedLoss {
  /** The line of the journal file recording the acceptance. */
  readonly line: number;
  readonly at: string;
  readonly by: string;
  readonly reason?: string;
  readonly loss: LossRecord;
}

/** The acceptances recorded in a file's lines. */
export function acceptedLosses(lines: readonly Pick<ScannedLine, 'line' | 'lineNo'>[]): AcceptedLoss[] {
  const found: AcceptedLoss[] = [];
  for (const { line, lineNo } of lines) {
    if (line?.type !== (LOSS_ACCEPTED as string)) continue;
    const record = line as unknown as { at: string; by: string; reason?: unknown; loss: Partial<LossRecord> };
    const loss = record.loss;
    found.push({
      line: lineNo,
      at: record.at,
      by: record.by,
      ...(typeof record.reason === 'string' ? { reason: record.reason } : {}),
      loss: {
        head: loss.head ?? 'missing',
        markers: Array.isArray(loss.markers) ? loss.markers.filter((m): m is string => typeof m === 'string') : [],
        size: typeof loss.size === 'number' ? loss.size : 0,
        lastLine: typeof loss.lastLine === 'number' ? loss.lastLine : 0,
        lastHash: typeof loss.lastHash === 'string' ? loss.lastHash : NO_PREV,
        ...(typeof loss.lastSession === 'string' ? { lastSession: loss.lastSession } : {}),
        found: Array.isArray(loss.found) ? loss.found.filter((m): m is string => typeof m === 'string') : [],
      },
    });
  }
  return found;
}

/** The accepted losses of a journal file's bytes (a quick test first: most files have none). */
export function acceptedLossesOf(bytes: Buffer): AcceptedLoss[] {
  return bytes.includes(`"type":"${LOSS_ACCEPTED}"`) ? acceptedLosses(scanJournalBytes(bytes)) : [];
}

/** One accepted loss, for verify's notices and the readers'. */
export function describeAcceptedLoss(file: string, accepted: AcceptedLoss, lang: Lang): string {
  const { loss } = accepted;
  const why = accepted.reason === undefined ? '' : lang === 'uk' ? ` (причина: ${accepted.reason})` : ` (reason: ${accepted.reason})`;
  const head =
    loss.head === 'missing'
      ? lang === 'uk' ? '.head не було' : 'the .head was missing'
      : loss.head === 'unreadable'
        ? lang === 'uk' ? '.head не читався' : 'the .head was unreadable'
        : lang === 'uk'
          ? `.head казав ${loss.head.size} байтів`
          : `the .head said ${loss.head.size} bytes`;
  const last = loss.lastLine === 0 ? (lang === 'uk' ? 'жодного цілого рядка' : 'no intact line') : `${lang === 'uk' ? 'останній цілий рядок' : 'last intact line'} ${loss.lastLine} (${loss.lastHash.slice(0, 12)}…)`;
  const markers = loss.markers.length === 0 ? '' : `; ${loss.markers.join(', ')}`;
  return lang === 'uk'
    ? `${file}:${accepted.line}: втрату рядків у кінці файлу прийняв ${accepted.by} ${accepted.at}${why}: ${head}, на диску ${loss.size} байтів, ${last}${markers}`
    : `${file}:${accepted.line}: loss of lines off the end accepted by ${accepted.by} at ${accepted.at}${why}: ${head}, ${loss.size} bytes on disk, ${last}${markers}`;
}

