/**
 * The duty-to-act rule is defined once, in sops/duty-to-act.sop.yaml: every other procedure that
 * can override a caller's "no police" calls it, saves its outcome (`save` on the call step) and
 * branches on it. None decides the override itself: no answer, option or other call sets the
 * saved variable, no SOP keeps an `override` variable of its own, and every "without consent"
 * outcome is reached only through a branch on the shared procedure's `police-informed`.
 */
import { describe, expect, it } from 'vitest';
import { drive } from '../../src/core/engine/drive.js';
import type { Answer, Command } from '../../src/core/engine/types.js';
import type { Library } from '../../src/core/model/library.js';
import type { Branch, Sop, Step } from '../../src/core/model/sop.js';
import { shippedLibrary } from './helpers.js';

const SHARED = 'duty-to-act';
/** The procedures that meet a caller who may say no to the police where a ground can hold. */
const CALLERS = ['possible-victim', 'emergency', 'child-involved', 'domestic-violence', 'third-party-report'];
/** Option ids the old, per-file override steps used; none may come back outside the shared SOP. */
const OLD_OVERRIDE_OPTIONS = ['override-applied', 'override-not-possible', 'supervisor-decided-no', 'report-anyway', 'cannot-identify'];
const WITHOUT_CONSENT = /without (the (caller|reporter)'s )?consent|although the caller objected/i;

function branchesOf(next: unknown): readonly Branch[] {
  return Array.isArray(next) ? (next as Branch[]) : [];
}

/** Every way one SOP decides or records an override itself: the list is empty when it does not. */
export function overridesDecidedOutside(id: string, sop: Sop): string[] {
  if (id === SHARED) return [];
  const problems: string[] = [];
  const steps = Object.entries(sop.steps) as [string, Step][];
  const saved = new Set(steps.flatMap(([, step]) => (step.kind === 'call' && step.sop === SHARED && step.save ? [step.save] : [])));
  if (sop.variables?.['override'] !== undefined) problems.push(`${id}: declares its own 'override' variable`);
  for (const [stepId, step] of steps) {
    const where = `${id}/${stepId}`;
    if ((step.kind === 'ask' || step.kind === 'checklist' || step.kind === 'input') && step.save !== undefined && saved.has(step.save)) {
      problems.push(`${where}: an answer is saved into '${step.save}', the shared decision`);
    }
    if (step.kind === 'call' && step.sop !== SHARED && step.save !== undefined && saved.has(step.save)) {
      problems.push(`${where}: another SOP's outcome is saved into '${step.save}'`);
    }
    if (step.kind === 'ask') {
      for (const option of step.options) {
        for (const name of Object.keys(option.set ?? {})) {
          if (saved.has(name)) problems.push(`${where}#${option.id}: sets '${name}', the shared decision`);
        }
        if (OLD_OVERRIDE_OPTIONS.includes(option.id)) problems.push(`${where}#${option.id}: an override decision outside ${SHARED}`);
        const label = typeof option.label === 'string' ? option.label : (option.label['en'] ?? '');
        if (WITHOUT_CONSENT.test(label)) problems.push(`${where}#${option.id}: an option decides to act without consent`);
      }
    }
  }
  // A "without consent" outcome is reached only through `<saved> == "police-informed"`.
  const overrideOutcomes = new Set(
    Object.entries(sop.outcomes ?? {}).flatMap(([outcomeId, outcome]) => {
      const label = typeof outcome.label === 'string' ? outcome.label : (outcome.label['en'] ?? '');
      return WITHOUT_CONSENT.test(label) ? [outcomeId] : [];
    }),
  );
  const overrideEnds = new Set(steps.flatMap(([stepId, step]) => (step.kind === 'end' && overrideOutcomes.has(step.outcome) ? [stepId] : [])));
  // A call step that only leads on to such an end (the after-call card) is part of that end.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [stepId, step] of steps) {
      if (step.kind === 'call' && typeof step.next === 'string' && overrideEnds.has(step.next) && !overrideEnds.has(stepId)) {
        overrideEnds.add(stepId);
        grew = true;
      }
    }
  }
  for (const [stepId, step] of steps) {
    if (overrideEnds.has(stepId)) continue;
    const record = step as unknown as { next?: unknown; options?: { id: string; next?: unknown }[] };
    const plain = [record.next, ...(record.options ?? []).map((option) => option.next)].filter((next) => typeof next === 'string');
    for (const target of plain) if (overrideEnds.has(target as string)) problems.push(`${id}/${stepId}: goes to ${target as string} unconditionally`);
    for (const branch of branchesOf(record.next)) {
      if (!overrideEnds.has(branch.goto)) continue;
      const test = /^\s*([a-z0-9_]+)\s*==\s*"police-informed"\s*$/.exec(branch.when ?? '');
      if (test === null || !saved.has(test[1]!)) problems.push(`${id}/${stepId}: reaches ${branch.goto} without the shared decision (${branch.when ?? 'default'})`);
    }
  }
  return problems;
}

async function sopsById(): Promise<Map<string, Sop>> {
  const { library } = await shippedLibrary();
  return new Map([...library.sops].map(([id, loaded]) => [id, loaded.sop]));
}

