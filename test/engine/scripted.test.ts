import { describe, expect, it } from 'vitest';
import { answerFromScripted, scriptedAnswer, ScriptedAnswerError } from '../../src/core/engine/answer-from-scripted.js';
import type { Step } from '../../src/core/model/sop.js';

const say: Step = { kind: 'say', text: 't', next: 'x' };
const ask: Step = { kind: 'ask', text: 't', options: [{ id: '1', label: 'one' }, { id: 'yes', label: 'yes' }] };
const checklist: Step = { kind: 'checklist', text: 't', options: [{ id: 'a', label: 'a' }], next: 'x' };
const input: Step = { kind: 'input', text: 't', input: { type: 'int' }, next: 'x' };
const decide: Step = { kind: 'decide', next: [{ goto: 'x' }] };

describe('answerFromScripted', () => {
  it('say: anything continues', () => {
    for (const value of [null, 'continue', 1, undefined]) expect(answerFromScripted(say, value)).toEqual({ kind: 'continue' });
  });

  it('ask: the option id, numbers and bools as text', () => {
    expect(answerFromScripted(ask, 'yes')).toEqual({ kind: 'option', option: 'yes' });
    expect(answerFromScripted(ask, 1)).toEqual({ kind: 'option', option: '1' });
    expect(answerFromScripted(ask, true)).toEqual({ kind: 'option', option: 'true' });
  });

  it('checklist: a list of ids; null or [] is none; one id is a list of one', () => {
    expect(answerFromScripted(checklist, ['a', 'b'])).toEqual({ kind: 'checked', options: ['a', 'b'] });
    expect(answerFromScripted(checklist, [])).toEqual({ kind: 'checked', options: [] });
    expect(answerFromScripted(checklist, null)).toEqual({ kind: 'checked', options: [] });
    expect(answerFromScripted(checklist, 'a')).toEqual({ kind: 'checked', options: ['a'] });
  });

  it('input: the raw text; numbers and bools stringified; null is empty', () => {
    expect(answerFromScripted(input, 17)).toEqual({ kind: 'value', raw: '17' });
    expect(answerFromScripted(input, false)).toEqual({ kind: 'value', raw: 'false' });
    expect(answerFromScripted(input, 'AB-12')).toEqual({ kind: 'value', raw: 'AB-12' });
    expect(answerFromScripted(input, null)).toEqual({ kind: 'value', raw: '' });
  });

  it('throws a ScriptedAnswerError with a bilingual refusal for impossible values', () => {
    for (const [step, value] of [
      [ask, ['a']],
      [ask, null],
      [ask, { id: 'a' }],
      [checklist, { a: true }],
      [checklist, [['a']]],
      [input, [1]],
      [decide, 'x'],
    ] as const) {
      expect(() => answerFromScripted(step, value)).toThrow(ScriptedAnswerError);
      const result = scriptedAnswer(step, value);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.refusal.message.uk).not.toBe('');
    }
  });
});
