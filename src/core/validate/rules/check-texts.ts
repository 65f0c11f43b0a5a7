/**
 * Texts of one SOP (titles, labels, step texts, scripts, guidance...):
 *  SOP401 missing-translation  a language map lacks one of the SOP's languages;
 *  SOP402 empty-text           a text (or one of its translations) is empty;
 *  SOP403 undeclared-language  a language map has a language the SOP does not declare (warning).
 * A plain string is one text for every language.
 */
import type { LoadedSop } from '../../model/library.js';
import type { Localized, Sop } from '../../model/sop.js';
import type { Finding } from '../finding.js';
import { makeFinding } from '../make-finding.js';
import { RULES } from '../rules.js';

type Path = (string | number)[];

/** Every localized text of a SOP with its path. */
export function textsOf(sop: Sop): { text: Localized; path: Path }[] {
  const texts: { text: Localized; path: Path }[] = [];
  const add = (text: Localized | undefined, path: Path): void => {
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

export function checkTexts(loaded: LoadedSop): Finding[] {
  const { sop, file, positionOf } = loaded;
  const findings: Finding[] = [];
  const languages = sop.languages;
  for (const { text, path } of textsOf(sop)) {
    if (typeof text === 'string') {
      if (text.trim() === '') {
        findings.push(
          makeFinding(
            RULES.emptyText,
            file,
            positionOf(path),
            { en: 'the text is empty', uk: 'текст порожній' },
            { en: 'write the text, or remove the property', uk: 'напишіть текст або приберіть цю властивість' },
          ),
        );
      }
      continue;
    }
    for (const language of languages) {
      if (!Object.prototype.hasOwnProperty.call(text, language)) {
        findings.push(
          makeFinding(
            RULES.missingTranslation,
            file,
            positionOf(path),
            {
              en: `the text has no '${language}' translation (the SOP declares languages ${languages.join(', ')})`,
              uk: `текст не має перекладу «${language}» (СОП оголошує мови ${languages.join(', ')})`,
            },
            { en: `add '${language}: ...'`, uk: `додайте «${language}: ...»` },
          ),
        );
      }
    }
    for (const [language, value] of Object.entries(text)) {
      if (!languages.includes(language)) {
        findings.push(
          makeFinding(
            RULES.undeclaredLanguage,
            file,
            positionOf([...path, language]),
            { en: `'${language}' is not one of the SOP's languages (${languages.join(', ')})`, uk: `«${language}» не належить до мов цієї СОП (${languages.join(', ')})` },
            { en: 'add it to languages:, or remove this translation', uk: 'додайте її до languages: або приберіть цей переклад' },
          ),
        );
      } else if (value.trim() === '') {
        findings.push(
          makeFinding(
            RULES.emptyText,
            file,
            positionOf([...path, language]),
            { en: `the '${language}' text is empty`, uk: `переклад «${language}» порожній` },
            { en: 'write the translation', uk: 'напишіть переклад' },
          ),
        );
      }
    }
  }
  return findings;
}
