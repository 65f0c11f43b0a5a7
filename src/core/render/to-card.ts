/**
 * A one-page pocket card of one SOP, for the desk beside the phone: the main path, the keys of
 * the call screen, the duty-to-act rule when the procedure can come to it, and the numbers it
 * refers to with their hours. Markdown, at most 80 columns, pure and deterministic.
 */
import type { Message } from '../model/message.js';
import type { Directory } from '../model/directory.js';
import { textIn } from '../model/localize.js';
import { ownContact } from '../model/own-step.js';
import type { Sop } from '../model/sop.js';
import { findReferences } from '../model/text-references.js';
import { CARD } from './card-words.js';
import { markdownLine } from './markdown-text.js';
import { shorten } from './shorten.js';
import { stepExits } from './step-targets.js';
import { handbookOrder } from './to-handbook.js';
import { say } from './words.js';
import wrapAnsi from 'wrap-ansi';

const WIDTH = 80;

/** A paragraph or a list item wrapped to the card's width, continuation lines under its text. */
function wrapped(text: string, indent = ''): string {
  const body = wrapAnsi(text, WIDTH - indent.length, { hard: true, trim: true });
  return body.split('\n').map((row, index) => (index === 0 ? row : `${indent}${row}`)).join('\n');
}

/** The one SOP of the library that decides to inform the police without the caller's consent. */
const DUTY_TO_ACT_SOP = 'duty-to-act';

export interface CardOptions {
  readonly lang: string;
  /** Every SOP of the library as written (before references are expanded), by id. */
  readonly library: ReadonlyMap<string, Sop>;
  readonly directory?: Directory;
}

/** The main path: the handbook's order up to the first step that does not follow from the one before. */
function mainPath(sop: Sop): string[] {
  const order = handbookOrder(sop);
  const path = order.slice(0, 1);
  for (const id of order.slice(1)) {
    const previous = sop.steps[path[path.length - 1]!]!;
    if (!stepExits(previous, 'en').some((exit) => exit.to === id)) break;
    path.push(id);
  }
  return path;
}

/** SOPs the given one calls, itself included, directly or through others. */
function calledSops(id: string, library: ReadonlyMap<string, Sop>): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const step of Object.values(library.get(next)?.steps ?? {})) if (step.kind === 'call') stack.push(step.sop);
  }
  return seen;
}

/** Directory ids the SOP names (a card lists only those with numbers, and unknown ones to warn): in `{contact:…}` / `{number:…}` references and end steps' referrals, in order. */
function contactsNamed(sop: Sop): string[] {
  const ids: string[] = [];
  const add = (id: string): void => {
    if (!ids.includes(id)) ids.push(id);
  };
  for (const id of handbookOrder(sop)) {
    const step = sop.steps[id]!;
    const texts = [step.text, 'say' in step ? step.say : undefined, step.guidance];
    for (const text of texts) {
      const variants = text === undefined ? [] : typeof text === 'string' ? [text] : Object.values(text);
      for (const variant of variants) for (const ref of findReferences(variant)) if (ref.kind === 'contact') add(ref.name);
    }
    if (step.kind === 'end') for (const contact of step.refer ?? []) add(contact);
  }
  return ids;
}

export function toCard(sop: Sop, options: CardOptions): string {
  const { lang } = options;
  const w = (words: Message): string => say(lang, words);
  const line = (text: string): string => markdownLine(shorten(text, 76));
  const out: string[] = [`# ${line(textIn(sop.title, lang))}`, '', `*${w(CARD.subtitle)} · \`${sop.sop}\` ${sop.version}*`, ''];

  out.push(`## ${w(CARD.mainPath)}`, '');
  // What the counsellor meets: a `decide` step is the runner's, not the counsellor's.
  const met = mainPath(sop).filter((id) => sop.steps[id]!.kind !== 'decide');
  met.forEach((id, index) => {
    const step = sop.steps[id]!;
    const name = textIn(step.title, lang) || textIn(step.text, lang) || id;
    out.push(`${index + 1}. ${line(name)}`);
  });
  out.push('', `## ${w(CARD.keys)}`, '');
  for (const [key, words] of CARD.keyList) out.push(wrapped(`- \`${key}\` ${w(words)}`, '  '));

  const duty = options.library.get(DUTY_TO_ACT_SOP);
  if (duty !== undefined && calledSops(sop.sop, options.library).has(DUTY_TO_ACT_SOP)) {
    out.push('', `## ${w(CARD.dutyToAct)}`, '', wrapped(markdownLine(textIn(duty.description ?? duty.title, lang))));
  }

  const raw = options.library.get(sop.sop) ?? sop;
  const contacts = contactsNamed(raw).filter((id) => {
    const contact = ownContact(options.directory, id);
    return contact === undefined || (contact.phone?.length ?? 0) > 0;
  });
  if (contacts.length > 0) {
    out.push('', `## ${w(CARD.numbers)}`, '');
    for (const id of contacts) {
      const contact = ownContact(options.directory, id);
      if (!contact) {
        out.push(`- \`${id}\` ⚠ ${w(CARD.missingContact)}`);
        continue;
      }
      // A number is never split across lines: its spaces are no-break spaces.
      const phones = (contact.phone ?? []).map((p) => p.replace(/ /g, '\u00a0')).join(', ');
      const hours = contact.hours !== undefined ? ` — ${textIn(contact.hours, lang)}` : '';
      const flag = contact.unverified ? '⚠ ' : '';
      out.push(wrapped(`- ${flag}**${markdownLine(shorten(textIn(contact.name, lang), 44))}**: ${markdownLine(phones + hours)}`, '  '));
    }
    if (contacts.some((id) => ownContact(options.directory, id)?.unverified)) out.push('', wrapped(`⚠ ${w(CARD.unverified)}`));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
