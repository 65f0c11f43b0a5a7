/** Hover: a step's kind and its text in every declared language; a contact's number, hours, reachability and last check; an outcome's label and category. */
import type { Hover } from 'vscode-languageserver';
import { ownContact, ownEntry, ownStep } from '../../core/model/own-step.js';
import type { Localized } from '../../core/model/sop.js';
import { localize, say, type Lang } from '../i18n.js';
import type { Occurrence } from './symbols-index.js';
import type { Validation } from './workspace.js';

function allLanguages(text: Localized | undefined, languages: readonly string[]): string[] {
  if (text === undefined) return [];
  return languages.map((language) => `- **${language}**: ${typeof text === 'string' ? text : (text[language] ?? '—')}`);
}

export function hoverFor(validation: Validation, occurrence: Occurrence, lang: Lang): Hover | undefined {
  const library = validation.load.library;
  const lines: string[] = [];
  if (occurrence.kind === 'step') {
    const sop = library.sops.get(occurrence.owner)?.sop;
    const step = sop === undefined ? undefined : ownStep(sop, occurrence.id);
    if (sop === undefined || step === undefined) return undefined;
    lines.push(`**${occurrence.owner}/${occurrence.id}** · \`${step.kind}\``, '', ...allLanguages(step.text, sop.languages));
    if ('say' in step && step.say !== undefined) lines.push('', say(lang, { en: 'Read aloud:', uk: 'Прочитати вголос:' }), ...allLanguages(step.say, sop.languages));
  } else if (occurrence.kind === 'contact') {
    const contact = ownContact(library.directory, occurrence.id);
    if (contact === undefined) return undefined;
    lines.push(`**${localize(contact.name, lang)}** (\`${occurrence.id}\`)`, '');
    if (contact.phone?.length) lines.push(`- ${say(lang, { en: 'number', uk: 'номер' })}: ${contact.phone.join(', ')}`);
    if (contact.hours !== undefined) lines.push(`- ${say(lang, { en: 'hours', uk: 'години' })}: ${localize(contact.hours, lang)}`);
    const reach = [contact.region, contact.languages?.join(', '), contact.free === true ? say(lang, { en: 'free', uk: 'безкоштовно' }) : undefined].filter(Boolean).join(' · ');
    if (reach !== '') lines.push(`- ${say(lang, { en: 'reachability', uk: 'доступність' })}: ${reach}`);
    lines.push(`- last_verified: ${contact.last_verified}`);
    if (contact.unverified !== undefined) lines.push(`- ${say(lang, { en: 'unverified', uk: 'не перевірено' })}: ${localize(contact.unverified, lang)}`);
  } else if (occurrence.kind === 'outcome') {
    const outcome = ownEntry(library.sops.get(occurrence.owner)?.sop.outcomes, occurrence.id);
    if (outcome === undefined) return undefined;
    lines.push(`**${occurrence.owner}/${occurrence.id}**: ${localize(outcome.label, lang)} · \`${outcome.category}\``);
  } else {
    const sop = library.sops.get(occurrence.id)?.sop;
    if (sop === undefined) return undefined;
    lines.push(`**${occurrence.id}** ${sop.version}: ${localize(sop.title, lang)}`);
  }
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: occurrence.range };
}
