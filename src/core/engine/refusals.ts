/**
 * The engine's refusals, each with an English and a Ukrainian message for the counsellor
 * (or, for a broken library, for whoever maintains the SOPs).
 */
import type { Refusal, RefusalCode } from './types.js';

function refusal(code: RefusalCode, en: string, uk: string): Refusal {
  return { code, message: { en, uk } };
}

export const refuse = {
  callEnded: () => refusal('call-ended', 'The call has already ended.', 'Дзвінок уже завершено.'),
  wrongAnswerKind: (kind: 'say' | 'ask' | 'checklist' | 'input') =>
    refusal('wrong-answer-kind', `This is a "${kind}" step: ${EXPECTED[kind].en}.`, `Це крок «${kind}»: ${EXPECTED[kind].uk}.`),
  unknownOption: (option: string, known: readonly string[]) =>
    refusal(
      'unknown-option',
      `There is no option "${option}" here; choose one of: ${known.join(', ')}.`,
      `Тут немає варіанта «${option}»; оберіть один із: ${known.join(', ')}.`,
    ),
  duplicateOption: (option: string) =>
    refusal('duplicate-option', `Option "${option}" is ticked twice; tick each item once.`, `Пункт «${option}» позначено двічі; позначайте кожен пункт один раз.`),
  required: () => refusal('required', 'An answer is required here.', 'Тут потрібна відповідь.'),
  notAnInt: (raw: string) =>
    refusal('not-an-int', `"${raw}" is not a whole number; type digits only, e.g. 17.`, `«${raw}» — не ціле число; введіть лише цифри, напр. 17.`),
  outOfRange: (value: number, min: number | undefined, max: number | undefined) =>
    refusal('out-of-range', `${value} is out of range: ${rangeEn(min, max)}.`, `${value} поза межами: ${rangeUk(min, max)}.`),
  tooLong: (length: number, maxLength: number) =>
    refusal(
      'too-long',
      `The answer is too long (${length} characters); at most ${maxLength}.`,
      `Відповідь задовга (${length} символів); щонайбільше ${maxLength}.`,
    ),
  patternMismatch: (pattern: string) =>
    refusal('pattern-mismatch', `The answer does not have the expected form (${pattern}).`, `Відповідь не має очікуваного вигляду (${pattern}).`),
  notABool: (raw: string) =>
    refusal('not-a-bool', `"${raw}" is not yes or no; type yes or no (так or ні).`, `«${raw}» — не «так» чи «ні»; введіть так або ні (yes або no).`),
  nothingToUndo: () => refusal('nothing-to-undo', 'There is nothing to go back to: this is the first step.', 'Нема куди повертатися: це перший крок.'),
  unknownInterrupt: (key: string, known: readonly string[]) =>
    refusal(
      'unknown-interrupt',
      `No interrupt "${key}" here${known.length ? `; available: ${known.join(' ')}` : ''}.`,
      `Тут немає переривання «${key}»${known.length ? `; доступні: ${known.join(' ')}` : ''}.`,
    ),
  badStartVariable: (sop: string, name: string, expected: string | undefined) =>
    expected === undefined
      ? refusal('bad-start-variable', `SOP "${sop}" has no variable "${name}".`, `СОП «${sop}» не має змінної «${name}».`)
      : refusal(
          'bad-start-variable',
          `Variable "${name}" of SOP "${sop}" is ${expected}; the value given does not fit.`,
          `Змінна «${name}» СОП «${sop}» має тип ${expected}; надане значення не підходить.`,
        ),
  unknownSop: (sop: string, from: string) =>
    refusal('unknown-sop', `SOP "${sop}" (${from}) is not in the library; run "sop validate".`, `СОП «${sop}» (${from}) немає в бібліотеці; запустіть «sop validate».`),
  unknownStep: (step: string) =>
    refusal('unknown-step', `Step "${step}" does not exist; run "sop validate".`, `Кроку «${step}» не існує; запустіть «sop validate».`),
  notInteractive: (step: string) =>
    refusal('not-interactive', `The call is not waiting at an interactive step (${step}).`, `Дзвінок не чекає на кроці з відповіддю (${step}).`),
  noBranch: (step: string) =>
    refusal(
      'no-branch',
      `No branch of ${step} applies and there is no default; add a last branch without "when" (run "sop validate").`,
      `Жодна гілка ${step} не підходить і немає гілки за замовчуванням; додайте останню гілку без «when» (запустіть «sop validate»).`,
    ),
  conditionFailed: (step: string, expr: string, reason: string) =>
    refusal(
      'condition-failed',
      `The condition "${expr}" at ${step} could not be evaluated: ${reason}; run "sop validate".`,
      `Умову «${expr}» на кроці ${step} не вдалося обчислити: ${reason}; запустіть «sop validate».`,
    ),
  tooManyAutomaticSteps: (limit: number, step: string) =>
    refusal(
      'too-many-automatic-steps',
      `More than ${limit} decide/call steps in a row without a question (at ${step}): the SOP loops; run "sop validate".`,
      `Понад ${limit} кроків decide/call поспіль без питання (на ${step}): СОП зациклено; запустіть «sop validate».`,
    ),
};

/** What each interactive step takes, for wrong-answer-kind. */
const EXPECTED = {
  say: { en: 'just continue', uk: 'просто продовжіть' },
  ask: { en: 'choose one of its options', uk: 'оберіть один із варіантів' },
  checklist: { en: 'tick the items that apply (or none)', uk: 'позначте пункти, що підходять (або жодного)' },
  input: { en: 'type the answer', uk: 'введіть відповідь' },
} as const;

function rangeEn(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `from ${min} to ${max}`;
  if (min !== undefined) return `at least ${min}`;
  return `at most ${max}`;
}

function rangeUk(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `від ${min} до ${max}`;
  if (min !== undefined) return `щонайменше ${min}`;
  return `щонайбільше ${max}`;
}
