/** The runner's own words on screen, in English and Ukrainian (used through `say(lang, ...)`). */
import type { Message } from '../i18n.js';

export const WORDS = {
  say: { en: 'Say:', uk: 'Скажіть:' },
  guidance: { en: 'Guidance', uk: 'Порада' },
  noGuidance: { en: 'No guidance for this step.', uk: 'Для цього кроку немає поради.' },
  source: { en: 'Source', uk: 'Джерело' },
  more: { en: '… (enlarge the window to see more)', uk: '… (збільште вікно, щоб побачити більше)' },
  pageHint: { en: '↑↓ scroll', uk: '↑↓ гортати' },
  practice: { en: 'PRACTICE', uk: 'ТРЕНУВАННЯ' },
  continue: { en: 'Enter continue', uk: 'Enter далі' },
  typeAnswer: { en: 'Type the answer · Enter confirm', uk: 'Введіть відповідь · Enter підтвердити' },
  escThen: { en: 'Esc, then:', uk: 'Esc, потім:' },
  keysAfterEsc: { en: 'Keys: ', uk: 'Клавіші: ' },
  guidanceKey: { en: 'guidance', uk: 'порада' },
  back: { en: 'back', uk: 'назад' },
  note: { en: 'note', uk: 'нотатка' },
  quit: { en: 'quit', uk: 'вийти' },
  optional: { en: '(may be left empty)', uk: '(можна залишити порожнім)' },
  answer: { en: 'Answer', uk: 'Відповідь' },
  previously: { en: 'Before going back:', uk: 'До повернення:' },
  notePrompt: { en: 'Note (one line, Enter save, Esc cancel):', uk: 'Нотатка (один рядок, Enter зберегти, Esc скасувати):' },
  noteSaved: { en: 'Note saved.', uk: 'Нотатку збережено.' },
  noteEmpty: { en: 'Empty note not saved.', uk: 'Порожню нотатку не збережено.' },
  confirmQuit: {
    en: 'Stop this call now? It is kept as interrupted; "sop resume" continues it.  y = stop · n = stay',
    uk: 'Зупинити дзвінок зараз? Його буде збережено як перерваний; "sop resume" продовжить.  y = зупинити · n = залишитися',
  },
  commandMode: { en: 'Press a key: ? b n q or an interrupt key; any other key returns to typing.', uk: 'Натисніть клавішу: ? b n q або клавішу переривання; будь-яка інша повертає до введення.' },
  ticked: { en: 'ticked', uk: 'позначено' },
  nothingTicked: { en: 'Nothing ticked: Enter confirms "none".', uk: 'Нічого не позначено: Enter підтверджує «жодного».' },
  // Summary
  summary: { en: 'Call summary', uk: 'Підсумок дзвінка' },
  outcome: { en: 'Outcome', uk: 'Результат' },
  path: { en: 'Path taken', uk: 'Пройдений шлях' },
  referrals: { en: 'Referrals', uk: 'Перенаправлення' },
  noReferrals: { en: 'none', uk: 'немає' },
  hours: { en: 'hours', uk: 'години' },
  unverified: { en: 'UNVERIFIED', uk: 'НЕ ПЕРЕВІРЕНО' },
  lastVerified: { en: 'last verified', uk: 'перевірено' },
  unknownContact: { en: 'not in the directory', uk: 'немає в довіднику' },
  duration: { en: 'Duration', uk: 'Тривалість' },
  answers: { en: 'Answers given', uk: 'Надані відповіді' },
  sealed: { en: '(sensitive, sealed)', uk: '(чутливе, запечатано)' },
  fullPath: { en: 'full path', uk: 'увесь шлях' },
  session: { en: 'Session', uk: 'Сесія' },
  journal: { en: 'Journal', uk: 'Журнал' },
  interruptedTitle: { en: 'Call interrupted', uk: 'Дзвінок перервано' },
  resumeHint: { en: 'Continue it later with: sop resume', uk: 'Продовжити пізніше: sop resume' },
  stoppedAt: { en: 'Stopped at', uk: 'Зупинено на' },
  unfinishedNoteKept: {
    en: 'The note you were typing was kept in the journal, marked unfinished.',
    uk: 'Нотатку, яку ви вводили, збережено в журналі з позначкою «незавершена».',
  },
} satisfies Record<string, Message>;

export const SUMMARY_WORDS = {
  moreAnswers: (n: number): Message => ({ en: `${n} more answers`, uk: `ще відповідей: ${n}` }),
};

/** The footer's first line for a list: the digit keys there are ("1-9", "1-4"). */
export const LIST_WORDS = {
  choose: (digits: string): Message => ({ en: `↑↓ or ${digits} choose · Enter confirm`, uk: `↑↓ або ${digits} вибір · Enter підтвердити` }),
  toggle: (digits: string): Message => ({ en: `↑↓ move · Space or ${digits} tick · Enter confirm`, uk: `↑↓ рух · Пробіл або ${digits} позначити · Enter підтвердити` }),
};
