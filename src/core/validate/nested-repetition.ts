import type { Message } from '../model/message.js';

/** The finding for a pattern (`subject`: "the pattern", ...) whose `group` repeats a repetition, and its hint. */
export function freezeWarning(subject: Message, group: string): { message: Message; hint: Message } {
  return {
    message: {
      en: `${subject.en} repeats a group that itself repeats (${group}): some answers would take so long to check that the call would freeze`,
      uk: `${subject.uk} повторює групу, яка сама повторюється (${group}): перевірка деяких відповідей триватиме так довго, що дзвінок зависне`,
    },
    hint: { en: 'repeat only once, e.g. (a+)+ becomes a+', uk: 'повторюйте лише раз: напр., (a+)+ замініть на a+' },
  };
}

/**
 * The first group of a regular expression that repeats and itself holds a repetition — `(a+)+`,
 * `(\w*)*`, `(x+y?){2,}` — the classic shape of catastrophic backtracking: refusing an answer such as
 * "aaaa…a!" then takes time exponential in its length, and a live call would freeze. A static
 * over-approximation for input patterns (SOP206); escapes and character classes are skipped.
 */
export function nestedRepetition(pattern: string): string | undefined {
  // For each open group: where it starts and whether anything inside it repeats a varying number of times.
  const groups: { start: number; repeats: boolean }[] = [];
  let i = 0;
  const repeatAt = (at: number): number => {
    // Length of a varying repetition at `at` (+, *, {n,}, {n,m} with m > n), else 0: an exact
    // count {n} always matches the same way, so it cannot make the matcher try alternatives.
    const c = pattern[at];
    if (c === '+' || c === '*') return 1;
    if (c !== '{') return 0;
    const match = /^\{(\d+),(\d*)\}/.exec(pattern.slice(at));
    if (!match) return 0;
    const max = match[2] === '' ? Infinity : Number(match[2]);
    return max > Number(match[1]) ? match[0].length : 0;
  };
  const markRepeat = (): void => {
    for (const group of groups) group.repeats = true;
  };
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      i += 2;
      if (repeatAt(i) > 0) markRepeat();
      continue;
    }
    if (c === '[') {
      // A character class ends at the first unescaped ] after its first character.
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      i = j + 1;
      if (repeatAt(i) > 0) markRepeat();
      continue;
    }
    if (c === '(') {
      groups.push({ start: i, repeats: false });
      i++;
      continue;
    }
    if (c === ')') {
      const group = groups.pop();
      i++;
      if (group && repeatAt(i) > 0) {
        if (group.repeats) return pattern.slice(group.start, i + repeatAt(i));
        markRepeat();
      }
      continue;
    }
    i++;
    if (repeatAt(i) > 0) markRepeat();
  }
  return undefined;
}
