/**
 * The end-of-call screen, one screen at 80x24 (at most 20 rows): outcome and duration, the
 * referrals with numbers and hours first (the directory's, and every contact whose number a step
 * on the path read out), the answers given, then where the call was recorded and how to see its
 * whole path (`sop log show`). Pure.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { colorFor } from '../text/color.js';
import { outcomeAt, stepAt } from '../../core/engine/step-ref.js';
import { ownContact } from '../../core/model/own-step.js';
import type { AnswerRecord, CallState } from '../../core/engine/types.js';
import type { Library } from '../../core/model/library.js';
import { localize, say, type Lang } from '../i18n.js';
import { safeLine } from '../text/safe-text.js';
import { SUMMARY_WORDS, WORDS } from './words.js';
import { clockText, displayWidth, truncate, wrap } from '../text/wrap.js';

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
  /** Columns (default 80): every line fits. */
  readonly width?: number;
}

/** The summary's height at most (rows), with room left for the shell prompt below it at 24 rows. */
const MAX_ROWS = 20;

export function renderSummary(state: CallState, library: Library, lang: Lang, info: SummaryInfo): string {
  const c: ChalkInstance = info.color === undefined ? colorFor('stdout') : new Chalk({ level: info.color ? 1 : 0 });
  const w = Math.max(30, info.width ?? 80);
  const fitLine = (text: string): string => truncate(text, w);
  const head: string[] = [];
  const title = info.interruptedAt !== undefined ? WORDS.interruptedTitle : WORDS.summary;
  head.push(c.bold(say(lang, title)));
  if (info.interruptedAt !== undefined) {
    head.push(fitLine(`${say(lang, WORDS.stoppedAt)}: ${safeLine(info.interruptedAt)}`));
    if (info.unfinishedNote) head.push(...wrap(say(lang, WORDS.unfinishedNoteKept), w));
  } else if (state.outcome) {
    head.push(fitLine(`${say(lang, WORDS.outcome)}: ${c.bold(outcomeLabel(library, state.outcome, lang))} ${c.dim(`(${safeLine(state.outcome)})`)}`));
  }
  head.push(`${say(lang, WORDS.duration)}: ${clockText(info.durationMs)}`);
  // Referrals first, numbers and hours on the contact's line: what the counsellor reads out last.
  const referrals: string[] = [];
  const mentioned = mentionedContacts(library, state.path, lang).filter((id) => !state.referrals.includes(id));
  const ids = info.interruptedAt === undefined ? [...state.referrals, ...mentioned] : mentioned;
  if (info.interruptedAt === undefined || ids.length > 0) {
    referrals.push(c.bold(`${say(lang, WORDS.referrals)}:`));
    if (ids.length === 0) referrals.push(`  ${say(lang, WORDS.noReferrals)}`);
    const contacts = ids.map((id) => referralLines(library, id, lang, w, c));
    // Too many for one screen: the remarks (UNVERIFIED ...) give way to a ⚠ instead of the contact's bullet.
    const tall = contacts.flat().length + head.length + 12 > MAX_ROWS;
    for (const lines of contacts) referrals.push(...(tall && lines.length > 1 ? [(lines[0] ?? '').replace('  • ', `  ${c.yellow('⚠')} `)] : lines));
  }
  const foot: string[] = [];
  foot.push(fitLine(`${say(lang, WORDS.session)}: ${c.bold(safeLine(info.sessionId))} · ${say(lang, WORDS.fullPath)}: sop log show ${safeLine(info.sessionId)}`));
  foot.push(`${say(lang, WORDS.journal)}: ${safeLine(info.journalFile)}`);
  if (info.interruptedAt !== undefined && info.resumable !== false) foot.push(c.yellow(fitLine(`${say(lang, WORDS.resumeHint)} ${safeLine(info.sessionId)}`)));
  // The answers given, in the call's order, in the rows left (the full path: sop log show).
  const given = answersGiven(state, library, lang);
  const room = Math.max(2, MAX_ROWS - head.length - referrals.length - foot.length - 3);
  const answers: string[] = [];
  if (given.length > 0) {
    answers.push(c.bold(`${say(lang, WORDS.answers)}:`));
    const shown = given.length <= room - 1 ? given : given.slice(0, Math.max(0, room - 2));
    for (const [prompt, answer] of shown) answers.push(fitLine(`  ${truncate(prompt, Math.floor(w / 2))}: ${c.bold(answer)}`));
    if (shown.length < given.length) answers.push(c.dim(fitLine(`  … ${say(lang, SUMMARY_WORDS.moreAnswers(given.length - shown.length))}: sop log show ${safeLine(info.sessionId)}`)));
  }
  const blocks = [head, referrals, answers, foot].filter((b) => b.length > 0);
  return blocks.map((b) => b.join('\n')).join('\n\n');
}

