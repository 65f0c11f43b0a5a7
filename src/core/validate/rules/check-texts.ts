/**
 * Texts of one SOP (titles, labels, step texts, scripts, guidance...):
 *  SOP401 missing-translation  a language map lacks one of the SOP's languages;
 *  SOP402 empty-text           a text (or one of its translations) is empty;
 *  SOP403 undeclared-language  a language map has a language the SOP does not declare (warning).
 * A plain string is one text for every language. The directory's texts (a contact's name,
 * hours, notes, source and unverified remark) are checked the same way against the languages
 * the library's SOPs declare (checkDirectoryTexts).
 */
import type { LoadedDirectory } from '../../load/load-parsed-library.js';
import type { Library, LoadedSop } from '../../model/library.js';
import type { Localized, Sop } from '../../model/sop.js';
import type { Finding } from '../../findings/finding.js';
import { makeFinding } from '../../findings/make-finding.js';
import { RULES } from '../../findings/rules.js';

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

/**
 * The steps' `source:` texts: translated like the others, but not part of textsOf (a source may
 * cite a number or a name literally, so the rules on a text read to the caller do not apply).
 */
function sourcesOf(sop: Sop): { text: Localized; path: Path }[] {
  return Object.entries(sop.steps).flatMap(([id, step]) => (step.source === undefined ? [] : [{ text: step.source, path: ['steps', id, 'source'] }]));
}

export function checkTexts(loaded: LoadedSop): Finding[] {
  const { sop, file, positionOf } = loaded;
  const findings: Finding[] = [];
  const languages = sop.languages;
  for (const { text, path } of [...textsOf(sop), ...sourcesOf(sop)]) {
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

/** Missing translations of the directory's texts, in the languages the library's SOPs declare. */
export function checkDirectoryTexts(library: Library, source: LoadedDirectory | undefined): Finding[] {
  const directory = library.directory;
  if (directory === undefined || source === undefined) return [];
  const languages = [...new Set([...library.sops.values()].flatMap((loaded) => loaded.sop.languages))];
  const findings: Finding[] = [];
  for (const [id, contact] of Object.entries(directory.contacts)) {
    const fields = { name: contact.name, hours: contact.hours, notes: contact.notes, source: contact.source, unverified: contact.unverified };
    for (const [field, text] of Object.entries(fields)) {
      if (text === undefined || typeof text === 'string') continue;
      for (const language of languages) {
        if (Object.prototype.hasOwnProperty.call(text, language)) continue;
        findings.push(
          makeFinding(
            RULES.missingTranslation,
            source.file,
            source.positionOf(['contacts', id, field]),
            {
              en: `contact '${id}': the ${field} has no '${language}' translation (the SOPs declare languages ${languages.join(', ')})`,
              uk: `контакт «${id}»: ${field} не має перекладу «${language}» (СОП оголошують мови ${languages.join(', ')})`,
            },
            { en: `add '${language}: ...'`, uk: `додайте «${language}: ...»` },
          ),
        );
      }
    }
  }
  return findings;
}
