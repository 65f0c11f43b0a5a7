/** `sop stats`'s own words, in English and Ukrainian. */
export const SW = {
  live: { en: 'Calls', uk: 'Дзвінки' },
  training: { en: 'Training sessions', uk: 'Навчальні сесії' },
  all: { en: 'all dates', uk: 'усі дати' },
  summary: { en: 'Summary', uk: 'Підсумок' },
  calls: { en: 'calls', uk: 'дзвінків' },
  completed: { en: 'completed', uk: 'завершено' },
  unfinished: { en: 'not finished (interrupted or cut off)', uk: 'не завершено (перервано або обірвано)' },
  resumed: { en: 'interrupted, then resumed to the end', uk: 'перервано, потім продовжено до кінця' },
  duration: { en: 'Call duration (completed calls)', uk: 'Тривалість дзвінка (завершені дзвінки)' },
  median: { en: 'median', uk: 'медіана' },
  p90: { en: '90th percentile', uk: '90-й процентиль' },
  bySop: { en: 'By SOP', uk: 'За СОП' },
  byOutcome: { en: 'By outcome', uk: 'За результатом' },
  byCategory: { en: 'By outcome category', uk: 'За категорією результату' },
  unfinishedBy: { en: 'Not finished, by reason', uk: 'Не завершено, за причиною' },
  stepTimes: { en: 'Median time per step (shown → answered)', uk: 'Медіанний час на крок (показано → відповідь)' },
  answers: { en: 'answers', uk: 'відповідей' },
  amendments: { en: 'Amendments per step (answers changed after going back)', uk: 'Виправлення за кроками (відповіді змінено після повернення)' },
  byDimension: { en: 'By', uk: 'За' },
  dimension: {
    'call-type': { en: 'By call type', uk: 'За типом дзвінка' },
    'caller-role': { en: 'By caller role', uk: 'За роллю абонента' },
  } as { readonly [dimension: string]: { readonly en: string; readonly uk: string } },
  tooFew: { en: 'fewer than 5: not shown', uk: 'менше 5: не показано' },
  none: { en: 'none', uk: 'немає' },
  privacy: {
    en: 'Counts from 1 to 4 are shown as "<5", and times resting on fewer than 5 values are not shown, so no caller can be recognised.',
    uk: 'Кількості від 1 до 4 показано як «<5», а час, що спирається на менше ніж 5 значень, не показано, щоб нікого не можна було впізнати.',
  },
  rawWarning: {
    en: 'RAW: exact small counts are included. Do not share this output outside the team.',
    uk: 'RAW: включено точні малі кількості. Не поширюйте цей результат за межі команди.',
  },
} as const;

/** Picks the words in `lang` (English unless uk). */
export { say as sw } from '../model/message.js';
