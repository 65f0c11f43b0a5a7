/**
 * The end-of-call screen: outcome, path taken, referrals with names, phone numbers and hours from
 * the directory (and any unverified remark), then where the call was recorded. Pure.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { colorFor } from '../replay/color.js';
import { outcomeAt, stepAt } from '../../core/check/step-ref.js';
import { ownContact } from '../../core/model/own-step.js';
import type { CallState } from '../../core/engine/types.js';
import type { Library } from '../../core/model/library.js';
import { localize, say, type Lang } from '../i18n.js';
import { safeLine } from './safe-text.js';
import { WORDS } from './words.js';
import { clockText } from './wrap.js';

export interface SummaryInfo {
  readonly sessionId: string;
  readonly journalFile: string;
  readonly durationMs: number;
  /** Set when the call did not end: why and where it stopped. */
  readonly interruptedAt?: string;
  /** The note being typed when the call was interrupted was recorded (marked unfinished). */
  readonly unfinishedNote?: true;
  /** false: the session cannot be resumed (training), so no "sop resume" hint. */
  readonly resumable?: boolean;
  readonly color?: boolean;
}

export function renderSummary(state: CallState, library: Library, lang: Lang, info: SummaryInfo): string {
  const c: ChalkInstance = info.color === undefined ? colorFor('stdout') : new Chalk({ level: info.color ? 1 : 0 });
  const out: string[] = [];
  const title = info.interruptedAt !== undefined ? WORDS.interruptedTitle : WORDS.summary;
  out.push(c.bold(say(lang, title)));
  if (info.interruptedAt !== undefined) {
    out.push(`${say(lang, WORDS.stoppedAt)}: ${safeLine(info.interruptedAt)}`);
    if (info.unfinishedNote) out.push(say(lang, WORDS.unfinishedNoteKept));
  } else if (state.outcome) {
    out.push(`${say(lang, WORDS.outcome)}: ${c.bold(outcomeLabel(library, state.outcome, lang))} ${c.dim(`(${safeLine(state.outcome)})`)}`);
  }
  out.push(`${say(lang, WORDS.duration)}: ${clockText(info.durationMs)}`);
  out.push('');
  out.push(c.bold(`${say(lang, WORDS.path)}:`));
  state.path.forEach((step, i) => {
    const text = stepText(library, step, lang);
    out.push(`  ${String(i + 1).padStart(2)}. ${text ? `${text}  ${c.dim(`(${safeLine(step)})`)}` : safeLine(step)}`);
  });
  if (info.interruptedAt === undefined) {
    out.push('');
    out.push(c.bold(`${say(lang, WORDS.referrals)}:`));
    if (state.referrals.length === 0) out.push(`  ${say(lang, WORDS.noReferrals)}`);
    for (const id of state.referrals) out.push(...referralLines(library, id, lang, c));
  }
  out.push('');
  out.push(`${say(lang, WORDS.session)}: ${c.bold(safeLine(info.sessionId))}`);
  out.push(`${say(lang, WORDS.journal)}: ${safeLine(info.journalFile)}`);
  if (info.interruptedAt !== undefined && info.resumable !== false) out.push(c.yellow(`${say(lang, WORDS.resumeHint)} ${safeLine(info.sessionId)}`));
  return out.join('\n');
}

/** The outcome's label in the SOP that declared it (`sop-id/outcome-id`), or the id itself. */
export function outcomeLabel(library: Library, qualified: string, lang: Lang): string {
  const label = outcomeAt(library, qualified)?.label;
  return safeLine(label === undefined ? qualified : localize(label, lang));
}

/** The first line of a step's text, shortened: what the counsellor recognises in the path. */
function stepText(library: Library, qualified: string, lang: Lang): string {
  const step = stepAt(library, qualified);
  const text = step && 'text' in step && step.text !== undefined ? safeLine(localize(step.text, lang)).trim() : '';
  return text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text;
}

function referralLines(library: Library, id: string, lang: Lang, c: ChalkInstance): string[] {
  const contact = ownContact(library.directory, id);
  if (!contact) return [`  • ${safeLine(id)} ${c.dim(`(${say(lang, WORDS.unknownContact)})`)}`];
  const lines = [`  • ${c.bold(safeLine(localize(contact.name, lang)))}${contact.phone?.length ? `  ${c.green(contact.phone.map(safeLine).join(', '))}` : ''}`];
  if (contact.hours !== undefined) lines.push(`    ${say(lang, WORDS.hours)}: ${safeLine(localize(contact.hours, lang))}`);
  if (contact.unverified) lines.push(`    ${c.yellow(`${say(lang, WORDS.unverified)}: ${safeLine(contact.unverified)}`)}`);
  lines.push(`    ${c.dim(`${say(lang, WORDS.lastVerified)} ${safeLine(contact.last_verified)}`)}`);
  return lines;
}
