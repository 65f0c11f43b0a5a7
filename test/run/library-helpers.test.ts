import { describe, expect, it } from 'vitest';
import type { Library, LoadedSop } from '../../src/core/model/library.js';
import type { Sop } from '../../src/core/model/sop.js';
import { sopChoices } from '../../src/shell/tui/open-library.js';
import { compareAlphabetically } from '../../src/shell/tui/alphabetical.js';
import { reachableSopFiles } from '../../src/shell/tui/reachable-sops.js';
import { fixtureLibrary } from './fixture-library.js';

function sop(id: string, title: Sop['title'], calls: string[] = []): LoadedSop {
  const steps: Record<string, Sop['steps'][string]> = { end: { kind: 'end', outcome: 'done' } };
  calls.forEach((callee, i) => (steps[`call-${i}`] = { kind: 'call', sop: callee, next: 'end' }));
  return {
    sop: { sop: id, version: '1.0.0', title, languages: ['en', 'uk'], start: 'end', steps },
    file: `sops/${id}.sop.yaml`,
    sha256: `hash-of-${id}`,
    positionOf: () => undefined,
  };
}

describe('reachableSopFiles', () => {
  it('lists the SOP and every SOP it can call, once, cycles included', () => {
    const library: Library = {
      sops: new Map([
        ['a', sop('a', 'A', ['b', 'c'])],
        ['b', sop('b', 'B', ['a'])],
        ['c', sop('c', 'C', ['b'])],
        ['unrelated', sop('unrelated', 'U')],
      ]),
    };
    expect(reachableSopFiles(library, 'a')).toEqual([
      { sop: 'a', file: 'sops/a.sop.yaml', sha256: 'hash-of-a' },
      { sop: 'b', file: 'sops/b.sop.yaml', sha256: 'hash-of-b' },
      { sop: 'c', file: 'sops/c.sop.yaml', sha256: 'hash-of-c' },
    ]);
  });

  it('pins the fixture call to both of its files', () => {
    expect(reachableSopFiles(fixtureLibrary(), 'intake').map((f) => f.sop)).toEqual(['intake', 'referral']);
  });
});

describe('sopChoices', () => {
  it('puts the entry point first-contact first, then sorts by title in the chosen language', () => {
    const library: Library = {
      sops: new Map([
        ['zeta', sop('zeta', { en: 'Alpha', uk: 'Яблуко' })],
        ['first-contact', sop('first-contact', { en: 'Zulu first contact', uk: 'Перший контакт' })],
        ['beta', sop('beta', { en: 'Bravo', uk: 'Абрикос' })],
      ]),
    };
    expect(sopChoices(library, 'en').map((c) => c.value)).toEqual(['first-contact', 'zeta', 'beta']);
    expect(sopChoices(library, 'uk').map((c) => c.name)).toEqual(['Перший контакт  (first-contact)', 'Абрикос  (beta)', 'Яблуко  (zeta)']);
  });
});

describe('compareAlphabetically', () => {
  it('orders the Ukrainian alphabet as Ukrainian readers do: ґ after г, є after е, і and ї after и', () => {
    const words = ['Ярмарок', 'їжак', 'Інформування', 'ґанок', 'Екстрена', 'ємність', 'Гаряча', 'Дзвінок', 'ирій', 'Абетка'];
    expect([...words].sort(compareAlphabetically)).toEqual(['Абетка', 'Гаряча', 'ґанок', 'Дзвінок', 'Екстрена', 'ємність', 'ирій', 'Інформування', 'їжак', 'Ярмарок']);
  });

  it('ignores case, puts Latin before Cyrillic, and a prefix before longer words', () => {
    expect(['referral', 'Emergency', 'Безпека', 'emergency override', 'closing'].sort(compareAlphabetically)).toEqual(['closing', 'Emergency', 'emergency override', 'referral', 'Безпека']);
  });

  it("agrees with ICU's Ukrainian collation on menu-like titles", () => {
    const titles = ['Перший контакт', 'Оцінка безпеки', 'Перенаправлення', 'Завершення дзвінка', 'Екстрена ситуація', 'Інформування', 'Ґрунтовна оцінка', 'Є питання'];
    expect([...titles].sort(compareAlphabetically)).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'uk')));
  });
});
