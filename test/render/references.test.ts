/** References in texts: {contact:id}, {number:id}, {name}; opening hours evaluated at a moment passed in. */
import { describe, expect, it } from 'vitest';
import type { Directory } from '../../src/core/model/directory.js';
import { openingState } from '../../src/core/model/opening-state.js';
import { findReferences } from '../../src/core/model/text-references.js';
import { expandReferences } from '../../src/core/render/expand-references.js';
import { expandSopTexts, expandStep } from '../../src/core/render/expand-step.js';
import type { InteractiveStep, Sop } from '../../src/core/model/sop.js';

const directory: Directory = {
  directory: 'test',
  contacts: {
    hotline: {
      name: { en: 'National hotline', uk: 'Національна лінія' },
      phone: ['0 800 500 335', '116 123'],
      open: { timezone: 'Europe/Kyiv', always: true },
      last_verified: '2026-11-29',
      source: 'test',
    },
    office: {
      name: { en: 'Legal aid office', uk: 'Бюро правничої допомоги' },
      phone: ['0 800 213 103'],
      open: { timezone: 'Europe/Kyiv', weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '18:00' }] },
      last_verified: '2026-11-29',
      source: 'test',
    },
    social: { name: { en: 'Social services', uk: 'Соціальні служби' }, last_verified: '2026-11-29', source: 'test' },
  },
};

// Kyiv is UTC+2 in December: 2026-12-07 is a Monday.
const mondayNoonKyiv = new Date('2026-12-07T10:00:00Z');
const mondayNightKyiv = new Date('2026-12-07T19:30:00Z');
const saturdayKyiv = new Date('2026-12-12T10:00:00Z');
const mondayEarlyKyiv = new Date('2026-12-07T05:00:00Z');

describe('findReferences', () => {
  it('finds contacts, numbers and variables, and leaves other braces alone', () => {
    const refs = findReferences('Call {number:hotline} or {contact:office}; address {address}; {Not A Ref} {x-y}');
    expect(refs.map((r) => [r.kind, r.form, r.name])).toEqual([
      ['contact', 'number', 'hotline'],
      ['contact', 'contact', 'office'],
      ['variable', undefined, 'address'],
    ]);
  });
});

describe('openingState', () => {
  const hours = directory.contacts['office']!.open!;
  it('is open inside a window, with the closing time', () => {
    expect(openingState(hours, mondayNoonKyiv)).toEqual({ open: true, always: false, until: '18:00' });
  });
  it('after closing: the next day that opens', () => {
    expect(openingState(hours, mondayNightKyiv)).toEqual({ open: false, opens: { day: 'tue', at: '09:00', today: false } });
  });
  it('before opening: later today', () => {
    expect(openingState(hours, mondayEarlyKyiv)).toEqual({ open: false, opens: { day: 'mon', at: '09:00', today: true } });
  });
  it('at the weekend: Monday', () => {
    expect(openingState(hours, saturdayKyiv)).toEqual({ open: false, opens: { day: 'mon', at: '09:00', today: false } });
  });
  it('always open is open at any moment', () => {
    expect(openingState(directory.contacts['hotline']!.open!, mondayNightKyiv)).toEqual({ open: true, always: true });
  });
});

