/**
 * The referral directory:
 *  SOP304 unknown-contact  an end step refers to an id the directory lacks;
 *  SOP307 no-directory     an end step refers to contacts but there is no directory.yaml;
 *  SOP305 stale-contact    an entry last verified more than a year before `today` (warning).
 */
import type { Library } from '../../model/library.js';
import { suggestion } from '../did-you-mean.js';
import type { Finding } from '../finding.js';
import { makeFinding } from '../make-finding.js';
import { RULES } from '../rules.js';
import type { ValidateOptions } from '../validate-library.js';

/** The date one year before an ISO date (29 February -> 28 February). */
export function oneYearBefore(today: string): string {
  const [year, month, day] = today.split('-');
  const date = `${String(Number(year) - 1).padStart(4, '0')}-${month}-${day}`;
  return date.endsWith('-02-29') ? date.replace(/29$/, '28') : date;
}

export function checkDirectory(library: Library, options: ValidateOptions): Finding[] {
  const findings: Finding[] = [];
  const directory = library.directory;
  const contactIds = Object.keys(directory?.contacts ?? {});
  for (const loaded of library.sops.values()) {
    for (const [id, step] of Object.entries(loaded.sop.steps)) {
      if (step.kind !== 'end' || step.refer === undefined || step.refer.length === 0) continue;
      if (directory === undefined) {
        findings.push(
          makeFinding(
            RULES.noDirectory,
            loaded.file,
            loaded.positionOf(['steps', id, 'refer']),
            { en: `step '${id}' refers to contacts, but the library has no directory.yaml`, uk: `крок «${id}» скеровує до контактів, але в бібліотеці немає directory.yaml` },
            { en: 'validate the folder that holds directory.yaml too', uk: 'перевірте разом і теку, де лежить directory.yaml' },
          ),
        );
        continue;
      }
      step.refer.forEach((contact, index) => {
        if (Object.prototype.hasOwnProperty.call(directory.contacts, contact)) return;
        findings.push(
          makeFinding(
            RULES.unknownContact,
            loaded.file,
            loaded.positionOf(['steps', id, 'refer', index]),
            { en: `'${contact}' is not in the directory`, uk: `«${contact}» немає в довіднику` },
            suggestion(contact, contactIds) ?? { en: 'add it to directory.yaml, or fix the id', uk: 'додайте контакт до directory.yaml або виправте ідентифікатор' },
          ),
        );
      });
    }
  }
  const source = options.directorySource;
  if (options.today !== undefined && directory !== undefined && source !== undefined) {
    const limit = oneYearBefore(options.today);
    for (const [id, contact] of Object.entries(directory.contacts)) {
      if (contact.last_verified >= limit) continue;
      findings.push(
        makeFinding(
          RULES.staleContact,
          source.file,
          source.positionOf(['contacts', id, 'last_verified']),
          {
            en: `contact '${id}' was last verified on ${contact.last_verified}, more than a year ago`,
            uk: `контакт «${id}» востаннє перевіряли ${contact.last_verified}, понад рік тому`,
          },
          { en: 'call the service, check the details and update last_verified', uk: 'зателефонуйте до служби, перевірте дані й оновіть last_verified' },
        ),
      );
    }
  }
  return findings;
}
