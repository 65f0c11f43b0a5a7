/**
 * Texts of one SOP (titles, labels, step texts, scripts, guidance...):
 *  SOP401 missing-translation  a language map lacks one of the SOP's languages;
 *  SOP402 empty-text           a text (or one of its translations) is empty;
 *  SOP403 undeclared-language  a language map has a language the SOP does not declare (warning);
 *  SOP404 malformed-language-tag  a declared language or a map's key is not a canonical BCP 47
 *                              tag (pt_BR, pt-br: lookups compare tags as written).
 * A plain string is one text for every language. The directory's texts (a contact's name,
 * hours, notes, source and unverified remark) are checked the same way against the languages
 * the library's SOPs declare (checkDirectoryTexts).
 */
import type { LoadedDirectory } from '../../load/load-parsed-library.js';
import type { Library, LoadedSop, Position } from '../../model/library.js';
import { canonicalTag } from '../../model/language-tag.js';
import type { Localized, Sop } from '../../model/sop.js';
import type { Finding } from '../../findings/finding.js';
import { makeFinding } from '../../findings/make-finding.js';
import { RULES } from '../../findings/rules.js';

import { textsOf, type TextPath as Path } from '../../model/texts-of.js';

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
  const tag = (language: string, path: Path): void => {
    const finding = malformedTag(language, file, positionOf(path));
    if (finding !== undefined) findings.push(finding);
  };
  languages.forEach((language, index) => tag(language, ['languages', index]));
  // A malformed tag has its SOP404; a missing translation into it on every text would bury that.
  const wellFormed = languages.filter((language) => canonicalTag(language) === language);
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
    for (const language of wellFormed) {
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
      if (!languages.includes(language) && canonicalTag(language) !== language) {
        tag(language, [...path, language]);
      } else if (!languages.includes(language)) {
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

/** SOP404 for a tag that is not in canonical BCP 47 form, with the form to write where there is one. */
function malformedTag(language: string, file: string, position: Position | undefined): Finding | undefined {
  const canonical = canonicalTag(language);
  if (canonical === language) return undefined;
  return makeFinding(
    RULES.malformedLanguageTag,
    file,
    position,
    canonical === undefined
      ? { en: `'${language}' is not a BCP 47 language tag`, uk: `«${language}» не є мовним тегом BCP 47` }
      : { en: `'${language}' is not written as a BCP 47 language tag`, uk: `«${language}» записано не як мовний тег BCP 47` },
    canonical === undefined
      ? { en: 'write a language tag such as en, uk, pl or pt-BR', uk: 'напишіть мовний тег, як-от en, uk, pl чи pt-BR' }
      : { en: `write '${canonical}'`, uk: `напишіть «${canonical}»` },
  );
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