describe('expandReferences', () => {
  it('renders a contact in the call language with its numbers and, given a clock, whether it is open', () => {
    expect(expandReferences('Ring {contact:office}.', { lang: 'en', directory, now: mondayNightKyiv })).toBe(
      'Ring Legal aid office: 0 800 213 103 (closed now, opens Tue at 09:00).',
    );
    expect(expandReferences('{contact:hotline}', { lang: 'uk', directory, now: mondayNoonKyiv })).toBe(
      'Національна лінія: 0 800 500 335 або 116 123 (працює цілодобово)',
    );
    expect(expandReferences('{contact:office}', { lang: 'en', directory })).toBe('Legal aid office: 0 800 213 103');
  });
  it('renders {number:id} as the numbers alone, and the name where the entry has none', () => {
    expect(expandReferences('call {number:hotline}', { lang: 'en', directory })).toBe('call 0 800 500 335 or 116 123');
    expect(expandReferences('ask {number:social}', { lang: 'uk', directory })).toBe('ask Соціальні служби');
  });
  it('shows answers given so far, and says when one was not given', () => {
    const vars = { address: '12 Shevchenka St, flat 4', children: ['son', 'daughter'], alone: true, age: 0, street: '' };
    expect(expandReferences('Address: {address}; {children}; alone {alone}; {street}', { lang: 'en', directory, vars })).toBe(
      'Address: 12 Shevchenka St, flat 4; son, daughter; alone yes; (not given)',
    );
    expect(expandReferences('Адреса: {street}', { lang: 'uk', vars })).toBe('Адреса: (не вказано)');
  });
  it('prints a variable as a placeholder where there are no answers (a handbook)', () => {
    expect(expandReferences('Address: {address}', { lang: 'en', directory })).toBe('Address: [address]');
  });
  it('says so where a contact is missing, rather than inventing a number', () => {
    expect(expandReferences('{contact:gone}', { lang: 'en', directory })).toBe('gone (contact missing from the directory)');
  });
});

describe('expandStep / expandSopTexts', () => {
  const step: InteractiveStep = {
    kind: 'ask',
    text: { en: 'The police need {address}.', uk: 'Поліції потрібна адреса: {address}.' },
    say: { en: 'Call {number:hotline}.', uk: 'Телефонуйте {number:hotline}.' },
    options: [{ id: 'ok', label: { en: 'Told {address}', uk: 'Сказано' } }],
  };
  it('renders every text of a step in each language, keeping ids and shape', () => {
    const shown = expandStep(step, ['en', 'uk'], { directory, vars: { address: 'Kyiv' } });
    expect(shown).toMatchObject({
      kind: 'ask',
      text: { en: 'The police need Kyiv.', uk: 'Поліції потрібна адреса: Kyiv.' },
      say: { en: 'Call 0 800 500 335 or 116 123.', uk: 'Телефонуйте 0 800 500 335 або 116 123.' },
      options: [{ id: 'ok', label: { en: 'Told Kyiv', uk: 'Сказано' } }],
    });
  });
  it('returns a step without references as it is', () => {
    const plain: InteractiveStep = { kind: 'say', text: 'Hello', next: 'x' };
    expect(expandStep(plain, ['en'], { directory })).toBe(plain);
  });
  it('expands a whole SOP for a handbook', () => {
    const sop = { sop: 's', version: '1.0.0', title: 'S', languages: ['en'], start: 'a', steps: { a: { ...step, next: 'b' }, b: { kind: 'end', outcome: 'o', say: 'Bye, {number:hotline}' } } } as unknown as Sop;
    const expanded = expandSopTexts(sop, ['en'], { directory });
    expect(expanded.steps['a']).toMatchObject({ text: { en: 'The police need [address].' } });
    expect(expanded.steps['b']).toMatchObject({ say: { en: 'Bye, 0 800 500 335 or 116 123' } });
  });
});

describe('expandLibraryTexts', () => {
  it('renders every SOP of a library for print, keeping ids, files and hashes', async () => {
    const { expandLibraryTexts } = await import('../../src/core/render/expand-step.js');
    const sop = { sop: 's', version: '1.0.0', title: 'S', languages: ['en'], start: 'a', steps: { a: { kind: 'say', text: 'Call {number:hotline}', next: 'b' }, b: { kind: 'end', outcome: 'o' } } } as unknown as Sop;
    const loaded = { sop, file: 's.sop.yaml', sha256: 'abc', positionOf: () => undefined };
    const library = { sops: new Map([['s', loaded]]), directory };
    const printed = expandLibraryTexts(library, ['en']);
    const shown = printed.sops.get('s')!;
    expect(shown).toMatchObject({ file: 's.sop.yaml', sha256: 'abc' });
    expect(shown.sop.steps['a']).toMatchObject({ text: { en: 'Call 0 800 500 335 or 116 123' } });
    expect(library.sops.get('s')!.sop.steps['a']).toMatchObject({ text: 'Call {number:hotline}' });
  });
});
