/**
 * Input steps:
 *  SOP206 invalid-pattern  `pattern` does not compile as a regular expression (the runner would
 *                          accept no answer at all), or repeats a group that itself repeats
 *                          (checking some answers would take exponential time: the call freezes);
 *  SOP207 input-limits     min above max, or limits that do not apply to the input's type
 *                          (min/max are for int, maxLength/pattern for string).
 */
import { inputPattern } from '../../engine/input-pattern.js';
import { nestedRepetition } from '../nested-repetition.js';
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
        findings.push(makeFinding(RULES.invalidPattern, file, positionOf([...base, 'pattern']), `the pattern is not a valid regular expression: ${problem}`, 'fix the pattern (it must match the whole answer)'));
      } else if (nested !== undefined) {
        findings.push(
          makeFinding(
            RULES.invalidPattern,
            file,
            positionOf([...base, 'pattern']),
            `the pattern repeats a group that itself repeats (${nested}): some answers would take so long to check that the call would freeze`,
            'repeat only once, e.g. (a+)+ becomes a+',
          ),
        );
      }
    }
    if (input.min !== undefined && input.max !== undefined && input.min > input.max) {
      findings.push(makeFinding(RULES.inputLimits, file, positionOf([...base, 'min']), `min ${input.min} is above max ${input.max}: no answer could be accepted`, 'swap them, or fix one'));
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
          `'${key}' does not apply to a ${input.type} input and would be ignored`,
          key === 'min' || key === 'max' ? 'min and max are for type: int' : 'maxLength and pattern are for type: string',
        ),
      );
    }
  }
  return findings;
}

