/**
 * The training score, 0-100, from three parts (each a ratio from 0 to 1):
 *
 *   decisions  weight 50  credit for each expert decision / their number. The decisions: the
 *                         scenario's answers at ask and checklist steps, and its interrupts (the
 *                         key pressed at a step is the decision there). ask: 1 for the same
 *                         option; checklist: ticks in common / ticks in either (Jaccard; both
 *                         empty = 1); interrupt: 1 for the same key at that step; a step not
 *                         reached, or answered where the expert pressed a key: 0. Typed inputs
 *                         (facts from the caller) are shown but not scored; answers the journal
 *                         keeps only as "[redacted]" are left out.
 *   red flags  weight 25  required `visits` passed through + expected `interrupts` used, / their number
 *   outcome    weight 25  1 for the expected outcome, else 0; when the scenario expects referrals:
 *                         0.75 x outcome + 0.25 x (expected referrals made / expected referrals)
 *
 *   score = round(100 x sum(weight x ratio) / sum(weight)), over the parts the scenario has
 *   (no decisions or no red flags: that part's weight is shared out over the others).
 *
 * Time is shown against the expert's but never scored: a trainee should not learn to rush.
 */
const WEIGHTS = { decisions: 50, redFlags: 25, outcome: 25 } as const;

type ScorePartName = keyof typeof WEIGHTS;

export interface ScorePart {
  /** What was earned (may be fractional: partial checklists). */
  readonly got: number;
  /** What could be earned. */
  readonly of: number;
}

export interface ScoreParts {
  readonly decisions: ScorePart;
  readonly redFlags: ScorePart;
  readonly outcome: ScorePart;
}

export interface Score {
  /** 0-100. */
  readonly total: number;
  /** Each part with its share of the 100 points (0 when the scenario has none of it). */
  readonly parts: { readonly [name in ScorePartName]: ScorePart & { readonly points: number; readonly max: number } };
}

export function scoreOf(parts: ScoreParts): Score {
  const names = Object.keys(WEIGHTS) as ScorePartName[];
  const present = names.filter((name) => parts[name].of > 0);
  const weightSum = present.reduce((sum, name) => sum + WEIGHTS[name], 0);
  let total = 0;
  const shares = {} as Record<ScorePartName, ScorePart & { points: number; max: number }>;
  for (const name of names) {
    const part = parts[name];
    const max = part.of > 0 && weightSum > 0 ? (100 * WEIGHTS[name]) / weightSum : 0;
    const points = part.of > 0 ? (max * Math.min(part.got, part.of)) / part.of : 0;
    total += points;
    shares[name] = { got: part.got, of: part.of, points, max };
  }
  return { total: weightSum > 0 ? Math.round(total) : 0, parts: shares };
}

/** Ticks in common / ticks in either; 1 when both are empty. */
export function checklistCredit(expert: readonly string[], trainee: readonly string[]): number {
  const union = new Set([...expert, ...trainee]);
  if (union.size === 0) return 1;
  const common = expert.filter((id) => trainee.includes(id)).length;
  return common / union.size;
}
