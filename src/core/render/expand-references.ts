/**
 * Renders the references in a text (see model/text-references.ts) for one reader: the call
 * screen (variables' current values, "open now" from the call's clock), or a printed handbook
 * (variables as a placeholder, no clock). Pure: directory, values and moment are passed in.
 */
import type { Contact, Directory } from '../model/directory.js';
import { textIn } from '../model/localize.js';
import { say } from '../model/message.js';
import type { Localized, Value } from '../model/sop.js';
import { replaceReferences } from '../model/text-references.js';
import { openingState } from '../model/opening-state.js';
import { REFERENCE_WORDS as RW } from './reference-words.js';

export interface ReferenceContext {
  readonly lang: string;
  readonly directory?: Directory;
  /** Values of the SOP's variables; without them a variable renders as `[name]`. */
  readonly vars?: { readonly [name: string]: Value };
  /** The call's clock: with it a contact with machine-readable hours says whether it is open. */
  readonly now?: Date;
}

export function expandReferences(text: string, context: ReferenceContext): string {
  return replaceReferences(text, (reference) =>
    reference.kind === 'variable'
      ? variableText(reference.name, context)
      : reference.form === 'number'
        ? numbersText(reference.name, context)
        : contactText(reference.name, context),
  );
}

/** A localized text in the context's language, references rendered. */
export function expandLocalized(text: Localized | undefined, context: ReferenceContext): string {
  return expandReferences(textIn(text, context.lang), context);
}

/** "Name: 0 800 500 335 or 116 123 (open 24/7)" in the context's language. */
function contactText(id: string, context: ReferenceContext): string {
  const contact = context.directory?.contacts[id];
  if (contact === undefined) return `${id} ${say(context.lang, RW.unknownContact)}`;
  const name = textIn(contact.name, context.lang);
  const phones = (contact.phone ?? []).join(` ${say(context.lang, RW.or)} `);
  const open = context.now === undefined ? undefined : openingText(contact, context.now, context.lang);
  return `${name}${phones ? `: ${phones}` : ''}${open ? ` (${open})` : ''}`;
}

/** "0 800 500 335 or 116 123": the entry's numbers only (its name where it has none). */
function numbersText(id: string, context: ReferenceContext): string {
  const contact = context.directory?.contacts[id];
  if (contact === undefined) return `${id} ${say(context.lang, RW.unknownContact)}`;
  if (!contact.phone?.length) return textIn(contact.name, context.lang);
  return contact.phone.join(` ${say(context.lang, RW.or)} `);
}

/** "open now, until 18:00" / "closed now, opens Mon at 09:00", or undefined where hours are not machine-readable. */
function openingText(contact: Contact, now: Date, lang: string): string | undefined {
  if (contact.open === undefined) return undefined;
  const state = openingState(contact.open, now);
  if (state === undefined) return undefined;
  if (state.open) return state.always ? say(lang, RW.openAlways) : `${say(lang, RW.openUntil)} ${state.until}`;
  if (state.opens === undefined) return say(lang, RW.closed);
  if (state.opens.today) return `${say(lang, RW.closedOpensToday)} ${state.opens.at}`;
  return `${say(lang, RW.closedOpens)} ${say(lang, RW.days[state.opens.day])} ${say(lang, RW.at)} ${state.opens.at}`;
}

function variableText(name: string, context: ReferenceContext): string {
  if (context.vars === undefined) return `[${name}]`;
  const value = context.vars[name];
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return say(context.lang, RW.notGiven);
  if (typeof value === 'boolean') return say(context.lang, value ? RW.yes : RW.no);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
