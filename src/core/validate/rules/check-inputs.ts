/**
 * Input steps:
 *  SOP206 invalid-pattern  `pattern` does not compile as a regular expression (the runner would
 *                          accept no answer at all), or repeats a group that itself repeats
 *                          (checking some answers would take exponential time: the call freezes);
 *  SOP207 input-limits     min above max, or limits that do not apply to the input's type
 *                          (min/max are for int, maxLength/pattern for string).
 */
import { inputPattern } from '../../engine/input-pattern.js';
import { freezeWarning, nestedRepetition } from '../nested-repetition.js';
import type { LoadedSop } from '../../model/library.js';
import type { Finding } from '../finding.js';
import { makeFinding } from '../make-finding.js';
import { RULES } from '../rules.js';
import { keyPosition } from '../../load/source-text.js';

/** Why the pattern does not compile the way the engine compiles it, or undefined. */
function compiles(pattern: string): string | undefined {
  try {
    inputPattern(pattern);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(error);
  }
}

export function checkInputs(loaded: LoadedSop): Finding[] {
  const { file, positionOf } = loaded;
  const findings: Finding[] = [];
  for (const [id, step] of Object.entries(loaded.sop.steps)) {
    if (step.kind !== 'input') continue;
    const input = step.input;
    const base = ['steps', id, 'input'];
    if (input.pattern !== undefined) {
      const problem = compiles(input.pattern);
      const nested = problem === undefined ? nestedRepetition(input.pattern) : undefined;
      if (problem !== undefined) {
        findings.push(
          makeFinding(
            RULES.invalidPattern,
            file,
            positionOf([...base, 'pattern']),
            { en: `the pattern is not a valid regular expression: ${problem}`, uk: `шаблон не є правильним регулярним виразом: ${problem}` },
            { en: 'fix the pattern (it must match the whole answer)', uk: 'виправте шаблон (він має відповідати всій відповіді)' },
          ),
        );
      } else if (nested !== undefined) {
        const { message, hint } = freezeWarning({ en: 'the pattern', uk: 'шаблон' }, nested);
        findings.push(makeFinding(RULES.invalidPattern, file, positionOf([...base, 'pattern']), message, hint));
      }
    }
    if (input.min !== undefined && input.max !== undefined && input.min > input.max) {
      findings.push(
        makeFinding(
          RULES.inputLimits,
          file,
          positionOf([...base, 'min']),
          { en: `min ${input.min} is above max ${input.max}: no answer could be accepted`, uk: `min ${input.min} більше за max ${input.max}: жодної відповіді не буде прийнято` },
          { en: 'swap them, or fix one', uk: 'поміняйте їх місцями або виправте одне з них' },
        ),
      );
    }
    const misplaced: string[] = [];
    if (input.type !== 'int') for (const key of ['min', 'max'] as const) if (input[key] !== undefined) misplaced.push(key);
    if (input.type !== 'string') for (const key of ['maxLength', 'pattern'] as const) if (input[key] !== undefined) misplaced.push(key);
    for (const key of misplaced) {
      findings.push(
        makeFinding(
          RULES.inputLimits,
          file,
          keyPosition(positionOf, [...base, key]),
          { en: `'${key}' does not apply to ${input.type === 'int' ? 'an' : 'a'} ${input.type} input and would be ignored`, uk: `«${key}» не стосується введення типу ${input.type}, тож його буде проігноровано` },
          key === 'min' || key === 'max'
            ? { en: 'min and max are for type: int', uk: 'min і max — для type: int' }
            : { en: 'maxLength and pattern are for type: string', uk: 'maxLength і pattern — для type: string' },
        ),
      );
    }
  }
  return findings;
}