describe('the duty-to-act rule is defined once', () => {
  it('no SOP other than duty-to-act decides or records an override itself', async () => {
    const problems = [...(await sopsById())].flatMap(([id, sop]) => overridesDecidedOutside(id, sop));
    expect(problems).toEqual([]);
  });

  it('the check finds an SOP that sets the override itself (so the test above can fail)', async () => {
    const original = (await sopsById()).get('possible-victim')!;
    const sop = structuredClone(original) as { -readonly [K in keyof Sop]: Sop[K] } & { steps: Record<string, Step> };
    const wish = sop.steps['police-wish'] as Step & { options: { id: string; set?: Record<string, unknown> }[] };
    wish.options[1]!.set = { duty: 'police-informed' };
    sop.variables = { ...sop.variables, override: { type: 'string', default: '' } };
    const problems = overridesDecidedOutside('possible-victim', sop as Sop);
    expect(problems).toContain("possible-victim/police-wish#not-now: sets 'duty', the shared decision");
    expect(problems).toContain("possible-victim: declares its own 'override' variable");
  });

  it('the check finds a "without consent" end reached without the shared decision', async () => {
    const original = (await sopsById()).get('emergency')!;
    const sop = structuredClone(original) as Sop & { steps: Record<string, Step> };
    const decided = sop.steps['police-decided'] as Step & { next: Branch[] };
    decided.next[0] = { when: 'police_choice == "declines"', goto: 'card-police-override' };
    expect(overridesDecidedOutside('emergency', sop)).toEqual([
      'emergency/police-decided: reaches card-police-override without the shared decision (police_choice == "declines")',
    ]);
  });

  it('every procedure that can override a "no" calls duty-to-act and saves its outcome', async () => {
    const sops = await sopsById();
    for (const id of CALLERS) {
      const calls = Object.values(sops.get(id)!.steps).filter((step) => step.kind === 'call' && step.sop === SHARED);
      expect(calls.length, id).toBeGreaterThan(0);
      for (const call of calls) expect(call.kind === 'call' && call.save, id).toBeTruthy();
    }
  });

  it('the shared procedure: grounds confirmed, the decision recorded, then the police chosen, then the words', async () => {
    const sop = (await sopsById()).get(SHARED)!;
    const ask = (id: string) => sop.steps[id] as Step & { save?: string; options: { id: string; next?: string }[] };
    expect(ask('confirm-ground').save).toBe('ground');
    expect(ask('confirm-ground').options.map((option) => option.id)).toEqual(['child-at-risk', 'violence-imminent', 'neither']);
    expect(ask('decide').save).toBe('decision');
    expect(ask('which-police').options.map((option) => option.id)).toEqual(['local', 'regional', 'abroad']);
    // No words to the caller before the decision: the decide step and the steps before it have no script.
    for (const id of ['check-grounds', 'confirm-ground', 'decide', 'which-police']) expect((sop.steps[id] as { say?: unknown }).say, id).toBeUndefined();
    // One script per case, none with slash alternatives.
    for (const id of ['tell-child-ground', 'tell-violence-ground', 'tell-child-caller']) {
      const say = (sop.steps[id] as { say?: unknown }).say as Record<string, string>;
      expect(say['en'], id).not.toMatch(/ \/ /);
      expect(say['uk'], id).not.toMatch(/ \/ /);
    }
    expect(Object.keys(sop.outcomes ?? {}).sort()).toEqual(['no-grounds', 'not-possible', 'police-informed', 'supervisor-declined']);
  });

  it('a child merely present is not a ground: the caller\'s "no" stands without a question', async () => {
    const { library } = await shippedLibrary();
    const result = run(library, { child_at_risk: false, violence_imminent: false }, {});
    expect(result.state.outcome).toBe('duty-to-act/no-grounds');
    expect(result.shown).toEqual([]);
  });

  it('local police tied to the exploiter: the regional unit is informed, never the local station', async () => {
    const { library } = await shippedLibrary();
    const result = run(library, { violence_imminent: true }, { 'confirm-ground': 'violence-imminent', decide: 'inform-police', 'which-police': 'regional' });
    expect(result.state.outcome).toBe('duty-to-act/police-informed');
    expect(result.shown).toContain('duty-to-act/tell-violence-ground');
    expect(result.state.referrals).toContain('police-counter-trafficking-regional');
    expect(result.state.referrals).not.toContain('police-102');
  });

  it('abroad: that country\'s emergency number and the consulate, not the Ukrainian police', async () => {
    const { library } = await shippedLibrary();
    const result = run(library, { child_at_risk: true }, { 'confirm-ground': 'child-at-risk', decide: 'inform-police', 'which-police': 'abroad' });
    expect(result.state.referrals).toEqual(['emergency-abroad-112', 'embassy-consulate']);
  });
});

function run(library: Library, vars: Record<string, boolean | string>, answers: Record<string, string>) {
  const answer = (a: Answer): Command => ({ type: 'answer', answer: a });
  const result = drive(
    library,
    SHARED,
    ({ current }) => {
      const option = answers[current.stepId];
      if (option !== undefined) return answer({ kind: 'option', option });
      return current.step.kind === 'say' ? answer({ kind: 'continue' }) : undefined;
    },
    { vars },
  );
  const shown = result.events.flatMap((event) => (event.type === 'step-shown' ? [event.step] : []));
  return { state: result.state, shown };
}
