/**
 * Every localized text of an SOP with its path (titles, labels, step texts, scripts, guidance,
 * hints): what the translation checks go through (core/validate/rules/check-texts.ts), and what
 * the loader puts in the order of the SOP's languages (core/load/order-texts.ts).
 */
import type { Localized, Sop } from './sop.js';

export type TextPath = (string | number)[];

export function textsOf(sop: Sop): { text: Localized; path: TextPath }[] {
  const texts: { text: Localized; path: TextPath }[] = [];
  const add = (text: Localized | undefined, path: TextPath): void => {
    if (text !== undefined) texts.push({ text, path });
  };
  add(sop.title, ['title']);
  add(sop.description, ['description']);
  for (const [name, decl] of Object.entries(sop.variables ?? {})) add(decl.description, ['variables', name, 'description']);
  for (const [id, outcome] of Object.entries(sop.outcomes ?? {})) {
    add(outcome.label, ['outcomes', id, 'label']);
    add(outcome.description, ['outcomes', id, 'description']);
  }
  (sop.interrupts ?? []).forEach((interrupt, index) => add(interrupt.label, ['interrupts', index, 'label']));
  for (const [id, step] of Object.entries(sop.steps)) {
    const base = ['steps', id];
    add(step.title, [...base, 'title']);
    add(step.text, [...base, 'text']);
    if ('say' in step) add(step.say, [...base, 'say']);
    add(step.guidance, [...base, 'guidance']);
    if (step.kind === 'ask' || step.kind === 'checklist') {
      step.options.forEach((option, index) => {
        add(option.label, [...base, 'options', index, 'label']);
        if ('hint' in option) add(option.hint, [...base, 'options', index, 'hint']);
        if ('next' in option && Array.isArray(option.next)) {
          option.next.forEach((branch, b) => add(branch.label, [...base, 'options', index, 'next', b, 'label']));
        }
      });
    }
    if ('next' in step && Array.isArray(step.next)) step.next.forEach((branch, b) => add(branch.label, [...base, 'next', b, 'label']));
  }
  return texts;
}
