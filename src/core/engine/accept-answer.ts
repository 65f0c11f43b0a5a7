/**
 * Checks an answer against the interactive step it is for and works out its effect: the value
 * recorded (option id, ticked ids in option order, parsed input, null for say), the frame's
 * variables afterwards (`save`, an option's `set`) and the `next` to follow.
 */
import type { AskOption, InteractiveStep, Next, Value } from '../model/sop.js';
import { nextOf } from './next-of.js';
import { parseInput } from './parse-input.js';
import { refuse } from './refusals.js';
import type { Answer, Refusal } from './types.js';

type Vars = { readonly [name: string]: Value };

export type Accepted =
  | { readonly ok: true; readonly value: Value | null; readonly vars: Vars; readonly next: Next | undefined }
  | { readonly ok: false; readonly refusal: Refusal };

export function acceptAnswer(step: InteractiveStep, answer: Answer, vars: Vars): Accepted {
  switch (step.kind) {
    case 'say':
      if (answer.kind !== 'continue') return { ok: false, refusal: refuse.wrongAnswerKind('say') };
      return { ok: true, value: null, vars, next: step.next };

    case 'ask': {
      if (answer.kind !== 'option') return { ok: false, refusal: refuse.wrongAnswerKind('ask') };
      let option: AskOption | undefined;
      for (const candidate of step.options) {
        if (candidate.id === answer.option) {
          option = candidate;
          break;
        }
      }
      if (option === undefined) return { ok: false, refusal: refuse.unknownOption(answer.option, step.options.map((o) => o.id)) };
      let after = vars;
      if (option.set !== undefined || step.save !== undefined) {
        const changed: Record<string, Value> = { ...vars };
        if (option.set !== undefined) for (const name in option.set) changed[name] = option.set[name]!;
        if (step.save !== undefined) changed[step.save] = option.id;
        after = changed;
      }
      return { ok: true, value: option.id, vars: after, next: nextOf(step, option) };
    }

    case 'checklist': {
      if (answer.kind !== 'checked') return { ok: false, refusal: refuse.wrongAnswerKind('checklist') };
      const ticked = new Set<string>();
      for (const id of answer.options) {
        if (ticked.has(id)) return { ok: false, refusal: refuse.duplicateOption(id) };
        ticked.add(id);
      }
      const known = step.options.map((option) => option.id);
      for (const id of ticked) if (!known.includes(id)) return { ok: false, refusal: refuse.unknownOption(id, known) };
      const value = known.filter((id) => ticked.has(id));
      return { ok: true, value, vars: step.save === undefined ? vars : { ...vars, [step.save]: value }, next: step.next };
    }

    case 'input': {
      if (answer.kind !== 'value') return { ok: false, refusal: refuse.wrongAnswerKind('input') };
      const parsed = parseInput(step.input, answer.raw);
      if (!parsed.ok) return parsed;
      let after = vars;
      if (step.save !== undefined) {
        const changed: Record<string, Value> = { ...vars };
        if (parsed.value === null) delete changed[step.save];
        else changed[step.save] = parsed.value;
        after = changed;
      }
      return { ok: true, value: parsed.value, vars: after, next: step.next };
    }
  }
}
