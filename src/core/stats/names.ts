/**
 * People's names for the keys of the figures, from the SOP library: SOP titles, outcome labels
 * and categories, and the labels of the options of statistics questions. Pure.
 */
import type { Library } from '../model/library.js';
import type { OutcomeCategory } from '../model/sop.js';
import { textIn } from '../model/localize.js';

export interface Names {
  readonly sop: ReadonlyMap<string, string>;
  /** `sop-id/outcome-id` -> label and category. */
  readonly outcome: ReadonlyMap<string, { readonly label: string; readonly category: OutcomeCategory }>;
  /** stat dimension -> option id -> label. */
  readonly stat: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export const NO_NAMES: Names = { sop: new Map(), outcome: new Map(), stat: new Map() };

export function namesFromLibrary(library: Library, lang: string): Names {
  const sop = new Map<string, string>();
  const outcome = new Map<string, { label: string; category: OutcomeCategory }>();
  const stat = new Map<string, Map<string, string>>();
  for (const [id, { sop: model }] of [...library.sops].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    sop.set(id, textIn(model.title, lang));
    for (const [outcomeId, decl] of Object.entries(model.outcomes ?? {})) {
      outcome.set(`${id}/${outcomeId}`, { label: textIn(decl.label, lang), category: decl.category });
    }
    for (const step of Object.values(model.steps)) {
      if (step.kind !== 'ask' || !step.stat) continue;
      const labels = stat.get(step.stat) ?? new Map<string, string>();
      for (const option of step.options) if (!labels.has(option.id)) labels.set(option.id, textIn(option.label, lang));
      stat.set(step.stat, labels);
    }
  }
  return { sop, outcome, stat };
}

/** The label of a key in a section of the figures, or undefined when the library does not name it. */
export function labelOf(names: Names, section: 'sop' | 'outcome' | `stat:${string}`, key: string): string | undefined {
  if (section === 'sop') return names.sop.get(key);
  if (section === 'outcome') return names.outcome.get(key)?.label;
  return names.stat.get(section.slice(5))?.get(key);
}
