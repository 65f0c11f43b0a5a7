import type { Hint } from './finding.js';

/**
 * Edit distance where swapping two neighbouring letters is one edit (optimal string alignment:
 * `sya` is one edit from `say`, as a reader sees it), bounded: returns max + 1 as soon as the
 * distance exceeds max.
 */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate closest to `word` (a typo or a transposition away), or undefined. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length < 2) return undefined; // every one-character word is one typo from every other
  const max = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const d = distance(word.toLowerCase(), candidate.toLowerCase(), max);
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= max ? best : undefined;
}

/** "did you mean 'x'?" (in both languages) or undefined. */
export function suggestion(word: string, candidates: Iterable<string>): Hint | undefined {
  const match = didYouMean(word, candidates);
  return match === undefined ? undefined : { en: `did you mean '${match}'?`, uk: `можливо, ви мали на увазі «${match}»?`, fix: { from: word, to: match } };
}
