/**
 * Steps and SOPs as a reader sees them: every text with its references rendered (`{address}`
 * as typed earlier, `{contact:child-line}` from the directory, with "open now" from the call's
 * clock), in each language the reader may ask for. Shapes and ids are unchanged, so the call
 * screen, its keys and the handbook work on the result as on the original.
 */
import type { Library } from '../model/library.js';
import type { Localized, Sop, Step } from '../model/sop.js';
import { expandLocalized, type ReferenceContext } from './expand-references.js';

type Context = Omit<ReferenceContext, 'lang'>;

export function expandStep<S extends Step>(step: S, languages: readonly string[], context: Context): S {
  if (!stepHasReferences(step)) return step;
  const expand = (text: Localized): Localized => Object.fromEntries(languages.map((lang) => [lang, expandLocalized(text, { ...context, lang })]));
  const copy: Record<string, unknown> = { ...step };
  for (const key of ['text', 'say', 'guidance'] as const) {
    const text = (step as unknown as Record<string, Localized | undefined>)[key];
    if (text !== undefined) copy[key] = expand(text);
  }
  if (step.kind === 'ask' || step.kind === 'checklist') {
    copy['options'] = step.options.map((option) => {
      const hint = 'hint' in option && option.hint !== undefined ? { hint: expand(option.hint) } : {};
      return { ...option, label: expand(option.label), ...hint };
    });
  }
  return copy as S;
}

/** Every step of a SOP expanded (for a handbook: no answers, so variables print as [name]). */
export function expandSopTexts(sop: Sop, languages: readonly string[], context: Context): Sop {
  const steps = Object.fromEntries(Object.entries(sop.steps).map(([id, step]) => [id, expandStep(step, languages, context)]));
  return { ...sop, steps };
}

/** Most steps have no reference: they are returned as they are, with no copy. */
function stepHasReferences(step: Step): boolean {
  const has = (text: Localized | undefined): boolean =>
    text !== undefined && (typeof text === 'string' ? text.includes('{') : Object.values(text).some((t) => t.includes('{')));
  if (has(step.text) || has(step.guidance) || ('say' in step && has(step.say))) return true;
  if (step.kind === 'ask') return step.options.some((o) => has(o.label));
  if (step.kind === 'checklist') return step.options.some((o) => has(o.label) || has(o.hint));
  return false;
}

/**
 * A library whose texts read as printed: directory references rendered, answers as [name].
 * For every reader that shows texts without a call (handbook, diagram, transcript, timeline);
 * ids, shapes and hashes are unchanged, so the engine can run on it as on the original.
 */
export function expandLibraryTexts(library: Library, languages: readonly string[]): Library {
  const context = library.directory ? { directory: library.directory } : {};
  const sops = new Map([...library.sops].map(([id, loaded]) => [id, { ...loaded, sop: expandSopTexts(loaded.sop, languages, context) }]));
  return { ...library, sops };
}
