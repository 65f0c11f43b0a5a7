/**
 * Maps an answer written in a scenario or answers file (a YAML value) to an engine Answer:
 *   say       -> continue (whatever the value: null, "continue", ...);
 *   ask       -> the option id (a number or bool is taken as its text: `1` -> "1");
 *   checklist -> the list of ids (null or [] = none; a single id = a one-item list);
 *   input     -> the raw text (numbers and bools as text, null = empty).
 * Whether the option exists or the input fits is the engine's business (step refuses).
 */
import type { Step } from '../model/sop.js';
import type { Answer, Refusal } from './types.js';

export type ScriptedAnswer = { readonly ok: true; readonly answer: Answer } | { readonly ok: false; readonly refusal: Refusal };

/** The error answerFromScripted throws; `refusal` has the bilingual message. */
export class ScriptedAnswerError extends Error {
  override readonly name = 'ScriptedAnswerError';
  constructor(readonly refusal: Refusal) {
    super(refusal.message.en);
  }
}

/** Like scriptedAnswer, but throws ScriptedAnswerError for a value that cannot be an answer. */
export function answerFromScripted(step: Step, value: unknown): Answer {
  const result = scriptedAnswer(step, value);
  if (!result.ok) throw new ScriptedAnswerError(result.refusal);
  return result.answer;
}

export function scriptedAnswer(step: Step, value: unknown): ScriptedAnswer {
  switch (step.kind) {
    case 'say':
      return { ok: true, answer: { kind: 'continue' } };
    case 'ask':
      if (isScalar(value) && value !== null) return { ok: true, answer: { kind: 'option', option: String(value) } };
      return impossible('ask', value, 'one option id', 'один id варіанта');
    case 'checklist': {
      if (value === null || value === undefined) return { ok: true, answer: { kind: 'checked', options: [] } };
      if (typeof value === 'string') return { ok: true, answer: { kind: 'checked', options: [value] } };
      if (Array.isArray(value) && value.every((item) => isScalar(item) && item !== null)) {
        return { ok: true, answer: { kind: 'checked', options: value.map(String) } };
      }
      return impossible('checklist', value, 'a list of option ids', 'список id пунктів');
    }
    case 'input':
      if (value === null || value === undefined) return { ok: true, answer: { kind: 'value', raw: '' } };
      if (isScalar(value)) return { ok: true, answer: { kind: 'value', raw: String(value) } };
      return impossible('input', value, 'a single value', 'одне значення');
    default:
      return {
        ok: false,
        refusal: {
          code: 'not-interactive',
          message: {
            en: `a "${step.kind}" step takes no answer: the engine passes through it`,
            uk: `крок «${step.kind}» не приймає відповіді: рушій проходить його сам`,
          },
        },
      };
  }
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function impossible(kind: string, value: unknown, en: string, uk: string): ScriptedAnswer {
  const shown = JSON.stringify(value) ?? String(value);
  return {
    ok: false,
    refusal: {
      code: 'wrong-answer-kind',
      message: { en: `${shown} cannot answer a "${kind}" step: give ${en}`, uk: `${shown} не може бути відповіддю на крок «${kind}»: потрібно ${uk}` },
    },
  };
}
