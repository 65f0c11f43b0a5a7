/**
 * Input steps:
 *  SOP206 invalid-pattern  `pattern` does not compile as a regular expression, or uses what the
 *                          linear-time matcher cannot run (back-references, lookaround): the
 *                          runner would accept no answer at all;
 *  SOP207 input-limits     min above max, or limits that do not apply to the input's type
 *                          (min/max are for int, maxLength/pattern for string).
 */
import { patternProblem } from '../pattern-problem.js';
import type { LoadedSop } from '../../model/library.js';
import type { Finding } from '../../findings/finding.js';
import { makeFinding } from '../../findings/make-finding.js';
import { RULES } from '../../findings/rules.js';
import { keyPosition } from '../../load/source-text.js';

export function checkInputs(loaded: LoadedSop): Finding[] {
  const { file, positionOf } = loaded;
  const findings: Finding[] = [];
  for (const [id, step] of Object.entries(loaded.sop.steps)) {
    if (step.kind !== 'input') continue;
    const input = step.input;
    const base = ['steps', id, 'input'];
    if (input.pattern !== undefined) {
      const problem = patternProblem({ en: 'the pattern', uk: 'шаблон' }, input.pattern);
      if (problem !== undefined) findings.push(makeFinding(RULES.invalidPattern, file, positionOf([...base, 'pattern']), problem.message, problem.hint));
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

