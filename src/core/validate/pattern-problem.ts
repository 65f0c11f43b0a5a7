/**
 * What is wrong with a pattern (an input's `pattern`, a condition's `matches()`), as a finding's
 * message and hint (SOP206), or undefined: it does not compile as a regular expression, or it
 * uses what the linear-time matcher (RE2) cannot run — back-references, lookahead, lookbehind,
 * a repeat count above 1000. Patterns are matched in time linear in the answer's length, so no
 * pattern the validator admits can freeze a call.
 */
import { inputPattern, UnsupportedPattern } from '../conditions/input-pattern.js';
// Still inline { en, uk } pairs, composed from one another (not yet in the catalogues).
import type { InlineMessage as Message } from '../model/message.js';

export function patternProblem(subject: Message, pattern: string): { message: Message; hint: Message } | undefined {
  try {
    inputPattern(pattern);
    return undefined;
  } catch (error) {
    if (error instanceof UnsupportedPattern) {
      return {
        message: {
          en: `${subject.en} uses what the linear-time matcher cannot run (${error.message}): the runner would accept no answer`,
          uk: `${subject.uk} використовує те, чого не виконує лінійний за часом зіставник (${error.message}): жодна відповідь не пройде`,
        },
        hint: {
          en: 'write it without back-references (\\1), lookahead (?=, ?!) or lookbehind (?<=, ?<!), and with repeat counts up to 1000',
          uk: 'запишіть його без зворотних посилань (\\1), перевірок уперед (?=, ?!) чи назад (?<=, ?<!), з лічильниками повторів до 1000',
        },
      };
    }
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(error);
    return {
      message: { en: `${subject.en} is not a valid regular expression: ${reason}`, uk: `${subject.uk} не є правильним регулярним виразом: ${reason}` },
      hint: { en: 'fix the pattern', uk: 'виправте шаблон' },
    };
  }
}
