/**
 * The shared referral SOP, driven through the engine for every combination of answers
 * (fast-check): consent is respected, every ticked need gets its contacts shown, and the
 * recorded referral always fits the situation (a child, abroad, victim status, police only).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drive } from '../../src/core/engine/drive.js';
import type { Answer, Command } from '../../src/core/engine/types.js';
import { shippedLibrary } from './helpers.js';

const NEEDS = ['shelter', 'legal', 'psychological', 'medical', 'police', 'return-help', 'victim-status', 'children'] as const;
const GIVE_STEP: Record<(typeof NEEDS)[number], string> = {
  shelter: 'give-shelter',
  legal: 'give-legal',
  psychological: 'give-psychological',
  medical: 'give-medical',
  police: 'give-police',
  'return-help': 'give-return',
  'victim-status': 'give-status',
  children: 'give-children',
};

interface Situation {
  readonly wants: boolean;
  readonly needs: readonly string[];
  readonly location: 'in-ukraine' | 'abroad' | 'prefer-not-to-say';
  readonly language: 'ukrainian' | 'english' | 'other-language' | 'prefer-not-to-say';
  readonly isMinor: boolean;
}

const situations = fc.record({
  wants: fc.boolean(),
  needs: fc.subarray([...NEEDS]),
  location: fc.constantFrom('in-ukraine' as const, 'abroad' as const, 'prefer-not-to-say' as const),
  language: fc.constantFrom('ukrainian' as const, 'english' as const, 'other-language' as const, 'prefer-not-to-say' as const),
  isMinor: fc.boolean(),
});

async function refer(situation: Situation) {
  const { library } = await shippedLibrary();
  const answer = (a: Answer): Command => ({ type: 'answer', answer: a });
  const result = drive(
    library,
    'referral',
    ({ current }) => {
      switch (current.stepId) {
        case 'offer':
          return answer({ kind: 'option', option: situation.wants ? 'wants-contacts' : 'no-referral' });
        case 'needs':
          return answer({ kind: 'checked', options: situation.needs });
        case 'location':
          return answer({ kind: 'option', option: situation.location });
        case 'language':
          return answer({ kind: 'option', option: situation.language });
        default:
          return current.step.kind === 'say' ? answer({ kind: 'continue' }) : undefined;
      }
    },
    { vars: { is_minor: situation.isMinor } },
  );
  const shown = result.events.flatMap((event) => (event.type === 'step-shown' ? [event.step.replace(/^referral\//, '')] : []));
  return { result, shown };
}

describe('referral SOP', () => {
  it('ends for every combination of answers, and fits what the caller said', async () => {
    await fc.assert(
      fc.asyncProperty(situations, async (situation) => {
        const { result, shown } = await refer(situation);
        expect(result.refusals).toEqual([]);
        expect(result.stop).toBe('ended');
        const referrals = result.state.referrals;
        if (!situation.wants) {
          expect(result.state.outcome).toBe('referral/declined');
          expect(referrals).toEqual([]);
          expect(shown).not.toContain('needs');
          return;
        }
        if (situation.needs.length === 0 && !situation.isMinor) {
          expect(result.state.outcome).toBe('referral/none-needed');
          expect(referrals).toEqual([]);
          return;
        }
        expect(result.state.outcome).toBe('referral/referred');
        expect(referrals.length).toBeGreaterThan(0);
        // Every ticked need had its own contacts shown to the counsellor, and nothing unticked.
        const abroad = situation.location === 'abroad';
        for (const need of NEEDS) {
          const expected = situation.needs.includes(need) || (need === 'children' && situation.isMinor);
          if (need === 'shelter' && abroad) {
            // Abroad: the shelters of that country, through the consulate, never Ukrainian ones.
            expect(shown.includes('give-shelter-abroad'), need).toBe(expected);
            expect(shown).not.toContain('give-shelter');
          } else if (need === 'police' && abroad) {
            // Abroad: the police there, given in give-abroad; never 102.
            expect(shown).not.toContain('give-police');
          } else {
            expect(shown.includes(GIVE_STEP[need]), need).toBe(expected);
          }
        }
        expect(shown.includes('give-abroad')).toBe(situation.location === 'abroad');
        expect(shown.includes('interpreter-note')).toBe(situation.language === 'other-language');
        // The recorded bundle fits the situation.
        const child = situation.needs.includes('children') || situation.isMinor;
        if (child) expect(referrals).toContain('child-line');
        if (abroad) {
          expect(referrals).toContain('embassy-consulate');
          expect(referrals).toContain('emergency-abroad-112');
        }
        if (!child && situation.location !== 'abroad' && situation.needs.includes('victim-status')) {
          expect(referrals).toContain('local-state-admin');
        }
        if (situation.needs.length === 1 && situation.needs[0] === 'police' && !child && situation.location !== 'abroad') {
          expect(referrals).toEqual(['police-call-centre', 'police-102']);
        }
        // The caller can always come back to the line, unless they only wanted the police, or are
        // abroad, where our numbers are not confirmed to answer (the consulate and 112 instead).
        if (!abroad && !(situation.needs.length === 1 && situation.needs[0] === 'police' && !child)) {
          expect(referrals).toContain('la-strada-hotline');
        }
      }),
      { numRuns: 200 },
    );
  });
});