/**
 * The answers given during the call, oldest first, as [the step's question, the answer]: read
 * from the call's own states (what back undid is gone with them). Sensitive answers are shown
 * as sealed: the summary stays in the terminal's scrollback after the call.
 */
function answersGiven(state: CallState, library: Library, lang: Lang): [string, string][] {
  const records: AnswerRecord[] = [];
  for (let at: CallState | undefined = state; at; at = at.previous) if (at.lastAnswer) records.push(at.lastAnswer);
  return records.reverse().flatMap((record): [string, string][] => {
    const step = stepAt(library, record.step);
    if (!step || record.answer.kind === 'continue') return [];
    const prompt = stepText(library, record.step, lang) || record.step;
    if (record.sensitive) return [[prompt, say(lang, WORDS.sealed)]];
    const a = record.answer;
    const label = (id: string): string => {
      const option = 'options' in step ? step.options.find((o) => o.id === id) : undefined;
      return safeLine(option ? localize(option.label, lang) : id);
    };
    const text = a.kind === 'option' ? label(a.option) : a.kind === 'checked' ? a.options.map(label).join(', ') || '—' : safeLine(a.raw) || '—';
    return [[prompt, text]];
  });
}

/**
 * Directory contacts whose phone numbers the steps on the call's path had the counsellor read
 * out (a number in a step's text or script), in path order: they belong with the referrals.
 */
function mentionedContacts(library: Library, path: readonly string[], lang: Lang): string[] {
  const contacts = Object.entries(library.directory?.contacts ?? {});
  const digitsOf = (text: string): string => text.replace(/[^0-9]+/g, ' ');
  const found: string[] = [];
  for (const qualified of path) {
    const step = stepAt(library, qualified);
    if (!step) continue;
    const said = ['text' in step ? step.text : undefined, 'say' in step ? step.say : undefined]
      .filter((t) => t !== undefined)
      .map((t) => digitsOf(localize(t, lang)))
      .join(' ');
    const squeezed = ` ${said.replace(/ +/g, ' ').trim()} `;
    for (const [id, contact] of contacts) {
      if (found.includes(id)) continue;
      if ((contact.phone ?? []).some((phone) => numberIn(squeezed, phone))) found.push(id);
    }
  }
  return found;
}

/** Whether `phone` ("0 800 213 103", "1547") is said in `text` (digits and spaces only), as a whole number. */
function numberIn(text: string, phone: string): boolean {
  const wanted = phone.replace(/[^0-9]+/g, ' ').trim();
  if (wanted === '') return false;
  return text.includes(` ${wanted} `);
}

/** The outcome's label in the SOP that declared it (`sop-id/outcome-id`), or the id itself. */
function outcomeLabel(library: Library, qualified: string, lang: Lang): string {
  const label = outcomeAt(library, qualified)?.label;
  return safeLine(label === undefined ? qualified : localize(label, lang));
}

/** The first line of a step's text, shortened: what the counsellor recognises in the path. */
function stepText(library: Library, qualified: string, lang: Lang): string {
  const step = stepAt(library, qualified);
  const text = step && 'text' in step && step.text !== undefined ? safeLine(localize(step.text, lang)).trim() : '';
  return text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text;
}

function referralLines(library: Library, id: string, lang: Lang, w: number, c: ChalkInstance): string[] {
  const contact = ownContact(library.directory, id);
  if (!contact) return [truncate(`  • ${safeLine(id)} ${c.dim(`(${say(lang, WORDS.unknownContact)})`)}`, w)];
  const phones = contact.phone?.length ? contact.phone.map(safeLine).join(', ') : '';
  const hours = contact.hours !== undefined ? safeLine(localize(contact.hours, lang)) : '';
  // Numbers and hours first, then the name in what is left of the line.
  const lead = `  • ${phones ? `${c.green.bold(phones)}  ` : ''}${hours ? `${c.dim(hours)}  ` : ''}`;
  const lines = [`${lead}${truncate(safeLine(localize(contact.name, lang)), Math.max(8, w - displayWidth(lead)))}`];
  if (contact.unverified) {
    lines.push(c.yellow(truncate(`    ${say(lang, WORDS.unverified)} (${safeLine(contact.last_verified)}): ${safeLine(localize(contact.unverified, lang))}`, w)));
  }
  return lines;
}
