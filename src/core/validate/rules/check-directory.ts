/**
 * The referral directory:
 *  SOP304 unknown-contact  an end step refers to an id the directory lacks;
 *  SOP307 no-directory     an end step refers to contacts but there is no directory.yaml;
 *  SOP305 stale-contact    an entry last verified more than a year before `today` (warning);
 *  SOP312 opening-hours    machine-readable hours the call screen could not evaluate.
 */
import { isKnownTimezone, minutesOf } from '../../model/opening-state.js';
import type { LoadedDirectory } from '../../load/load-parsed-library.js';
import type { Directory } from '../../model/directory.js';
import type { Library } from '../../model/library.js';
import { suggestion } from '../../findings/did-you-mean.js';
import type { Finding } from '../../findings/finding.js';
import { makeFinding } from '../../findings/make-finding.js';
import { RULES } from '../../findings/rules.js';
import type { ValidateOptions } from '../validate-library.js';

/** The date one year before an ISO date (29 February -> 28 February). */
function oneYearBefore(today: string): string {
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
  if (directory !== undefined && source !== undefined) findings.push(...checkOpeningHours(directory, source));
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

/** Hours the screen turns into "open now": a zone Intl knows, and windows that close after they open. */
function checkOpeningHours(directory: Directory, source: LoadedDirectory): Finding[] {
  const findings: Finding[] = [];
  for (const [id, contact] of Object.entries(directory.contacts)) {
    const open = contact.open;
    if (open === undefined) continue;
    if (!isKnownTimezone(open.timezone)) {
      findings.push(
        makeFinding(
          RULES.openingHours,
          source.file,
          source.positionOf(['contacts', id, 'open', 'timezone']),
          { en: `contact '${id}': '${open.timezone}' is not a time zone this system knows`, uk: `контакт «${id}»: «${open.timezone}» не є відомим часовим поясом` },
          { en: 'use an IANA zone name such as Europe/Kyiv', uk: 'вкажіть назву поясу IANA, наприклад Europe/Kyiv' },
        ),
      );
    }
    (open.weekly ?? []).forEach((window, index) => {
      if (minutesOf(window.from) < minutesOf(window.to)) return;
      findings.push(
        makeFinding(
          RULES.openingHours,
          source.file,
          source.positionOf(['contacts', id, 'open', 'weekly', index, 'to']),
          { en: `contact '${id}': the window closes at ${window.to}, which is not after it opens at ${window.from}`, uk: `контакт «${id}»: проміжок закривається о ${window.to}, тобто не пізніше за відкриття о ${window.from}` },
          { en: 'a window past midnight is two windows: until 24:00, and from 00:00 the next day', uk: 'проміжок через північ — це два проміжки: до 24:00 і з 00:00 наступного дня' },
        ),
      );
    });
  }
  return findings;
}
